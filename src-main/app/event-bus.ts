import { events, type EventChannel, type EventOf } from '../../src-shared/contract';

type Listener = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

/** Events from services to whichever host is attached; payloads are checked against the contract on the way out. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    const checked = events[event].parse(payload) as EventOf<E>;
    for (const listener of this.listeners) listener(event, checked);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
