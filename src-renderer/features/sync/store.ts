import { create } from 'zustand';
import type { SyncDecision, SyncStatus } from '../../../src-shared/domain/sync-status';

export interface SyncState {
  status: SyncStatus | null;
  decisions: SyncDecision[];
  set(partial: Partial<Omit<SyncState, 'set'>>): void;
}

/** How this desktop stands with the team server, and the changes that need the agent's decision. */
export const useSync = create<SyncState>((set) => ({
  status: null,
  decisions: [],
  set: (partial) => set(partial),
}));
