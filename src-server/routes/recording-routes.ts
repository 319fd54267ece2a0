import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RecordingQuery, RecordingUpload } from '../../src-shared/recording/recording-contract';
import type { ServerConfig } from '../config';
import { HttpError } from '../http-error';
import type { Services } from '../services';
import { authenticate } from './authenticate';
import { validate } from './validate';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The PBX's recording hook presents the configured key ("Authorization: PBX <key>"), compared in constant time. */
function requirePbx(req: FastifyRequest, config: ServerConfig): void {
  const header = req.headers.authorization ?? '';
  const key = header.startsWith('PBX ') ? header.slice(4) : '';
  if (!config.pbxKey || !key || !timingSafeEqual(digest(key), digest(config.pbxKey))) {
    req.log.warn({ from: req.ip }, 'recording upload refused: missing or wrong PBX key');
    throw new HttpError(401, 'UNAUTHENTICATED', 'Only the PBX hands recordings to the team server: present its key.');
  }
}

/** One byte range ("bytes=START-END" or "bytes=START-"), within the file, or null for the whole file. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(header.trim());
  const start = m ? Number(m[1]) : NaN;
  const end = m && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (!m || start > end || start >= size) throw new HttpError(416, 'BAD_RANGE', `Ask for one range of bytes within 0–${size - 1}.`, { 'content-range': `bytes */${size}` });
  return { start, end };
}

export function recordingRoutes(app: FastifyInstance, s: Services, config: ServerConfig): void {
  // The WAV is streamed to disk as it arrives, never held in memory; its size is capped by the service.
  app.addContentTypeParser('audio/wav', (_req, payload, done) => done(null, payload));

  app.post('/v1/recordings', async (req, reply) => {
    requirePbx(req, config);
    const header = req.headers['recording-metadata'];
    if (typeof header !== 'string' || header.length > 8192) throw new HttpError(400, 'INVALID_REQUEST', 'Say what the recording is in the Recording-Metadata header (base64url JSON).');
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    } catch {
      throw new HttpError(400, 'INVALID_REQUEST', 'The Recording-Metadata header is not base64url-encoded JSON.');
    }
    const meta = validate(RecordingUpload, json, 'recording metadata');
    if (req.headers['content-type'] !== 'audio/wav') throw new HttpError(415, 'NOT_WAV', 'Send the recording as audio/wav.');
    const stored = await s.recordings.store(meta, req.body as Readable);
    return reply.status(stored.duplicate ? 200 : 201).send(stored);
  });

  app.get('/v1/recordings', async (req) => {
    const viewer = await authenticate(req, s.tokens, s.accounts);
    return { recordings: await s.recordings.search(viewer, validate(RecordingQuery, req.query, 'search')) };
  });

  app.get('/v1/recordings/:id/audio', async (req, reply) => {
    const viewer = await authenticate(req, s.tokens, s.accounts);
    const { id } = validate(z.object({ id: z.string().uuid('a recording id is a UUID') }), req.params, 'recording id');
    const { path } = await s.recordings.open(viewer, id, req.headers.range ?? null);
    const size = (await stat(path)).size;
    const range = byteRange(req.headers.range, size);
    void reply.header('content-type', 'audio/wav').header('accept-ranges', 'bytes').header('cache-control', 'private, no-store');
    if (!range) return reply.header('content-length', size).send(createReadStream(path));
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1)
      .send(createReadStream(path, range));
  });
}
