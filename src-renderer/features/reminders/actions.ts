import { request, subscribe } from '../../api/client';
import { reportError } from '../softphone';
import { reminderActions } from './reminder-actions';
import { useReminders } from './store';

const actions = reminderActions(request, reportError);

/** Loads the reminders due now and follows the main process's updates. Returns the unsubscribe. */
export function connectReminders(): () => void {
  const off = subscribe('followUpsDue', ({ reminders }) => useReminders.getState().set(reminders));
  void actions.load();
  return off;
}

export const completeReminder = actions.complete;
