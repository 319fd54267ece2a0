import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmWav } from '../../../src-shared/recording/call-recording';
import type { RecordingSummary, RecordingUpload } from '../../../src-shared/recording/recording-contract';
import { LabPostgres } from '../../../src-main/services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../src-main/services/lab-team/lab-team-server';
import { uploadRecording } from '../../../src-main/services/lab-pbx/recording-upload';
import { ROOT, signIn } from './team-lab';

// Recordings on the team server, against a real PostgreSQL and a real server process: the PBX's hook hands them
// over (once per call), a lead finds and plays her team's, an agent only her own, nobody another team's, every
// playback logged; retention deletes what is due and nothing else.
const DAY = 86_400_000;
const password = 'lab-password-1';
const people = [
  { username: 'lead.a', password, role: 'lead' as const, team: 'A' },
  { username: '4001', password, role: 'agent' as const, team: 'A' },
  { username: '4002', password, role: 'agent' as const, team: 'A' },
  { username: 'lead.b', password, role: 'lead' as const, team: 'B' },
];
const pbxKey = randomBytes(32).toString('base64url');
const dir = mkdtempSync(join(tmpdir(), 'recordings-lab-'));
const storeDir = join(dir, 'store');
let postgres: LabPostgres;
let db: pg.Pool;
let server: LabTeamServer;

/** A recording as the PBX's hook writes one: a short stereo WAV. */
function wav(name: string, seconds = 1): string {
  const path = join(dir, `${name}.wav`);
  const frames = new Int16Array(seconds * 8000 * 2).map((_, i) => Math.round(4000 * Math.sin(i / 7)));
  writeFileSync(path, pcmWav(frames, 2));
  return path;
}

const meta = (patch: Partial<RecordingUpload> = {}): RecordingUpload => ({
  callId: randomUUID(),
  direction: 'inbound',
  agent: '4001',
  customer: '+8613800000001',
  queue: 'support',
  startedAt: Date.now() - 3_600_000,
  seconds: 1,
  pausedSpans: [],
  holdSpans: [],
  events: [],
  ...patch,
});

async function as(username: string): Promise<(path: string, headers?: Record<string, string>) => Promise<Response>> {
  const { accessToken } = await signIn(server.url, username, password);
  return (path, headers = {}) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${accessToken}`, ...headers } });
}

const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as Array<Record<string, unknown>>;

beforeAll(async () => {
  postgres = new LabPostgres();
  await postgres.start();
  const config = join(dir, 'server.json');
  writeFileSync(config, JSON.stringify({ recordingRetention: { days: 90, queues: { sales: 30 } }, recordingSweepSeconds: 1 }));
  server = new LabTeamServer(ROOT, postgres.url, LabTeamServer.secret(), {
    AGENT_SERVER_CONFIG: config,
    AGENT_SERVER_RECORDINGS_DIR: storeDir,
    AGENT_SERVER_PBX_KEY: pbxKey,
  });
  await server.start();
  server.addPeople(people);
  db = new pg.Pool({ connectionString: postgres.url, max: 2 });
}, 60_000);

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('call recordings on the team server', () => {
  const to = () => ({ server: server.url, pbxKey });

  it('takes a recording from the PBX once per call, and refuses what is not one with the reason', async () => {
    const first = meta();
    const path = wav('first');
    const stored = await uploadRecording(to(), path, first);
    expect(stored.duplicate).toBe(false);
    expect(await uploadRecording(to(), path, first)).toEqual({ id: stored.id, duplicate: true });
    expect(await rows('SELECT count(*)::int AS n FROM recordings WHERE call_id = $1', [first.callId])).toEqual([{ n: 1 }]);
    expect(readFileSync(join(storeDir, `${stored.id}.wav`))).toEqual(readFileSync(path));

    await expect(uploadRecording({ ...to(), pbxKey: randomBytes(32).toString('base64url') }, path, meta())).rejects.toThrow(/401.*present its key/);
    await expect(uploadRecording(to(), path, meta({ agent: '9999' }))).rejects.toThrow(/422.*No team member has the extension 9999/);
    const text = join(dir, 'not.wav');
    writeFileSync(text, 'this is a text file, not audio at all');
    await expect(uploadRecording(to(), text, meta())).rejects.toThrow(/400.*WAV/);
    await expect(uploadRecording(to(), path, { ...meta(), seconds: -1 })).rejects.toThrow(/400.*seconds/);
    expect(await rows('SELECT count(*)::int AS n FROM recordings')).toEqual([{ n: 1 }]);
  });

  it('a lead hears her team\'s, an agent only her own, nobody another team\'s; every playback is logged', async () => {
    const call = meta({ customer: '+8613911112222', pausedSpans: [{ from: 0.2, to: 0.6 }], holdSpans: [{ from: 0.7, to: 0.9 }], events: [{ kind: 'transfer', at: 0.95 }] });
    const path = wav('access');
    const { id } = await uploadRecording(to(), path, call);
    const [own, colleague, lead, otherLead] = await Promise.all(['4001', '4002', 'lead.a', 'lead.b'].map(as));

    const whole = await own!(`/v1/recordings/${id}/audio`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(readFileSync(path));
    const head = await lead!(`/v1/recordings/${id}/audio`, { range: 'bytes=0-43' });
    expect([head.status, head.headers.get('content-range')]).toEqual([206, `bytes 0-43/${readFileSync(path).length}`]);
    expect(Buffer.from(await head.arrayBuffer())).toEqual(readFileSync(path).subarray(0, 44));
    expect((await lead!(`/v1/recordings/${id}/audio`, { range: 'bytes=999999999-' })).status).toBe(416);

    expect((await colleague!(`/v1/recordings/${id}/audio`)).status).toBe(403);
    expect((await otherLead!(`/v1/recordings/${id}/audio`)).status).toBe(403);
    expect((await fetch(`${server.url}/v1/recordings/${id}/audio`)).status).toBe(401);

    const found = async (who: typeof lead, query: string) =>
      ((await (await who!(`/v1/recordings?${query}`)).json()) as { recordings: RecordingSummary[] }).recordings.map((r) => r.id);
    expect(await found(lead, 'customer=13911112222')).toEqual([id]);
    expect(await found(own, 'customer=13911112222')).toEqual([id]);
    expect(await found(colleague, 'customer=13911112222')).toEqual([]);
    expect(await found(otherLead, 'customer=13911112222')).toEqual([]);
    const listed = ((await (await lead!(`/v1/recordings?callId=${encodeURIComponent(call.callId)}`)).json()) as { recordings: RecordingSummary[] }).recordings;
    expect(listed).toMatchObject([{ id, agent: '4001', queue: 'support', pausedSpans: [{ from: 0.2, to: 0.6 }], holdSpans: [{ from: 0.7, to: 0.9 }], events: [{ kind: 'transfer', at: 0.95 }] }]);
    expect((await lead!('/v1/recordings?limit=5000')).status).toBe(400);

    // Who played it, as the compliance officer reads it: the owner and the lead (twice), never the refused.
    expect(await rows('SELECT u.username FROM recording_playbacks p JOIN users u ON u.id = p.user_id WHERE p.recording_id = $1 ORDER BY p.id', [id])).toEqual([
      { username: '4001' },
      { username: 'lead.a' },
      { username: 'lead.a' },
    ]);
  });

  it('retention deletes what is due, by queue, and nothing else', async () => {
    const monthAgo = Date.now() - 31 * DAY;
    const due = await uploadRecording(to(), wav('due'), meta({ queue: 'sales', startedAt: monthAgo }));
    const kept = await uploadRecording(to(), wav('kept'), meta({ queue: 'support', startedAt: monthAgo }));
    const recent = await uploadRecording(to(), wav('recent'), meta({ queue: 'sales', startedAt: Date.now() - DAY }));
    const lead = await as('lead.a');
    await expect.poll(async () => (await lead(`/v1/recordings/${due.id}/audio`)).status, { timeout: 15_000 }).toBe(404);
    // The sweep deletes the rows first (the 404 above), then their files, one after another.
    await expect.poll(() => existsSync(join(storeDir, `${due.id}.wav`)), { timeout: 15_000 }).toBe(false);
    for (const { id } of [kept, recent]) {
      const audio = await lead(`/v1/recordings/${id}/audio`);
      expect(audio.status).toBe(200);
      await audio.arrayBuffer();
      expect(existsSync(join(storeDir, `${id}.wav`))).toBe(true);
    }
  });
});
