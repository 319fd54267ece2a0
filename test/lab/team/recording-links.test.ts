import { randomBytes, randomUUID } from 'node:crypto';
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
import { TestDesktop } from './team-desktop';
import { callRecord, pull, push, ROOT, signIn } from './team-lab';

// The "Recording" links of the pop's contacts and of work orders find the call's own recording by the PBX's
// Call-ID, with the real team server's search (and its access policy): two calls from the same number minutes
// apart each link to their own recording, a call that was not recorded links to none, and another team's lead
// sees no link at all. A call another desktop took reaches this one through the team server with its Call-ID and
// links to its own recording too; a Call-ID that is not one is refused, alone.
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
    { username: '4002', password, role: 'agent', team: 'A' },
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

  it('a call another desktop took links to its own recording by Call-ID, not to the nearest by number and time', async () => {
    const caller = '+8613900001111';
    const customer = { externalId: 'CUST-2', name: '李华', tier: 'standard' as const, preferredLanguage: 'zh-CN' as const, notes: '', tags: [], phones: [caller] };
    const agent = new TestDesktop('4002', password);
    const lead = new TestDesktop('lead.a', password);
    try {
      // Desktop A (the agent's) takes two calls from the same number 20 s apart, both recorded. The PBX's clock runs
      // 12 s ahead of hers (within the finder's minute of slack), so the first call's recording started nearer the
      // second call's row than the second's own did.
      const t1 = Date.now() - 10 * 60_000;
      const { id: onAgent } = agent.cache.customers.upsert(customer);
      const calls = [
        { desk: 'a-first', pbx: `${randomBytes(8).toString('hex')}@127.0.0.1`, at: t1 },
        { desk: 'a-second', pbx: `${randomBytes(8).toString('hex')}@127.0.0.1`, at: t1 + 20_000 },
      ];
      const wav = join(dir, 'call-a.wav');
      writeFileSync(wav, pcmWav(new Int16Array(8000 * 2), 2));
      const recorder = new CallRecorder(agent.cache.contacts, () => ({ customerId: onAgent, number: caller }), '4002');
      const recordingIds: string[] = [];
      for (const c of calls) {
        const ended = { ...call(c.desk, c.pbx, c.at), remoteNumber: caller };
        recorder.callEnded(ended, 0);
        recorder.setDisposition(c.desk, 'resolved');
        recorder.afterCallWorkDone(c.desk, 5);
        const stored = await uploadRecording({ server: server.url, pbxKey }, wav, {
          callId: c.pbx, direction: 'inbound', agent: '4002', customer: caller, queue: 'support',
          startedAt: c.at + 12_000, seconds: 20, pausedSpans: [], holdSpans: [], events: [],
        });
        recordingIds.push(stored.id);
      }
      agent.connect(server.url);
      await agent.until((s) => s.state === 'synced' && s.waiting === 0);

      // Desktop B (the lead's) knows the customer and gets A's two calls from the team server.
      const { id: onLead } = lead.cache.customers.upsert(customer);
      lead.connect(server.url);
      await lead.until((s) => s.state === 'synced');
      const contacts = lead.cache.contacts.recentForCustomer(onLead, 5);
      expect(contacts.map((c) => [c.agent, c.startedAt])).toEqual([['4002', calls[1]!.at], ['4002', calls[0]!.at]]);

      const client = new TeamClient(server.url, 'lead.a', memoryTokenStore(), password);
      await client.signIn();
      const found = await new RecordingFinder(() => client, customerDirectory(lead.cache.db)).forCalls(contacts.map((c) => contactRecordingLookup(c, [caller])));
      expect(found.map((hit) => hit?.callId ?? null)).toEqual([calls[1]!.pbx, calls[0]!.pbx]);
      expect(found.map((hit) => hit?.id ?? null)).toEqual([recordingIds[1], recordingIds[0]]);
      expect(found[0]).toMatchObject({ customerName: '李华' });
    } finally {
      await agent.close();
      await lead.close();
    }
  }, 60_000);

  it('a Call-ID that is too long or has control characters is refused with the reason; the rest of the push applies', async () => {
    const { accessToken } = await signIn(server.url, '4002', password);
    const withCallId = (pbxCallId?: string) => {
      const m = callRecord();
      return { ...m, contact: { ...m.contact, ...(pbxCallId === undefined ? {} : { pbxCallId }) } };
    };
    const good = withCallId(`${randomBytes(8).toString('hex')}@127.0.0.1`);
    const older = withCallId();
    const pushed = await push(server.url, accessToken, randomUUID(), [
      { seq: 1, mutation: good },
      { seq: 2, mutation: withCallId(`${'a'.repeat(257)}@127.0.0.1`) },
      // A line break and a bell: a forged log line, a terminal's control.
      { seq: 3, mutation: withCallId('abc@127.0.0.1\r\nX-Forged: 1\u0007') },
      // A NUL, which PostgreSQL keeps in no text or jsonb: the record of the refusal must still be written.
      { seq: 4, mutation: withCallId('x@h\u0000') },
      { seq: 5, mutation: older },
    ]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.map((r) => r.outcome)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    for (const r of pushed.body.results.slice(1, 4)) {
      expect(r.reason).toBe('this change is not valid: contact.pbxCallId: a Call-ID is 1–256 visible ASCII characters, without spaces or control characters');
    }
    // The team sees the two good calls, the first with its Call-ID, the older desktop's without one.
    const { accessToken: leadToken } = await signIn(server.url, 'lead.a', password);
    const seen = (await pull(server.url, leadToken)).body.changes.flatMap((c) => (c.entity === 'contact' && [good.contact.id, older.contact.id].includes(c.data.id) ? [c.data] : []));
    expect(seen.map((c) => [c.id, c.pbxCallId ?? null])).toEqual([[good.contact.id, good.contact.pbxCallId], [older.contact.id, null]]);
  });
});
