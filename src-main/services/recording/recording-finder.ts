import { ContractError } from '../../../src-shared/contract';
import type { RecordingSummary } from '../../../src-shared/recording/recording-contract';
import { WORK_ORDER_CALL_MS, type CallRecordingLookup, type RecordingAudioChunk, type RecordingHit, type RecordingSearch, type WorkOrderRecordingLookup } from '../../../src-shared/recording/recording-search';
import { TeamServerError, type TeamClient } from '../sync/team-client';

/** What the finder needs of the team server's client. */
export type RecordingsServer = Pick<TeamClient, 'searchRecordings' | 'recordingAudio'>;

/** The customers this desktop knows, to search by a name (the server keeps numbers only) and to show names. */
export interface CustomerDirectory {
  numbersNamed(name: string): string[];
  nameOf(number: string): string | null;
  /**
   * A work order's call: the PBX's Call-ID when this desktop kept it, its customer's numbers and when it was filed;
   * null when it was filed without a call.
   */
  workOrderCall(id: string): { pbxCallId: string | null; numbers: string[]; filedAt: number } | null;
}

const MOST_NUMBERS = 10;
const MOST_HITS = 50;
const LOOKS_LIKE_NUMBER = /^[+\d\s().-]+$/;

/**
 * The recordings screen's way to the team server: searches with the signed-in session (a customer's name is
 * turned into the numbers this desktop knows for her) and fetches audio a range at a time, so the team access
 * token stays in main and the renderer gets only bytes.
 */
export class RecordingFinder {
  constructor(
    private readonly server: () => RecordingsServer | null,
    private readonly customers: CustomerDirectory,
  ) {}

  async search(q: RecordingSearch): Promise<RecordingHit[] | null> {
    const server = this.server();
    if (!server) return null;
    const { customer, ...rest } = q;
    const base = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''));
    let numbers: Array<string | undefined> = [undefined];
    if (customer) {
      // The server matches part of the number, digits only, so "+86 138-0000" finds +8613800000077.
      numbers = (LOOKS_LIKE_NUMBER.test(customer) ? [customer] : this.customers.numbersNamed(customer).slice(0, MOST_NUMBERS))
        .map((n) => n.replace(/\D/g, ''))
        // Punctuation alone ("-", "()") has no digits to match: it must not become a search with no customer at all.
        .filter((digits) => digits.length > 0);
      if (numbers.length === 0) return [];
    }
    const found = new Map<string, RecordingSummary>();
    try {
      for (const number of numbers) {
        for (const r of await server.searchRecordings({ ...base, ...(number ? { customer: number } : {}), limit: MOST_HITS })) found.set(r.id, r);
      }
    } catch (err) {
      throw failure(err);
    }
    return [...found.values()]
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, MOST_HITS)
      .map((r) => ({ ...r, customerName: this.customers.nameOf(r.customer)?.slice(0, 200) ?? null }));
  }

  /**
   * The recording of each call shown, for its "Recording" link: the one filed under the call's Call-ID when the
   * call has one (then no other call's recording, even when this one was not recorded); for an older call without
   * one, the recording with the customer's number that started nearest the call within its window. Null when there
   * is none, or when the server will not let this viewer hear it (a link is shown only to someone who may play it).
   */
  async forCalls(lookups: Array<CallRecordingLookup | WorkOrderRecordingLookup>): Promise<Array<RecordingHit | null>> {
    const server = this.server();
    if (!server) return lookups.map(() => null);
    const found: Array<RecordingHit | null> = [];
    for (const lookup of lookups) {
      const call = 'workOrderId' in lookup ? this.workOrderCall(lookup.workOrderId) : lookup;
      if (!call) {
        found.push(null);
        continue;
      }
      try {
        const hits: RecordingSummary[] = [];
        // The server checks the viewer may hear it, as for every search.
        if (call.callId) hits.push(...(await server.searchRecordings({ callId: call.callId, limit: 1 })));
        else for (const number of new Set(call.numbers.map((n) => n.replace(/\D/g, '')).filter(Boolean))) {
          hits.push(...(await server.searchRecordings({ customer: number, from: call.from, to: call.to, limit: 20 })));
        }
        const nearest = hits.sort((a, b) => Math.abs(a.startedAt - call.near) - Math.abs(b.startedAt - call.near))[0];
        found.push(nearest ? { ...nearest, customerName: this.customers.nameOf(nearest.customer)?.slice(0, 200) ?? null } : null);
      } catch (err) {
        if (err instanceof TeamServerError && (err.status === 403 || err.status === 401)) found.push(null);
        else throw failure(err);
      }
    }
    return found;
  }

  private workOrderCall(id: string): CallRecordingLookup | null {
    const call = this.customers.workOrderCall(id);
    if (!call || (call.numbers.length === 0 && !call.pbxCallId)) return null;
    return {
      ...(call.pbxCallId ? { callId: call.pbxCallId } : {}),
      numbers: call.numbers.slice(0, 5),
      from: Math.max(0, call.filedAt - WORK_ORDER_CALL_MS),
      to: call.filedAt,
      near: call.filedAt,
    };
  }

  async audio(id: string, offset: number, length: number): Promise<RecordingAudioChunk> {
    const server = this.server();
    if (!server) throw notSignedIn();
    try {
      const { bytes, total } = await server.recordingAudio(id, offset, offset + length - 1);
      return { base64: bytes.toString('base64'), total };
    } catch (err) {
      throw failure(err);
    }
  }
}

const notSignedIn = () =>
  new ContractError('UNAVAILABLE', 'Recordings are on the team server: sign in to it in settings.', undefined, { key: 'mainError.recordings.signIn' });

/** The server's refusal in words the renderer has: not hers to hear, gone, or not reachable now. */
function failure(err: unknown): ContractError {
  if (!(err instanceof TeamServerError)) return new ContractError('FAILED', (err as Error).message, undefined, { key: 'mainError.contract.failed' });
  if (err.status === 403) return new ContractError('FAILED', err.message, undefined, { key: 'mainError.recordings.forbidden' });
  if (err.status === 404) return new ContractError('NOT_FOUND', err.message, undefined, { key: 'mainError.recordings.gone' });
  if (err.status === 401) return notSignedIn();
  return new ContractError('UNAVAILABLE', `The team server cannot give recordings now (${err.message}).`, undefined, { key: 'mainError.recordings.unreachable' });
}
