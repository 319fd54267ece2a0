import type { RequestChannel, RequestOf, ResponseOf } from '../../../src-shared/contract';
import { useReminders } from './store';

export type Request = <C extends RequestChannel>(channel: C, payload: RequestOf<C>) => Promise<ResponseOf<C>>;

/**
 * Loading and completing reminders. The buttons call these without awaiting them, so they never reject: a
 * failure goes to `report` (the error banner). A second click on a reminder while its completion is out sends
 * nothing, so a double click cannot record the CSAT twice.
 */
export function reminderActions(request: Request, report: (err: unknown) => void) {
  const completing = new Set<number>();
  return {
    load: () => request('listDueFollowUps', {}).then(({ reminders }) => useReminders.getState().set(reminders), report),
    async complete(id: number, csat?: number): Promise<void> {
      if (completing.has(id)) return;
      completing.add(id);
      try {
        const recorded = await request('completeFollowUp', csat === undefined ? { id } : { id, csat });
        useReminders.getState().setRecorded(recorded);
        useReminders.getState().set(useReminders.getState().reminders.filter((r) => r.id !== id));
      } catch (err) {
        report(err);
      } finally {
        completing.delete(id);
      }
    },
  };
}
