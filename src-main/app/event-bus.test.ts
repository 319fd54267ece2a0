import { describe, expect, it, vi } from 'vitest';
import type { Call } from '../../src-shared/domain/call';
import { EventBus } from './event-bus';
import type { Logger } from './logger';

const call: Call = {
  callId: 'c-1',
  direction: 'outbound',
  state: 'ended',
  remoteNumber: '2002',
  displayName: null,
  headers: { queue: null, customerId: null, ivrPath: null, language: null },
  startedAt: 1,
  answeredAt: null,
  endedAt: 2,
  endReason: '486 Busy Here',
  hold: 'off',
  muted: false,
  recording: 'off',
  transfer: null,
  consultFor: null,
};

function recordingLogger() {
  const errors: { message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = { info() {}, warn() {}, error: (message, fields) => errors.push({ message, fields }) };
  return { log, errors };
}

describe('EventBus never throws at the emitter', () => {
  it('a payload that fails its schema (a reason phrase too long) is logged without its value and dropped', () => {
    const { log, errors } = recordingLogger();
    const bus = new EventBus(log);
    const heard = vi.fn();
    bus.subscribe(heard);
    const hostile = { ...call, endReason: `486 ${'\u202e<img src=x onerror=alert(1)>'.repeat(500)}` };
    expect(() => bus.emit('callUpdated', hostile)).not.toThrow();
    expect(heard).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.fields).toMatchObject({ event: 'callUpdated', issues: [{ path: 'endReason', code: 'too_big' }] });
    expect(JSON.stringify(errors)).not.toContain('onerror');
    // The next good event still goes out.
    bus.emit('callUpdated', call);
    expect(heard).toHaveBeenCalledWith('callUpdated', call);
  });

  it('a listener that throws is logged; the other listeners still hear the event', () => {
    const { log, errors } = recordingLogger();
    const bus = new EventBus(log);
    const after = vi.fn();
    bus.subscribe(() => {
      throw new Error('window gone');
    });
    bus.subscribe(after);
    expect(() => bus.emit('callUpdated', call)).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(errors).toEqual([{ message: 'event listener failed', fields: { event: 'callUpdated', error: 'window gone' } }]);
  });
});
