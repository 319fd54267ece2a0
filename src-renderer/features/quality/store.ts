import { create } from 'zustand';
import type { ConnectionTestResult } from '../../../src-shared/quality/connection-test';
import type { LiveQuality } from './sampler';

/** "Test my connection": not run yet, running, the call did not connect, or its verdict. */
export type ConnectionTestState = 'idle' | 'running' | 'failed' | ConnectionTestResult;

interface QualityState {
  /** The call's quality now; null when no call carries audio in this window. */
  live: LiveQuality | null;
  set(live: LiveQuality | null): void;
  test: ConnectionTestState;
  /** The test's own echo call, so it is not taken for the shift's first customer call. */
  testCallId: string | null;
  setTest(test: ConnectionTestState, callId?: string): void;
  /** The start-of-shift offer to test the line: open until tested, declined, or the first call comes. */
  shiftOffer: boolean;
  closeShiftOffer(): void;
}

export const useQuality = create<QualityState>((set) => ({
  live: null,
  set: (live) => set({ live }),
  test: 'idle',
  testCallId: null,
  setTest: (test, callId) => set((s) => ({ test, testCallId: callId ?? s.testCallId })),
  shiftOffer: true,
  closeShiftOffer: () => set({ shiftOffer: false }),
}));
