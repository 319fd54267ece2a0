import { create } from 'zustand';
import type { RecordingHit } from '../../../src-shared/recording/recording-search';
import type { ShownError } from '../../i18n/main-error-text';

/** A recording being played: its audio as an object URL (revoked when closed) and each channel's peaks. */
export interface LoadedRecording {
  hit: RecordingHit;
  url: string;
  /** Left (agent) and right (customer) channels' peaks, 0–1. */
  agentPeaks: number[];
  customerPeaks: number[];
}

export interface RecordingsState {
  open: boolean;
  searching: boolean;
  /** null before the first search. */
  hits: RecordingHit[] | null;
  /** The recording chosen in the list: loading until its audio is here. */
  chosen: RecordingHit | null;
  playing: LoadedRecording | null;
  error: ShownError | null;
  set(partial: Partial<Omit<RecordingsState, 'set'>>): void;
}

/** The recordings screen: the last search, the chosen recording and what went wrong. */
export const useRecordings = create<RecordingsState>((set) => ({
  open: false,
  searching: false,
  hits: null,
  chosen: null,
  playing: null,
  error: null,
  set: (partial) => set(partial),
}));
