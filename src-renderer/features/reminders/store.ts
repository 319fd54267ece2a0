import { create } from 'zustand';
import type { FollowUpReminder } from '../../../src-shared/domain/follow-up';

interface RemindersState {
  reminders: FollowUpReminder[];
  /** What the last completion stored, read back from the work order. */
  recorded: { workOrderId: string | null; csat: number | null } | null;
  set(reminders: FollowUpReminder[]): void;
  setRecorded(recorded: RemindersState['recorded']): void;
}

export const useReminders = create<RemindersState>((set) => ({
  reminders: [],
  recorded: null,
  set: (reminders) => set({ reminders }),
  setRecorded: (recorded) => set({ recorded }),
}));
