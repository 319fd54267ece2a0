import type { Call } from '../../../src-shared/domain/call';

/** What the ringer and speaker should do for a change of the call on screen. */
export function soundsFor(prev: Call | null, next: Call | null, autoAnswer: boolean): { ring: boolean; beep: boolean } {
  const ring = next !== null && next.direction === 'inbound' && next.state === 'ringing';
  const answeredForAgent =
    autoAnswer && prev !== null && next !== null && prev.callId === next.callId && prev.state === 'ringing' && (next.state === 'connecting' || next.state === 'active');
  return { ring, beep: answeredForAgent };
}
