import { create } from 'zustand';
import type { LiveQuality } from './sampler';

interface QualityState {
  /** The call's quality now; null when no call carries audio in this window. */
  live: LiveQuality | null;
  set(live: LiveQuality | null): void;
}

export const useQuality = create<QualityState>((set) => ({
  live: null,
  set: (live) => set({ live }),
}));
