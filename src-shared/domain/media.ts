import { z } from 'zod';

/** One media session (one RTCPeerConnection in the renderer), named by main; not the app's call id. */
export const MediaSessionId = z.string().regex(/^m-\d{1,12}$/);

const Sdp = z.string().min(10).max(20_000);
const base = { id: z.number().int().positive(), session: MediaSessionId };

/**
 * What the main process's session description handler asks of the renderer's WebRTC, one step of offer/answer
 * at a time (sip.js drives the order). Each command is answered with a mediaResult carrying the same id.
 */
export const MediaCommand = z.discriminatedUnion('op', [
  /**
   * Create an offer (a new call, or a re-INVITE; hold offers sendonly; after a reconnect, new ICE candidates) and
   * return it once ICE is gathered or capped.
   */
  z.object({ ...base, op: z.literal('offer'), hold: z.boolean(), iceRestart: z.boolean().default(false) }).strict(),
  /** Create the answer to the remote offer just set, and return it once ICE is gathered or capped. */
  z.object({ ...base, op: z.literal('answer'), hold: z.boolean() }).strict(),
  z.object({ ...base, op: z.literal('remote'), type: z.enum(['offer', 'answer']), sdp: Sdp }).strict(),
  /** RFC 4733 digits on the audio sender. */
  z.object({ ...base, op: z.literal('dtmf'), tones: z.string().regex(/^[0-9A-D#*]{1,32}$/) }).strict(),
  z.object({ ...base, op: z.literal('mute'), muted: z.boolean() }).strict(),
  /** The offer/answer in progress failed (e.g. a refused hold): back to the last stable description. */
  z.object({ ...base, op: z.literal('rollback') }).strict(),
  z.object({ ...base, op: z.literal('close') }).strict(),
]);
export type MediaCommand = z.infer<typeof MediaCommand>;

/** The renderer's answer to one command: a description for offer/answer, or why it failed. */
export const MediaResult = z
  .object({
    id: z.number().int().positive(),
    sdp: Sdp.nullable(),
    error: z.string().max(500).nullable(),
  })
  .strict();
export type MediaResult = z.infer<typeof MediaResult>;
