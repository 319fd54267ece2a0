import { ContractError } from '../../src-shared/contract';
import type { FollowUpReminder } from '../../src-shared/domain/follow-up';
import type { Cache } from '../services/db/cache';
import type { EventBus } from './event-bus';

/**
 * Pops reminders when promised callbacks and planned follow-ups fall due: checks every few seconds (one indexed
 * query) and tells the renderer whenever the set of due items changes. Completing a follow-up records the CSAT.
 */
export class FollowUpReminders {
  private timer: NodeJS.Timeout | null = null;
  private lastIds = '';

  constructor(
    private readonly cache: Cache,
    private readonly events: EventBus,
    private readonly agent: () => string,
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  due(): FollowUpReminder[] {
    return this.cache.followUps.dueReminders(undefined, this.agent());
  }

  /**
   * Marks a reminder done; for a follow-up with a CSAT, rates its work order and reads the score back. Marking
   * and rating are one transaction, and a reminder already done is not rated again: a double click, or a retry
   * whose first answer was lost, records one rating and one event.
   */
  complete(id: number, csat: number | undefined): { workOrderId: string | null; csat: number | null } {
    const item = this.cache.followUps.get(id);
    if (!item) throw new ContractError('NOT_FOUND', `There is no reminder ${id}.`, undefined, { key: 'mainError.reminder.gone' });
    if (csat !== undefined && item.workOrderId === null) {
      throw new ContractError('INVALID_REQUEST', 'This reminder has no work order to record a CSAT score on.', undefined, {
        key: 'mainError.reminder.noWorkOrder',
      });
    }
    const { workOrderId } = item;
    this.cache.workOrdersDb.transaction(() => {
      const first = this.cache.followUps.markDone(id, csat ?? null);
      if (first && csat !== undefined && workOrderId !== null) this.cache.workOrders.rate(workOrderId, csat, this.agent());
    })();
    this.check();
    const order = item.workOrderId === null ? null : this.cache.workOrders.csatOf(item.workOrderId);
    return { workOrderId: order?.externalId ?? null, csat: order?.csat ?? null };
  }

  private check(): void {
    const reminders = this.due();
    const ids = reminders.map((r) => r.id).join(',');
    if (ids === this.lastIds) return;
    this.lastIds = ids;
    this.events.emit('followUpsDue', { reminders });
  }
}
