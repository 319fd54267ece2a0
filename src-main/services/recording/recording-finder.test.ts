import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-shared/contract';
import type { RecordingSummary } from '../../../src-shared/recording/recording-contract';
import { TeamServerError } from '../sync/team-client';
import { RecordingFinder, type RecordingsServer } from './recording-finder';

const rec = (id: string, customer: string, startedAt: number): RecordingSummary => ({
  id, customer, startedAt, direction: 'inbound', agent: '3801', queue: 'support', callId: `c-${id}`, seconds: 30, pausedSpans: [], holdSpans: [], events: [],
});

/** The team server as the finder sees it: recordings matched by part of the number, as the real search does. */
function server(all: RecordingSummary[], asked: Array<Record<string, unknown>> = []): RecordingsServer {
  return {
    searchRecordings: async (q) => {
      asked.push(q);
      return all.filter((r) => (!q.customer || r.customer.includes(q.customer)) && (!q.callId || r.callId === q.callId));
    },
    recordingAudio: async (_id, start, end) => ({ bytes: Buffer.alloc(end - start + 1, 7), total: 1000 }),
  };
}

const directory = {
  numbersNamed: (name: string) => (name === '王小明' ? ['+8613800000077', '+8613900000001'] : []),
  nameOf: (n: string) => (n === '+8613800000077' ? '王小明' : null),
  workOrderCall: (id: string) =>
    id === 'WO-1' ? { pbxCallId: null, numbers: ['+8613800000077'], filedAt: 7_300_000 } : id === 'WO-3' ? { pbxCallId: 'c-before', numbers: ['+8613800000077'], filedAt: 7_300_000 } : null,
};

describe('RecordingFinder', () => {
  it('finds a customer by name through the numbers this desktop knows for her, newest first, with her name', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const finder = new RecordingFinder(() => server([rec('a', '+8613800000077', 1), rec('b', '+8613900000001', 2), rec('c', '+66812340077', 3)], asked), directory);
    const hits = await finder.search({ customer: '王小明' });
    expect(hits?.map((h) => [h.id, h.customerName])).toEqual([['b', null], ['a', '王小明']]);
    expect(asked.map((q) => q.customer)).toEqual(['8613800000077', '8613900000001']);
  });

  it('searches a typed number by its digits, and a name nobody has finds nothing without asking the server', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const finder = new RecordingFinder(() => server([rec('a', '+8613800000077', 1)], asked), directory);
    expect((await finder.search({ customer: '+86 138-0000 0077' }))?.map((h) => h.id)).toEqual(['a']);
    expect(await finder.search({ customer: 'Nobody' })).toEqual([]);
    // Punctuation alone has no digits to match: nothing found, not every recording.
    expect(await finder.search({ customer: '()' })).toEqual([]);
    expect(await finder.search({ customer: '-' })).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it('passes the other filters on and says null when the desktop is not signed in', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const finder = new RecordingFinder(() => server([], asked), directory);
    await finder.search({ agent: '3801', queue: 'support', from: 10, to: 20, minSeconds: 5 });
    expect(asked[0]).toEqual({ agent: '3801', queue: 'support', from: 10, to: 20, minSeconds: 5, limit: 50 });
    expect(await new RecordingFinder(() => null, directory).search({})).toBeNull();
  });

  it("names the server's refusal so the screen says it in the viewer's language", async () => {
    const refusing: RecordingsServer = {
      searchRecordings: async () => {
        throw new TeamServerError(403, 'not yours');
      },
      recordingAudio: async () => {
        throw new TeamServerError(404, 'gone');
      },
    };
    const finder = new RecordingFinder(() => refusing, directory);
    await expect(finder.search({})).rejects.toMatchObject({ key: 'mainError.recordings.forbidden' });
    await expect(finder.audio('x', 0, 10)).rejects.toBeInstanceOf(ContractError);
    await expect(finder.audio('x', 0, 10)).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'mainError.recordings.gone' });
  });

  it('hands the audio over as base64 with the file size', async () => {
    const chunk = await new RecordingFinder(() => server([]), directory).audio('x', 100, 4);
    expect(Buffer.from(chunk.base64, 'base64')).toEqual(Buffer.alloc(4, 7));
    expect(chunk.total).toBe(1000);
  });

  it("finds a shown call's recording: the customer's, nearest the call in its window; none when it may not be heard", async () => {
    const asked: Array<Record<string, unknown>> = [];
    const all = [rec('early', '+8613800000077', 1_000), rec('call', '+8613800000077', 60_000), rec('other', '+66812340077', 60_500)];
    const finder = new RecordingFinder(() => server(all, asked), directory);
    const [hit, none] = await finder.forCalls([
      { numbers: ['+86 138 0000 0077'], from: 0, to: 120_000, near: 59_000 },
      { numbers: ['+8613999999999'], from: 0, to: 120_000, near: 59_000 },
    ]);
    expect(hit).toMatchObject({ id: 'call', customerName: '王小明' });
    expect(none).toBeNull();
    expect(asked[0]).toMatchObject({ customer: '8613800000077', from: 0, to: 120_000 });
    const refusing = new RecordingFinder(() => ({ ...server([]), searchRecordings: async () => Promise.reject(new TeamServerError(403, 'no')) }), directory);
    expect(await refusing.forCalls([{ numbers: ['1'], from: 0, to: 1, near: 0 }])).toEqual([null]);
    expect(await new RecordingFinder(() => null, directory).forCalls([{ numbers: ['1'], from: 0, to: 1, near: 0 }])).toEqual([null]);
  });

  it("finds a work order's recording: its customer's latest in the two hours before it was filed; none without a call", async () => {
    const asked: Array<Record<string, unknown>> = [];
    const all = [rec('before', '+8613800000077', 5_000_000), rec('its-call', '+8613800000077', 7_000_000)];
    const finder = new RecordingFinder(() => server(all, asked), directory);
    const [hit, none] = await finder.forCalls([{ workOrderId: 'WO-1' }, { workOrderId: 'WO-2' }]);
    expect(hit?.id).toBe('its-call');
    expect(none).toBeNull();
    expect(asked).toEqual([{ customer: '8613800000077', from: 100_000, to: 7_300_000, limit: 20 }]);
  });

  it("finds a call that knows its PBX Call-ID by that alone: its own recording, or none when it was not recorded", async () => {
    const asked: Array<Record<string, unknown>> = [];
    const all = [rec('before', '+8613800000077', 5_000_000), rec('its-call', '+8613800000077', 7_000_000)];
    const finder = new RecordingFinder(() => server(all, asked), directory);
    const [byWorkOrder, byContact, unrecorded] = await finder.forCalls([
      { workOrderId: 'WO-3' },
      { callId: 'c-its-call', numbers: ['+8613800000077'], from: 0, to: 9_000_000, near: 5_000_000 },
      { callId: 'c-not-recorded', numbers: ['+8613800000077'], from: 6_990_000, to: 7_010_000, near: 7_000_000 },
    ]);
    expect(byWorkOrder?.id).toBe('before');
    expect(byContact?.id).toBe('its-call');
    expect(unrecorded).toBeNull();
    expect(asked).toEqual([{ callId: 'c-before', limit: 1 }, { callId: 'c-its-call', limit: 1 }, { callId: 'c-not-recorded', limit: 1 }]);
  });
});
