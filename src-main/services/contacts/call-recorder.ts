import type { Call } from '../../../src-shared/domain/call';
import type { CallQualitySummary } from '../../../src-shared/quality/summary';
import type { ContactRecord, ContactsRepo } from './contacts-repo';

/** Who the call was with, as the screen pop resolved it: the customer row and the number as E.164. */
export type ResolveCaller = (call: Call) => { customerId: number | null; number: string };

const KEEP_FOR_DISPOSITION = 50;

/**
 * Every call becomes a contacts row when it ends (answered or not), keyed by the call id so the disposition
 * chosen in after-call work updates the same row instead of adding another.
 */
export class CallRecorder {
  /** The latest rows, until their disposition arrives. */
  private readonly recent = new Map<string, ContactRecord>();
  /** Calls whose after-call work is over: shared with the team once their disposition is there too. */
  private readonly workDone = new Set<string>();
  /** Quality reported before the call's row was written (the window may close its media first). */
  private readonly earlyQuality = new Map<string, CallQualitySummary>();

  constructor(
    private readonly contacts: ContactsRepo,
    private readonly resolve: ResolveCaller,
    private readonly agent: string,
  ) {}

  callEnded(call: Call, holdMs: number): ContactRecord {
    const { customerId, number } = this.resolve(call);
    const answered = call.answeredAt !== null;
    const record: ContactRecord = {
      externalId: `call:${call.callId}`,
      customerId,
      startedAt: call.startedAt,
      direction: call.direction,
      number,
      queue: call.headers.queue,
      ivrPath: call.headers.ivrPath,
      durationS: answered ? Math.round(((call.endedAt ?? call.answeredAt!) - call.answeredAt!) / 1000) : 0,
      holdS: Math.round(holdMs / 1000),
      disposition: answered ? null : call.endReason,
      agent: this.agent,
      transferTarget: call.transfer?.progress === 'succeeded' ? call.transfer.target : null,
      workOrderId: null,
      answered,
      pbxCallId: call.pbxCallId ?? null,
    };
    // An unanswered call is finished now; an answered one when its disposition is chosen.
    if (answered) this.contacts.upsert(record);
    else this.contacts.recordCall(record as ContactRecord & { externalId: string });
    this.recent.set(call.callId, record);
    if (this.recent.size > KEEP_FOR_DISPOSITION) {
      const oldest = this.recent.keys().next().value!;
      this.recent.delete(oldest);
      this.workDone.delete(oldest);
    }
    const quality = this.earlyQuality.get(call.callId);
    if (quality) {
      this.earlyQuality.delete(call.callId);
      this.contacts.setQuality(record.externalId!, quality);
    }
    return record;
  }

  /** The window's quality summary for a call: on its row now, or as soon as the row is written. */
  qualityMeasured(callId: string, quality: CallQualitySummary): void {
    if (this.recent.has(callId) && this.contacts.setQuality(`call:${callId}`, quality)) return;
    this.earlyQuality.set(callId, quality);
    if (this.earlyQuality.size > KEEP_FOR_DISPOSITION) this.earlyQuality.delete(this.earlyQuality.keys().next().value!);
  }

  /**
   * Her after-call work on this call is over: its seconds go on the call's row (for handle time in the reports),
   * and the call, complete now if its disposition is chosen, goes to the team.
   */
  afterCallWorkDone(callId: string, seconds: number): void {
    this.contacts.setAfterCallWork(`call:${callId}`, seconds);
    const record = this.recent.get(callId);
    if (!record) return;
    this.workDone.add(callId);
    if (record.disposition !== null) this.share(callId, record);
  }

  /** Written at once; shared with the team when her after-call work on it is over too (the server keeps its first copy). */
  setDisposition(callId: string, disposition: string): void {
    const record = this.recent.get(callId);
    if (!record) return;
    const updated = { ...record, disposition };
    this.recent.set(callId, updated);
    if (this.workDone.has(callId)) this.share(callId, updated);
    else this.contacts.recordCall(updated as ContactRecord & { externalId: string }, { share: false });
  }

  private share(callId: string, record: ContactRecord): void {
    this.workDone.delete(callId);
    this.contacts.recordCall(record as ContactRecord & { externalId: string });
  }
}
