import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src-shared/domain/call';
import { soundsFor } from './sounds';

const call = (over: Partial<Call>): Call => ({
  callId: 'c1', direction: 'inbound', state: 'ringing', remoteNumber: '1', displayName: null,
  headers: { queue: null, customerId: null, ivrPath: null, language: null },
  startedAt: 0, answeredAt: null, endedAt: null, endReason: null, hold: 'off', muted: false,
  recording: 'off', transfer: null, consultFor: null,
  ...over,
});

describe('soundsFor', () => {
  it('rings for an inbound call ringing on screen, and stops when it is answered or ends', () => {
    expect(soundsFor(null, call({}), false).ring).toBe(true);
    expect(soundsFor(call({}), call({ state: 'active' }), false).ring).toBe(false);
    expect(soundsFor(call({}), call({ state: 'ended' }), false).ring).toBe(false);
    expect(soundsFor(null, call({ direction: 'outbound', state: 'ringing' }), false).ring).toBe(false);
  });

  it('beeps once when a ringing call is answered for a headset agent with auto-answer on', () => {
    expect(soundsFor(call({}), call({ state: 'connecting' }), true).beep).toBe(true);
    expect(soundsFor(call({}), call({ state: 'connecting' }), false).beep).toBe(false);
    expect(soundsFor(call({ state: 'active' }), call({ state: 'active', hold: 'held' }), true).beep).toBe(false);
    expect(soundsFor(call({ callId: 'other' }), call({ state: 'active' }), true).beep).toBe(false);
  });
});
