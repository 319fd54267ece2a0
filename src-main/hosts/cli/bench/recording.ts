import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { silentLogger } from '../../../app/logger';
import { RecordingHook, type CallRecording } from '../../../services/lab-pbx/recording-hook';
import { LabPostgres } from '../../../services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../services/lab-team/lab-team-server';
import { memoryTokenStore, TeamClient } from '../../../services/sync/team-client';
import type { CommandContext } from '../command';
import { PBX_CALLS, pbxHangUpToPlayable } from './recording-pbx';
import { percentile, round } from './stats';

/** Calls of a few minutes ending in waves, as on a floor at the top of the hour. */
const SCALE = { small: { calls: 24, seconds: 60, wave: 4 }, full: { calls: 120, seconds: 180, wave: 12 } };
const GOAL_P95_MS = 5000;
const OFFER_PORT = 30_000;
const ANSWER_PORT = 30_002;
const hex = (s: string) => Buffer.from(s).toString('hex');

/**
 * A call's capture as rtpengine writes it in user space: raw IPv4/UDP/RTP records (PCMU, 20 ms), the agent's audio
 * to the offer's relay port and the customer's to the answer's, each a tone, ending now.
 */
function capture(seconds: number, endAt: number): Buffer {
  const packets = seconds * 50;
  const record = 20 + 8 + 12 + 160;
  const out = Buffer.alloc(24 + packets * 2 * (16 + record));
  out.writeUInt32LE(0xa1b2c3d4, 0);
  out.writeUInt16LE(2, 4);
  out.writeUInt16LE(4, 6);
  out.writeUInt32LE(65535, 16);
  out.writeUInt32LE(101, 20); // raw IP
  let at = 24;
  const start = endAt / 1000 - seconds;
  for (let i = 0; i < packets; i++) {
    for (const [port, ssrc, step] of [[OFFER_PORT, 0x1111, 3], [ANSWER_PORT, 0x2222, 7]] as const) {
      const t = start + i * 0.02;
      out.writeUInt32LE(Math.floor(t), at);
      out.writeUInt32LE(Math.round((t % 1) * 1e6), at + 4);
      out.writeUInt32LE(record, at + 8);
      out.writeUInt32LE(record, at + 12);
      const ip = at + 16;
      out[ip] = 0x45;
      out.writeUInt16BE(record, ip + 2);
      out[ip + 8] = 64;
      out[ip + 9] = 17;
      out.writeUInt16BE(40_000, ip + 20);
      out.writeUInt16BE(port, ip + 22);
      out.writeUInt16BE(8 + 12 + 160, ip + 24);
      const rtp = ip + 28;
      out[rtp] = 0x80;
      out[rtp + 1] = 0; // PCMU
      out.writeUInt16BE(i & 0xffff, rtp + 2);
      out.writeUInt32BE(i * 160, rtp + 4);
      out.writeUInt32BE(ssrc, rtp + 8);
      for (let k = 0; k < 160; k++) out[rtp + 12 + k] = 0x80 + (((i * 160 + k) * step) % 64);
      at += 16 + record;
    }
  }
  return out;
}

/** rtpengine's metadata file for a whole call (its SDPs, the end, the PBX's fields last). */
function metadata(pcapPath: string, callId: string, agent: string, endAt: number): string {
  return [
    pcapPath,
    '',
    '',
    `Timestamp started ms: ${endAt - 1000}`,
    'SDP mode: offer',
    'SDP before RTP packet: 1',
    '',
    'v=0',
    `m=audio ${OFFER_PORT} RTP/AVP 0`,
    '',
    `Timestamp started ms: ${endAt - 1000}`,
    'SDP mode: answer',
    'SDP before RTP packet: 1',
    '',
    'v=0',
    `m=audio ${ANSWER_PORT} RTP/AVP 0`,
    '',
    `Timestamp terminated ms(first monologue): ${endAt}`,
    '',
    `direction:inbound|agent:${hex(agent)}|customer:${hex('+8613800000000')}|call:${hex(callId)}|queue:${hex('support')}`,
    '',
  ].join('\n');
}

/**
 * From hang-up to playable: the PBX's recording hook (the real one) takes each call's capture as rtpengine leaves
 * it when the call ends, makes the stereo WAV and hands it to a real team server on PostgreSQL; the call counts as
 * playable once the team lead's desktop client finds it by its call and gets its first bytes (a range request).
 * Calls end in waves. Also reports what a recorded hour takes on the server's disk.
 */
export async function benchRecording(ctx: CommandContext, scale: 'small' | 'full') {
  const { calls, seconds, wave } = SCALE[scale];
  const root = resolve(ctx.resourcesDir, '..');
  const dir = mkdtempSync(join(tmpdir(), 'bench-recording-'));
  const spool = join(dir, 'spool');
  mkdirSync(join(spool, 'pcaps'), { recursive: true });
  mkdirSync(join(spool, 'metadata'), { recursive: true });
  const pbxKey = randomBytes(32).toString('base64url');
  const pgLab = new LabPostgres();
  await pgLab.start();
  const server = new LabTeamServer(root, pgLab.url, LabTeamServer.secret(), {
    AGENT_SERVER_RECORDINGS_DIR: join(dir, 'store'),
    AGENT_SERVER_PBX_KEY: pbxKey,
  });
  let hook: RecordingHook | null = null;
  try {
    await server.start();
    const password = randomBytes(12).toString('hex');
    server.addPeople([
      { username: '5001', password, role: 'agent', team: 'bench' },
      { username: '5002', password, role: 'agent', team: 'bench' },
      { username: 'bench.lead', password, role: 'lead', team: 'bench' },
    ]);
    hook = new RecordingHook(spool, join(dir, 'calls'), silentLogger, { server: server.url, pbxKey });
    hook.start();
    const lead = new TeamClient(server.url, 'bench.lead', memoryTokenStore(), password);
    await lead.signIn();

    const uploaded = new Map<string, (r: CallRecording) => void>();
    hook.on('uploaded', (r) => uploaded.get(r.callId)?.(r));
    const playableMs: number[] = [];
    for (let done = 0; done < calls; done += wave) {
      await Promise.all(
        Array.from({ length: Math.min(wave, calls - done) }, async () => {
          const callId = randomUUID();
          const endAt = Date.now();
          const pcapPath = join(spool, 'pcaps', `${callId}.pcap`);
          writeFileSync(pcapPath, capture(seconds, endAt));
          const ready = new Promise<CallRecording>((r) => uploaded.set(callId, r));
          const staged = join(dir, `${callId}.meta`);
          writeFileSync(staged, metadata(pcapPath, callId, '5001', endAt));
          // Hang-up: rtpengine moves the finished metadata file into metadata/ as the call ends.
          const hungUpAt = performance.now();
          renameSync(staged, join(spool, 'metadata', `${callId}.meta`));
          await ready;
          const [found] = await lead.searchRecordings({ callId, limit: 1 });
          if (!found) throw new Error(`the lead cannot find call ${callId}`);
          const head = await lead.recordingAudio(found.id, 0, 43);
          if (head.bytes.length !== 44) throw new Error('the recording did not start playing');
          playableMs.push(performance.now() - hungUpAt);
          uploaded.delete(callId);
        }),
      );
    }

    const db = new pg.Client({ connectionString: pgLab.url });
    await db.connect();
    const stored = (await db.query<{ bytes: string; seconds: string; rows: string; table_bytes: string }>(
      "SELECT sum(bytes) AS bytes, sum(seconds) AS seconds, count(*) AS rows, pg_total_relation_size('recordings') AS table_bytes FROM recordings",
    )).rows[0]!;
    await db.end();
    // Then a few calls through the real lab PBX (after the storage figures, which are the generated calls'):
    // rtpengine's own capture and its close at hang-up included.
    const pbxPlayableMs = await pbxHangUpToPlayable(root, { extension: '5002', password: randomBytes(12).toString('hex') }, { server: server.url, pbxKey }, lead);
    const hours = Number(stored.seconds) / 3600;
    const p95 = percentile(playableMs, 95);
    return {
      calls,
      secondsPerCall: seconds,
      callsEndingTogether: wave,
      hangUpToPlayableMs: { p50: round(percentile(playableMs, 50), 1), p95: round(p95, 1), max: round(Math.max(...playableMs), 1) },
      /** The same through the real lab PBX (Kamailio, rtpengine --recording-method=pcap): the capture closed by rtpengine. */
      throughLabPbx: {
        calls: pbxPlayableMs.length,
        secondsPerCall: PBX_CALLS.seconds,
        hangUpToPlayableMs: { p50: round(percentile(pbxPlayableMs, 50), 1), p95: round(percentile(pbxPlayableMs, 95), 1), max: round(Math.max(...pbxPlayableMs), 1) },
      },
      goalP95Ms: GOAL_P95_MS,
      goalMet: p95 <= GOAL_P95_MS,
      storage: {
        format: 'WAV, 8 kHz, 16-bit, stereo (agent left, customer right)',
        bytesPerRecordedHour: Math.round(Number(stored.bytes) / hours),
        mibPerRecordedHour: round(Number(stored.bytes) / hours / 1024 / 1024, 1),
        indexBytesPerRecording: Math.round(Number(stored.table_bytes) / Number(stored.rows)),
      },
    };
  } finally {
    hook?.stop();
    await server.stop();
    await pgLab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
