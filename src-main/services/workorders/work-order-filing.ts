import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { FollowUpsRepo } from '../followups/follow-ups-repo';
import { routeFor, slaDeadline, type Route, type SlaHours } from '../../../src-shared/workorders/complaint';
import { cardEnding } from '../../../src-shared/workorders/payment-card';
import type { WorkOrderSubmission } from '../../../src-shared/workorders/work-order-form';
import type { WorkOrderDraftsRepo } from './work-order-drafts-repo';
import type { WorkOrdersRepo } from './work-orders-repo';
import type { Outbox } from '../sync/outbox';
import { customerRef } from '../sync/customer-ref';

export interface FiledWorkOrder {
  id: string;
  dueAt: number;
  route: Route;
  callbackId: number | null;
  followUpId: number;
}

/**
 * Files a complaint from the form: the work order with its SLA deadline and route, the callback reminder, the
 * follow-up task, and the agent's draft cleared, all in one transaction on the FULL-sync connection.
 */
export class WorkOrderFiling {
  constructor(
    private readonly db: Db,
    private readonly workOrders: WorkOrdersRepo,
    private readonly followUps: FollowUpsRepo,
    private readonly drafts: WorkOrderDraftsRepo,
    private readonly slaHours: () => SlaHours,
    private readonly now: () => number = Date.now,
    private readonly outbox: Outbox | null = null,
    /** Six hex digits for the number the agent reads out; drawn again when the day already has it. */
    private readonly suffix: () => string = () => randomBytes(3).toString('hex').toUpperCase(),
    /** The queue of a call still on the softphone (filed during the call, before its row is written). */
    private readonly liveCallQueue: (callId: string) => string | null | undefined = () => undefined,
  ) {}

  /**
   * The queue the customer called on: the live call's, else the call's row (filed in after-call work or later);
   * null with no call, or a call that came in on no queue.
   */
  private callQueue(callId: string | null): string | null {
    if (callId === null) return null;
    const live = this.liveCallQueue(callId);
    const queue = live !== undefined ? live : this.db.prepare<[string], { queue: string | null }>('SELECT queue FROM contacts WHERE external_id = ?').get(`call:${callId}`)?.queue;
    // A PBX header: capped, and without the NUL the team server's contract refuses (it would refuse the work order).
    return queue?.replaceAll('\u0000', '').slice(0, 64) || null;
  }

  private newNumber(createdAt: number): string {
    const day = new Date(createdAt).toISOString().slice(0, 10).replaceAll('-', '');
    for (;;) {
      const id = `WO-${day}-${this.suffix()}`;
      if (this.workOrders.idOf(id) === null) return id;
    }
  }

  file(agent: string, form: WorkOrderSubmission): FiledWorkOrder {
    return this.db.transaction(() => {
      const createdAt = this.now();
      const externalId = this.newNumber(createdAt);
      const dueAt = slaDeadline(form.severity, createdAt, this.slaHours());
      const route = routeFor(form.severity);
      const uuid = randomUUID();
      const callQueue = this.callQueue(form.callId);
      const details = {
        whatHappened: form.whatHappened,
        whyTags: form.whyTags,
        fairResolution: form.fairResolution,
        extraOffered: form.extraOffered,
        callback: form.callback,
        followUpAt: form.followUpAt,
        route,
        callId: form.callId,
        // The ID number was checked on the call; only its ending is kept (enough to say which, not to misuse it).
        ...(form.idNumber ? { idNumberEnding: form.idNumber.slice(-4) } : {}),
        // Likewise the card a disputed charge was on: its last four digits say which card, and nothing more.
        ...(form.cardNumber ? { cardEnding: cardEnding(form.cardNumber) } : {}),
      };
      const id = this.workOrders.create({
        externalId,
        uuid,
        customerId: form.customerId,
        kind: 'complaint',
        complaintType: form.complaintType,
        severity: form.severity,
        summary: form.whatHappened.slice(0, 200),
        createdAt,
        dueAt,
        actor: agent,
        data: details,
        callQueue,
      });
      const callbackUuid = form.callback ? randomUUID() : null;
      const followUpUuid = randomUUID();
      const callbackId = form.callback
        ? this.followUps.add({
            kind: 'callback',
            customerId: form.customerId,
            workOrderId: id,
            number: form.callback.number,
            dueAt: form.callback.from,
            windowEnd: form.callback.to,
            note: form.whatHappened.slice(0, 200),
            uuid: callbackUuid,
          })
        : null;
      const followUpId = this.followUps.add({
        kind: 'follow-up',
        customerId: form.customerId,
        workOrderId: id,
        number: form.callback?.number ?? null,
        dueAt: form.followUpAt,
        windowEnd: null,
        note: form.whatHappened.slice(0, 200),
        uuid: followUpUuid,
      });
      this.outbox?.add(uuid, {
        kind: 'workOrder.file',
        workOrder: {
          id: uuid,
          displayId: externalId,
          customer: customerRef(this.db, form.customerId, form.callback?.number ?? null),
          complaintType: form.complaintType,
          severity: form.severity,
          summary: form.whatHappened.slice(0, 200),
          details,
          callQueue,
        },
        followUps: [
          ...(form.callback && callbackUuid
            ? [{ id: callbackUuid, kind: 'callback' as const, number: form.callback.number, dueAt: form.callback.from, windowEnd: form.callback.to, note: form.whatHappened.slice(0, 200) }]
            : []),
          { id: followUpUuid, kind: 'follow-up' as const, number: form.callback?.number ?? null, dueAt: form.followUpAt, windowEnd: null, note: form.whatHappened.slice(0, 200) },
        ],
      });
      this.drafts.discard(agent);
      return { id: externalId, dueAt, route, callbackId, followUpId };
    }).immediate();
  }
}
