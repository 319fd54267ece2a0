import { request, subscribe } from '../../api/client';
import { reportError } from '../softphone';
import { useReminders } from './store';

/** Loads the reminders due now and follows the main process's updates. Returns the unsubscribe. */
export function connectReminders(): () => void {
  const off = subscribe('followUpsDue', ({ reminders }) => useReminders.getState().set(reminders));
  request('listDueFollowUps', {}).then(({ reminders }) => useReminders.getState().set(reminders), reportError);
  return off;
}

/** Reminders being completed: a second click while the first is out sends nothing. */
const completing = new Set<number>();

/** Never rejects: the buttons call it without awaiting, so a failure is shown in the error banner instead. */
export async function completeReminder(id: number, csat?: number): Promise<void> {
  if (completing.has(id)) return;
  completing.add(id);
  try {
    const recorded = await request('completeFollowUp', csat === undefined ? { id } : { id, csat });
    useReminders.getState().setRecorded(recorded);
    useReminders.getState().set(useReminders.getState().reminders.filter((r) => r.id !== id));
  } catch (err) {
    reportError(err);
  } finally {
    completing.delete(id);
  }
}
