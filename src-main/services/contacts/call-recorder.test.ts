import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../../src-shared/domain/call';
import type { CallQualitySummary } from '../../../src-shared/quality/summary';
import { Cache } from '../db/cache';
import { CallRecorder } from './call-recorder';

const call = (callId: string): Call => ({
  callId,
  direction: 'inbound',
  state: 'ended',
  remoteNumber: '+8613800000001',
  displayName: null,
  headers: { queue: 'complaints', customerId: null, ivrPath: null, language: null },
  startedAt: 1000,
  answeredAt: 2000,
  endedAt: 62_000,
  endReason: 'hung up',
  hold: 'off',
  muted: false,
  recording: 'off',
  transfer: null,
  consultFor: null,
});

const poor: CallQualitySummary = { avgMos: 3.71, worstMos: 2.15, worstJitterMs: 48.5, worstLossPct: 7, warningSeconds: 12, oneWayAudio: true, samples: 60 };

interface QualityRow {
  quality_avg_mos: number | null;
  quality_worst_mos: number | null;
  quality_worst_jitter_ms: number | null;
  quality_worst_loss_pct: number | null;
  quality_warning_s: number | null;
  quality_one_way: number | null;
  disposition: string | null;
}

let cache: Cache;
afterEach(() => cache?.close());

function setUp() {
  cache = new Cache(join(mkdtempSync(join(tmpdir(), 'call-quality-')), 'cache.sqlite'));
  const recorder = new CallRecorder(cache.contacts, () => ({ customerId: null, number: '+8613800000001' }), '1001');
  const row = (callId: string) =>
    cache.db
      .prepare<[string], QualityRow>(
        'SELECT quality_avg_mos, quality_worst_mos, quality_worst_jitter_ms, quality_worst_loss_pct, quality_warning_s, quality_one_way, disposition FROM contacts WHERE external_id = ?',
      )
      .get(`call:${callId}`);
  return { recorder, row };
}

const stored = { quality_avg_mos: 3.71, quality_worst_mos: 2.15, quality_worst_jitter_ms: 48.5, quality_worst_loss_pct: 7, quality_warning_s: 12, quality_one_way: 1 };

describe('call quality on the contacts row', () => {
  it('lands on the row of a call that has ended, and stays when the disposition is chosen', () => {
    const { recorder, row } = setUp();
    recorder.callEnded(call('c-1'), 0);
    recorder.qualityMeasured('c-1', poor);
    expect(row('c-1')).toMatchObject(stored);
    recorder.setDisposition('c-1', 'resolved');
    expect(row('c-1')).toEqual({ ...stored, disposition: 'resolved' });
  });

  it('reported before the row is written (the window closed its media first), it is kept until the call ends', () => {
    const { recorder, row } = setUp();
    recorder.qualityMeasured('c-2', { ...poor, oneWayAudio: false });
    expect(row('c-2')).toBeUndefined();
    recorder.callEnded(call('c-2'), 0);
    expect(row('c-2')).toMatchObject({ ...stored, quality_one_way: 0 });
  });

  it('a call with nothing measured keeps NULLs, not zeros', () => {
    const { recorder, row } = setUp();
    recorder.callEnded(call('c-3'), 0);
    recorder.qualityMeasured('c-3', { avgMos: null, worstMos: null, worstJitterMs: null, worstLossPct: null, warningSeconds: 0, oneWayAudio: false, samples: 0 });
    expect(row('c-3')).toMatchObject({ quality_avg_mos: null, quality_worst_mos: null, quality_worst_jitter_ms: null, quality_warning_s: 0 });
  });
});

describe('a call shared with the team server', () => {
  /** The contact.record mutations this desktop queued for the team, in order. */
  const shared = () =>
    cache.callsOutbox
      .pending(50)
      .map((p) => p.mutation)
      .filter((m) => m.kind === 'contact.record');

  it('goes once it is complete: disposition chosen and after-call work over, with its work seconds, answered, and quality', () => {
    const { recorder } = setUp();
    cache.sync.enabled = true;
    recorder.callEnded(call('done-1'), 5000);
    recorder.qualityMeasured('done-1', poor);
    recorder.setDisposition('done-1', 'resolved');
    // Still in after-call work: the team would get a handle time without her wrap-up.
    expect(shared()).toEqual([]);
    recorder.afterCallWorkDone('done-1', 42.4);
    const [record, ...more] = shared();
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      contact: {
        durationS: 60,
        holdS: 5,
        disposition: 'resolved',
        acwS: 42,
        answered: true,
        quality: { avgMos: 3.71, worstMos: 2.15, worstJitterMs: 48.5, worstLossPct: 7, warningS: 12, oneWay: true },
      },
    });
  });

  it('waits for a disposition chosen after the work was cut short (she took a call before wrapping up)', () => {
    const { recorder } = setUp();
    cache.sync.enabled = true;
    recorder.callEnded(call('late-1'), 0);
    recorder.afterCallWorkDone('late-1', 7);
    expect(shared()).toEqual([]);
    recorder.setDisposition('late-1', 'callback-promised');
    expect(shared()).toMatchObject([{ contact: { disposition: 'callback-promised', acwS: 7, answered: true, quality: null } }]);
  });

  it('an unanswered call goes at once, as not answered, with no work', () => {
    const { recorder } = setUp();
    cache.sync.enabled = true;
    recorder.callEnded({ ...call('missed-1'), answeredAt: null, endReason: 'caller hung up' }, 0);
    expect(shared()).toMatchObject([{ contact: { durationS: 0, acwS: 0, answered: false, disposition: 'caller hung up' } }]);
  });

  it('carries the PBX\'s Call-ID; one the team server would refuse is left out and the call still goes', () => {
    const { recorder } = setUp();
    cache.sync.enabled = true;
    const missed = (callId: string, pbxCallId: string) => ({ ...call(callId), pbxCallId, answeredAt: null, endReason: 'caller hung up' });
    recorder.callEnded(missed('pbx-1', 'a84b4c76e66710@192.0.2.4'), 0);
    recorder.callEnded(missed('pbx-2', 'forged@192.0.2.4\r\nX-Evil: 1'), 0);
    const [kept, bad] = shared() as Array<{ contact: object }>;
    expect(kept!.contact).toMatchObject({ pbxCallId: 'a84b4c76e66710@192.0.2.4' });
    expect(bad!.contact).not.toHaveProperty('pbxCallId');
    expect(bad!.contact).toMatchObject({ answered: false });
  });
});
