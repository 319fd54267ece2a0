import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { Outbox } from '../sync/outbox';
import { customerRef } from '../sync/customer-ref';
import { PbxCallId } from '../../../src-shared/domain/call';
import type { ContactSummary } from '../../../src-shared/domain/screen-pop';
import type { CallQualitySummary } from '../../../src-shared/quality/summary';

export interface ContactRecord {
  externalId: string | null;
  customerId: number | null;
  startedAt: number;
  direction: 'inbound' | 'outbound';
  /** E.164 when it was a phone number, else as the PBX gave it. */
  number: string;
  queue: string | null;
  ivrPath: string | null;
  durationS: number;
  holdS: number;
  disposition: string | null;
  agent: string | null;
  transferTarget: string | null;
  workOrderId: number | null;
  /** Whether the agent answered (a call that only rang is offered, not handled); imported history: answered. */
  answered?: boolean;
  /** The PBX's SIP Call-ID, for the call's recording; absent for imported history and older rows. */
  pbxCallId?: string | null;
}

interface SummaryRow {
  pbx_call_id: string | null;
  started_at: number;
  direction: 'inbound' | 'outbound';
  queue: string | null;
  duration_s: number;
  disposition: string | null;
  agent: string | null;
}

const toSummary = (r: SummaryRow): ContactSummary => ({
  startedAt: r.started_at,
  direction: r.direction,
  queue: r.queue,
  durationS: r.duration_s,
  disposition: r.disposition,
  agent: r.agent,
  ...(r.pbx_call_id ? { pbxCallId: r.pbx_call_id } : {}),
});

const toRow = (record: ContactRecord) => ({ ...record, answered: record.answered === false ? 0 : 1, pbxCallId: record.pbxCallId ?? null });

/** What a shared call record takes from its row beyond the record itself. */
interface SharedRow {
  id: number;
  uuid: string | null;
  acw_s: number;
  answered: number;
  quality_avg_mos: number | null;
  quality_worst_mos: number | null;
  quality_worst_jitter_ms: number | null;
  quality_worst_loss_pct: number | null;
  quality_warning_s: number | null;
  quality_one_way: number | null;
}

/** Call history (contacts): one row per call, imported or written when a call ends. */
export class ContactsRepo {
  private readonly upsertStatement;
  private readonly existing;
  private readonly qualityStatement;
  private readonly sharedRow;
  private readonly acwStatement;
  readonly recentByCustomer;
  readonly recentByNumber;

  constructor(private readonly db: Db, private readonly outbox: Outbox | null = null) {
    this.upsertStatement = db.prepare(`
      INSERT INTO contacts (external_id, customer_id, started_at, direction, number, queue, ivr_path, duration_s, hold_s,
        disposition, agent, transfer_target, work_order_id, answered, pbx_call_id)
      VALUES (@externalId, @customerId, @startedAt, @direction, @number, @queue, @ivrPath, @durationS, @holdS,
        @disposition, @agent, @transferTarget, @workOrderId, @answered, @pbxCallId)
      ON CONFLICT (external_id) DO UPDATE SET customer_id = excluded.customer_id, started_at = excluded.started_at,
        direction = excluded.direction, number = excluded.number, queue = excluded.queue, ivr_path = excluded.ivr_path,
        duration_s = excluded.duration_s, hold_s = excluded.hold_s, disposition = excluded.disposition,
        agent = excluded.agent, transfer_target = excluded.transfer_target, work_order_id = excluded.work_order_id,
        answered = excluded.answered, pbx_call_id = COALESCE(excluded.pbx_call_id, contacts.pbx_call_id)`);
    this.acwStatement = db.prepare<[number, string]>('UPDATE contacts SET acw_s = ? WHERE external_id = ?');
    this.existing = db.prepare<[string], { id: number }>('SELECT id FROM contacts WHERE external_id = ?');
    this.sharedRow = db.prepare<[string], SharedRow>(
      `SELECT id, uuid, acw_s, answered, quality_avg_mos, quality_worst_mos, quality_worst_jitter_ms, quality_worst_loss_pct,
        quality_warning_s, quality_one_way FROM contacts WHERE external_id = ?`,
    );
    this.qualityStatement = db.prepare(`
      UPDATE contacts SET quality_avg_mos = @avgMos, quality_worst_mos = @worstMos, quality_worst_jitter_ms = @worstJitterMs,
        quality_worst_loss_pct = @worstLossPct, quality_warning_s = @warningSeconds, quality_one_way = @oneWay
      WHERE external_id = @externalId`);
    const columns = 'started_at, direction, queue, duration_s, disposition, agent, pbx_call_id';
    this.recentByCustomer = db.prepare<[number, number], SummaryRow>(
      `SELECT ${columns} FROM contacts WHERE customer_id = ? ORDER BY started_at DESC LIMIT ?`,
    );
    this.recentByNumber = db.prepare<[string, number], SummaryRow>(
      `SELECT ${columns} FROM contacts WHERE number = ? ORDER BY started_at DESC LIMIT ?`,
    );
  }

  /** Insert, or update by external id when it has one. Returns whether the row was new. */
  upsert(record: ContactRecord): { created: boolean } {
    const created = record.externalId === null || !this.existing.get(record.externalId);
    this.upsertStatement.run(toRow(record));
    return { created };
  }

  /**
   * A call of this desktop's agent: written, and (share) queued for the team in the same transaction when the
   * desktop syncs, with what its row holds by then: after-call work, whether answered, the quality measured. The
   * row's uuid is made once, so every write of the call is the same record. Share it once it is complete: the
   * team server keeps the first copy it gets.
   */
  recordCall(record: ContactRecord & { externalId: string }, { share = true }: { share?: boolean } = {}): void {
    this.db.transaction(() => {
      this.upsertStatement.run(toRow(record));
      if (!share || !this.outbox?.enabled) return;
      const row = this.sharedRow.get(record.externalId)!;
      const uuid = row.uuid ?? randomUUID();
      if (!row.uuid) this.db.prepare('UPDATE contacts SET uuid = ? WHERE id = ?').run(uuid, row.id);
      this.outbox.add(uuid, {
        kind: 'contact.record',
        contact: {
          id: uuid,
          startedAt: record.startedAt,
          direction: record.direction,
          customer: customerRef(this.db, record.customerId, record.number),
          queue: record.queue?.slice(0, 64) ?? null,
          durationS: Math.min(record.durationS, 86_400),
          holdS: Math.min(record.holdS, 86_400),
          disposition: record.disposition?.slice(0, 64) ?? null,
          acwS: Math.min(row.acw_s, 86_400),
          answered: row.answered === 1,
          quality:
            row.quality_warning_s === null
              ? null
              : {
                  avgMos: row.quality_avg_mos,
                  worstMos: row.quality_worst_mos,
                  worstJitterMs: row.quality_worst_jitter_ms,
                  worstLossPct: row.quality_worst_loss_pct,
                  warningS: row.quality_warning_s,
                  oneWay: row.quality_one_way === 1,
                },
          // A Call-ID the team server would refuse is left out rather than losing the call's record with it.
          ...(PbxCallId.safeParse(record.pbxCallId).success ? { pbxCallId: record.pbxCallId! } : {}),
        },
      });
    })();
  }

  /**
   * The after-call work spent on a call, in whole seconds, once it is over; kept apart from the upsert so a
   * disposition chosen later does not put it back to 0.
   */
  setAfterCallWork(externalId: string, seconds: number): boolean {
    return this.acwStatement.run(Math.max(0, Math.round(seconds)), externalId).changes > 0;
  }

  /** The call's quality summary onto its row; false when there is no such row (yet). */
  setQuality(externalId: string, q: CallQualitySummary): boolean {
    const { avgMos, worstMos, worstJitterMs, worstLossPct, warningSeconds } = q;
    return this.qualityStatement.run({ externalId, avgMos, worstMos, worstJitterMs, worstLossPct, warningSeconds, oneWay: q.oneWayAudio ? 1 : 0 }).changes > 0;
  }

  recentForCustomer(customerId: number, limit = 5): ContactSummary[] {
    return this.recentByCustomer.all(customerId, limit).map(toSummary);
  }

  recentForNumber(number: string, limit = 5): ContactSummary[] {
    return this.recentByNumber.all(number, limit).map(toSummary);
  }
}
