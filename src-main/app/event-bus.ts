import { events, type EventChannel, type EventOf } from '../../src-shared/contract';
import { silentLogger, type Logger } from './logger';

type Listener = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

/**
 * Events from services to whichever host is attached; payloads are checked against the contract on the way out.
 * It never throws at an emitter: emitters are sip.js callbacks and state machines halfway through a change (a
 * call ending), which a throw would leave half done. A payload that fails its schema is logged and dropped,
 * and a listener that throws is logged while the others still hear the event.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly log: Logger = silentLogger) {}

  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    const checked = events[event].safeParse(payload);
    if (!checked.success) {
      // The issues name the fields and what was wrong, never the values (they may be hostile or personal).
      const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
      this.log.error('event dropped: its payload does not match the contract', { event, issues });
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(event, checked.data as EventOf<E>);
      } catch (err) {
        this.log.error('event listener failed', { event, error: (err as Error).message });
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
