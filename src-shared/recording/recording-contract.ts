import { z } from 'zod';

/** A moment of a recorded call marked on playback: a transfer, seconds into the file. */
export const CallMoment = z.object({ kind: z.enum(['transfer']), at: z.number().min(0) }).strict();
export type CallMoment = z.infer<typeof CallMoment>;

/**
 * What the PBX's recording hook tells the team server about a recording it hands over (the WAV is the request
 * body; this goes base64url-encoded JSON in the Recording-Metadata header). Every string is data, capped here.
 */
export const RecordingUpload = z
  .object({
    callId: z.string().min(1).max(256),
    direction: z.enum(['inbound', 'outbound']),
    /** The agent's extension: the team server's user of that name. */
    agent: z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, 'agent must be an extension or user name'),
    customer: z.string().max(64),
    queue: z.string().min(1).max(64).nullable(),
    startedAt: z.number().int().min(0),
    seconds: z.number().min(0).max(4 * 3600),
    pausedSpans: z.array(z.object({ from: z.number().min(0), to: z.number().min(0) }).refine((s) => s.to >= s.from, 'a paused span ends after it starts')).max(500),
    /** Where the call was on hold (from its re-INVITEs); absent from an older hook. */
    holdSpans: z.array(z.object({ from: z.number().min(0), to: z.number().min(0) }).refine((s) => s.to >= s.from, 'a hold ends after it starts')).max(500).default([]),
    /** Moments of the call (a transfer), seconds into the file; absent from an older hook. */
    events: z.array(CallMoment).max(100).default([]),
  })
  .strict();
export type RecordingUpload = z.infer<typeof RecordingUpload>;

/** A team lead's search: every field optional; times in epoch ms. */
export const RecordingQuery = z
  .object({
    customer: z.string().max(64).optional(),
    agent: z.string().max(64).optional(),
    queue: z.string().max(64).optional(),
    callId: z.string().max(256).optional(),
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    minSeconds: z.coerce.number().min(0).optional(),
    maxSeconds: z.coerce.number().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type RecordingQuery = z.infer<typeof RecordingQuery>;

export const RecordingSummary = z.object({
  id: z.string().uuid(),
  direction: z.enum(['inbound', 'outbound']),
  agent: z.string(),
  customer: z.string(),
  queue: z.string().nullable(),
  callId: z.string(),
  startedAt: z.number(),
  seconds: z.number(),
  pausedSpans: z.array(z.object({ from: z.number(), to: z.number() })),
  /** Absent from an older server. */
  holdSpans: z.array(z.object({ from: z.number(), to: z.number() })).default([]),
  events: z.array(z.object({ kind: z.enum(['transfer']), at: z.number() })).default([]),
});
export type RecordingSummary = z.infer<typeof RecordingSummary>;
