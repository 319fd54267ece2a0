import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../../src-shared/domain/call';
import { pcmWav } from '../../../src-shared/recording/call-recording';
import { contactRecordingLookup } from '../../../src-shared/recording/recording-search';
import { DEFAULT_SLA_HOURS } from '../../../src-shared/workorders/complaint';
import { CallRecorder } from '../../../src-main/services/contacts/call-recorder';
import { Cache } from '../../../src-main/services/db/cache';
import { uploadRecording } from '../../../src-main/services/lab-pbx/recording-upload';
import { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../src-main/services/lab-team/lab-team-server';
import { customerDirectory } from '../../../src-main/services/recording/customer-directory';
import { RecordingFinder } from '../../../src-main/services/recording/recording-finder';
import { memoryTokenStore, TeamClient } from '../../../src-main/services/sync/team-client';
import { WorkOrderFiling } from '../../../src-main/services/workorders/work-order-filing';
import { ROOT } from './team-lab';

// The "Recording" links of the pop's contacts and of work orders find the call's own recording by the PBX's
// Call-ID, with the real team server's search (and its access policy): two calls from the same number minutes
// apart each link to their own recording, a call that was not recorded links to none, and another team's lead
// sees no link at all.
const password = 'lab-password-1';
const pbxKey = randomBytes(32).toString('base64url');
const dir = mkdtempSync(join(tmpdir(), 'recording-links-lab-'));
const number = '+8613812345678';
let postgres: LabPostgres;
let server: LabTeamServer;

beforeAll(async () => {
  postgres = new LabPostgres();
  await postgres.start();
  server = new LabTeamServer(ROOT, postgres.url, LabTeamServer.secret(), {
    AGENT_SERVER_RECORDINGS_DIR: join(dir, 'store'),
    AGENT_SERVER_PBX_KEY: pbxKey,
  });
  await server.start();
  server.addPeople([
    { username: 'lead.a', password, role: 'lead', team: 'A' },
    { username: '4001', password, role: 'agent', team: 'A' },
    { username: 'lead.b', password, role: 'lead', team: 'B' },
  ]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A call the agent took, as the softphone reports it when it ends (the PBX's Call-ID from its INVITE). */
const call = (callId: string, pbxCallId: string, startedAt: number): Call => ({
  callId, pbxCallId, direction: 'inbound', state: 'ended', remoteNumber: number, displayName: null,
  headers: { queue: 'support', customerId: null, ivrPath: null, language: null },
  startedAt, answeredAt: startedAt + 3_000, endedAt: startedAt + 23_000, endReason: 'hung up',
  hold: 'off', muted: false, recording: 'on', transfer: null, consultFor: null,
});

describe('"Recording" links by the PBX\'s Call-ID', () => {
  it('two calls from the same number minutes apart each link to their own recording; an unrecorded one to none', async () => {
    const t0 = Date.now() - 30 * 60_000;
    let now = t0;
    const cache = new Cache(join(dir, 'cache.sqlite'), () => now);
    const { id: customerId } = cache.customers.upsert({ externalId: 'CUST-1', name: '王小明', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', tags: [], phones: [number] });
    const calls = [
      { desk: 'c-first', pbx: `${randomBytes(8).toString('hex')}@127.0.0.1`, at: t0, recorded: true },
      { desk: 'c-second', pbx: `${randomBytes(8).toString('hex')}@127.0.0.1`, at: t0 + 3 * 60_000, recorded: true },
      // In a queue that is not recorded, 40 s after the second call began (within the old match's minute).
      { desk: 'c-third', pbx: `${randomBytes(8).toString('hex')}@127.0.0.1`, at: t0 + 3 * 60_000 + 40_000, recorded: false },
    ];
    const wav = join(dir, 'call.wav');
    writeFileSync(wav, pcmWav(new Int16Array(8000 * 2), 2));
    const recordingIds: string[] = [];
    const recorder = new CallRecorder(cache.contacts, () => ({ customerId, number }), '4001');
    for (const c of calls) {
      recorder.callEnded(call(c.desk, c.pbx, c.at), 0);
      if (!c.recorded) continue;
      // The PBX's recording starts as the call reaches it, a moment before the desktop's row.
      const stored = await uploadRecording({ server: server.url, pbxKey }, wav, {
        callId: c.pbx, direction: 'inbound', agent: '4001', customer: number, queue: 'support',
        startedAt: c.at - 300, seconds: 20, pausedSpans: [], holdSpans: [], events: [],
      });
      recordingIds.push(stored.id);
    }

    // A complaint about the first call filed after the second call ended, and one about the second.
    const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, () => now);
    const form = (callId: string) => ({
      complaintType: 'long-wait' as const, whyTags: [], whatHappened: 'Refund still missing', severity: 'ordinary' as const, fairResolution: '',
      extraOffered: '', callback: null, followUpAt: t0 + 86_400_000, customerId, callId,
    });
    now = t0 + 5 * 60_000;
    const aboutFirst = filing.file('4001', form('c-first')).id;
    now = t0 + 6 * 60_000;
    const aboutSecond = filing.file('4001', form('c-second')).id;

    // The pop's last contacts, newest first, asked exactly as the pop asks them.
    const contacts = cache.contacts.recentForCustomer(customerId, 5);
    expect(contacts.map((c) => c.pbxCallId)).toEqual([calls[2]!.pbx, calls[1]!.pbx, calls[0]!.pbx]);
    const lookups = [...contacts.map((c) => contactRecordingLookup(c, [number])), { workOrderId: aboutFirst }, { workOrderId: aboutSecond }];

    const finderFor = async (username: string) => {
      const client = new TeamClient(server.url, username, memoryTokenStore(), password);
      await client.signIn();
      return new RecordingFinder(() => client, customerDirectory(cache.db));
    };
    const found = await (await finderFor('lead.a')).forCalls(lookups);
    expect(found.map((hit) => hit?.id ?? null)).toEqual([null, recordingIds[1], recordingIds[0], recordingIds[0], recordingIds[1]]);
    expect(found[1]).toMatchObject({ callId: calls[1]!.pbx, customerName: '王小明' });

    // The search by Call-ID is a read like any other: another team's lead gets no link.
    expect(await (await finderFor('lead.b')).forCalls(lookups)).toEqual([null, null, null, null, null]);
    cache.close();
  }, 60_000);
});
