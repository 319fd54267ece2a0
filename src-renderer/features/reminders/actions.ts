import { request, subscribe } from '../../api/client';
import { useReminders } from './store';

/** Loads the reminders due now and follows the main process's updates. Returns the unsubscribe. */
export function connectReminders(): () => void {
  const off = subscribe('followUpsDue', ({ reminders }) => useReminders.getState().set(reminders));
  void request('listDueFollowUps', {}).then(({ reminders }) => useReminders.getState().set(reminders));
  return off;
}

export async function completeReminder(id: number, csat?: number): Promise<void> {
  const recorded = await request('completeFollowUp', csat === undefined ? { id } : { id, csat });
  useReminders.getState().setRecorded(recorded);
  useReminders.getState().set(useReminders.getState().reminders.filter((r) => r.id !== id));
}
