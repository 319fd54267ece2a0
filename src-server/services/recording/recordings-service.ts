import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import type { RecordingQuery, RecordingSummary, RecordingUpload } from '../../../src-shared/recording/recording-contract';
import type { ServerConfig } from '../../config';
import { HttpError } from '../../http-error';
import type { Log } from '../../services';
import { policy, type Viewer } from '../auth/policy';

interface Row {
  id: string;
  team_id: number;
  agent_id: number;
  agent: string;
  direction: 'inbound' | 'outbound';
  customer_number: string;
  queue: string | null;
  call_id: string;
  started_at: Date;
  seconds: string;
  paused_spans: Array<{ from: number; to: number }>;
  hold_spans: Array<{ from: number; to: number }>;
  events: Array<{ kind: 'transfer'; at: number }>;
}

const summary = (r: Row): RecordingSummary => ({
  id: r.id,
  direction: r.direction,
  agent: r.agent,
  customer: r.customer_number,
  queue: r.queue,
  callId: r.call_id,
  startedAt: r.started_at.getTime(),
  seconds: Number(r.seconds),
  pausedSpans: r.paused_spans,
  holdSpans: r.hold_spans,
  events: r.events,
});

const SELECT = `SELECT r.id, r.team_id, r.agent_id, u.username AS agent, r.direction, r.customer_number, r.queue, r.call_id,
  r.started_at, r.seconds, r.paused_spans, r.hold_spans, r.events FROM recordings r JOIN users u ON u.id = r.agent_id`;

/**
 * Recordings on the team server: taken from the PBX's hook (a WAV streamed to disk under a name of ours, indexed
 * in PostgreSQL, once per call), found and played by whoever the policy allows (every playback logged), and
 * deleted when their queue's retention runs out.
 */
export class RecordingsService {
  constructor(
    private readonly pool: Pool,
    private readonly config: ServerConfig,
    private readonly log: Log,
  ) {}

  private get dir(): string {
    if (!this.config.recordingsDir) throw new HttpError(503, 'RECORDINGS_OFF', 'This team server keeps no recordings (recordingsDir is not set).');
    return this.config.recordingsDir;
  }

  async store(meta: RecordingUpload, audio: Readable): Promise<{ id: string; duplicate: boolean }> {
    const dir = this.dir;
    const agent = await this.pool.query<{ id: number; team_id: number | null }>('SELECT id, team_id FROM users WHERE username = $1', [meta.agent]);
    const agentRow = agent.rows[0];
    if (!agentRow || agentRow.team_id === null) {
      audio.resume();
      throw new HttpError(422, 'UNKNOWN_AGENT', `No team member has the extension ${meta.agent}; add her, then the PBX sends the recording again.`);
    }
    const existing = await this.pool.query<{ id: string }>('SELECT id FROM recordings WHERE call_id = $1', [meta.callId]);
    if (existing.rows[0]) {
      audio.resume();
      return { id: existing.rows[0].id, duplicate: true };
    }
    const id = randomUUID();
    await mkdir(dir, { recursive: true });
    const part = join(dir, `${id}.wav.part`);
    const file = join(dir, `${id}.wav`);
    try {
      await pipeline(audio, this.checked(), createWriteStream(part, { mode: 0o600 }));
      const bytes = (await stat(part)).size;
      const days = this.config.recordingRetention.queues[meta.queue ?? ''] ?? this.config.recordingRetention.days;
      const inserted = await this.pool.query<{ id: string }>(
        `INSERT INTO recordings (id, team_id, agent_id, direction, customer_number, call_id, queue, started_at, seconds, paused_spans, bytes, retain_until, hold_spans, events)
         VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0), $9, $10, $11, to_timestamp($8 / 1000.0) + make_interval(days => $12), $13, $14)
         ON CONFLICT (call_id) DO NOTHING RETURNING id`,
        [id, agentRow.team_id, agentRow.id, meta.direction, meta.customer, meta.callId, meta.queue, meta.startedAt, meta.seconds, JSON.stringify(meta.pausedSpans), bytes, days, JSON.stringify(meta.holdSpans), JSON.stringify(meta.events)],
      );
      if (!inserted.rows[0]) {
        // The same call sent twice at once: the other request stored it.
        await rm(part, { force: true });
        const winner = await this.pool.query<{ id: string }>('SELECT id FROM recordings WHERE call_id = $1', [meta.callId]);
        return { id: winner.rows[0]?.id ?? id, duplicate: true };
      }
      await rename(part, file);
      return { id, duplicate: false };
    } catch (err) {
      await rm(part, { force: true });
      throw err;
    }
  }

  /** Passes the upload through, refusing one over the size limit or one that is not a RIFF/WAVE file. */
  private checked() {
    const limit = this.config.recordingMaxBytes;
    let seen = 0;
    let head = Buffer.alloc(0);
    return async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        seen += chunk.length;
        if (seen > limit) throw new HttpError(413, 'TOO_LARGE', `A recording may be at most ${limit} bytes.`);
        if (head.length < 12) {
          head = Buffer.concat([head, chunk]).subarray(0, 12);
          if (head.length === 12 && (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')) {
            throw new HttpError(400, 'NOT_WAV', 'A recording must be a WAV file (RIFF/WAVE).');
          }
        }
        yield chunk;
      }
      if (seen <= 44) throw new HttpError(400, 'NOT_WAV', 'The recording is empty: a WAV file has at least its 44-byte header.');
    };
  }

  async search(viewer: Viewer, q: RecordingQuery): Promise<RecordingSummary[]> {
    if (!policy.canSearchRecordings(viewer, this.config.agentsHearOwnRecordings)) {
      throw new HttpError(403, 'FORBIDDEN', 'Recordings are for team leads (and agents for their own calls, where the site allows it).');
    }
    const where = ['r.team_id = $1'];
    const params: unknown[] = [viewer.teamId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (viewer.role !== 'lead') add('r.agent_id = ?', viewer.userId);
    if (q.customer) add("position(? in r.customer_number) > 0", q.customer);
    if (q.agent) add('u.username = ?', q.agent);
    if (q.queue) add('r.queue = ?', q.queue);
    if (q.callId) add('r.call_id = ?', q.callId);
    if (q.from !== undefined) add('r.started_at >= to_timestamp(? / 1000.0)', q.from);
    if (q.to !== undefined) add('r.started_at < to_timestamp(? / 1000.0)', q.to);
    if (q.minSeconds !== undefined) add('r.seconds >= ?', q.minSeconds);
    if (q.maxSeconds !== undefined) add('r.seconds <= ?', q.maxSeconds);
    params.push(q.limit);
    const rows = await this.pool.query<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.started_at DESC LIMIT $${params.length}`, params);
    return rows.rows.map(summary);
  }

  /** The file of a recording the viewer may hear; the playback is logged before a byte is sent. */
  async open(viewer: Viewer, id: string, byteRange: string | null): Promise<{ path: string; recording: RecordingSummary }> {
    const dir = this.dir;
    const row = (await this.pool.query<Row>(`${SELECT} WHERE r.id = $1`, [id])).rows[0];
    if (!row) throw new HttpError(404, 'NOT_FOUND', 'There is no such recording; it may have been deleted when its retention ran out.');
    if (!policy.canHearRecording(viewer, { teamId: row.team_id, agentId: row.agent_id }, this.config.agentsHearOwnRecordings)) {
      this.log.warn({ user: viewer.username, recording: id }, 'recording refused: not hers to hear');
      throw new HttpError(403, 'FORBIDDEN', 'This recording is not yours to hear.');
    }
    await this.pool.query('INSERT INTO recording_playbacks (recording_id, user_id, byte_range) VALUES ($1, $2, $3)', [id, viewer.userId, byteRange?.slice(0, 64) ?? null]);
    return { path: join(dir, `${row.id}.wav`), recording: summary(row) };
  }

  /** Deletes what is due (rows, then files); several processes may sweep at once (SKIP LOCKED). */
  async sweep(): Promise<number> {
    if (!this.config.recordingsDir) return 0;
    const due = await this.pool.query<{ id: string }>(
      `DELETE FROM recordings WHERE id IN (
         SELECT id FROM recordings WHERE retain_until <= now() ORDER BY retain_until LIMIT 500 FOR UPDATE SKIP LOCKED
       ) RETURNING id`,
    );
    for (const { id } of due.rows) await rm(join(this.config.recordingsDir, `${id}.wav`), { force: true });
    return due.rowCount ?? 0;
  }
}
