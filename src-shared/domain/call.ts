import { z } from 'zod';

/** Identifies one call leg in this app; never shown to the agent. */
export const CallId = z.string().regex(/^[A-Za-z0-9._:@-]{1,128}$/, 'call id must be 1–128 letters, digits or ._:@-');

/**
 * The PBX's SIP Call-ID where it leaves the desktop (the call record shared with the team): RFC 3261 makes it
 * visible ASCII with no spaces, and every copy of it is capped at 256. Anything else (a control character that
 * could forge a log line, an endless string) is refused: it came from outside.
 */
export const PbxCallId = z.string().regex(/^[\x21-\x7e]{1,256}$/, 'a Call-ID is 1–256 visible ASCII characters, without spaces or control characters');

/** Values the PBX/IVR put in SIP headers; all plain text, never markup. */
export const CallHeaders = z.object({
  queue: z.string().max(200).nullable(),
  customerId: z.string().max(200).nullable(),
  ivrPath: z.string().max(500).nullable(),
  language: z.string().max(35).nullable(),
});
export type CallHeaders = z.infer<typeof CallHeaders>;

export const CallState = z.enum(['ringing', 'connecting', 'active', 'ended']);
export type CallState = z.infer<typeof CallState>;

/** Hold is shown as 'held' only after the far end's 200 OK; a refused re-INVITE goes back to where it was. */
export const HoldState = z.enum(['off', 'holding', 'held', 'resuming']);
export type HoldState = z.infer<typeof HoldState>;

/**
 * Whether the PBX records the call, as the PBX said it (X-Recording on the call's INVITE or answer) and confirmed
 * each pause (200 to the agent's INFO): 'pausing' and 'resuming' while the request is out. 'off': not recorded.
 */
export const RecordingState = z.enum(['off', 'on', 'pausing', 'paused', 'resuming']);
export type RecordingState = z.infer<typeof RecordingState>;

export const TransferState = z.object({
  kind: z.enum(['blind', 'attended']),
  target: z.string().max(200),
  /** trying: REFER sent; accepted: 202; ringing/succeeded/failed: from the NOTIFYs. */
  progress: z.enum(['trying', 'accepted', 'ringing', 'succeeded', 'failed']),
  detail: z.string().max(200).nullable(),
});
export type TransferState = z.infer<typeof TransferState>;

export const Call = z.object({
  callId: CallId,
  /** The PBX's SIP Call-ID (the same on both legs through the proxy): what the call's recording is filed under. */
  pbxCallId: z.string().max(256).nullable().optional(),
  direction: z.enum(['inbound', 'outbound']),
  state: CallState,
  /** The number as the PBX gave it (From user part), unnormalised. */
  remoteNumber: z.string().max(200),
  /** Display name from the From header: untrusted text. */
  displayName: z.string().max(200).nullable(),
  headers: CallHeaders,
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endReason: z.string().max(200).nullable(),
  /** The SIP status the far end refused an outbound call with (486 busy, 603 declined…), for the call bar. */
  refusedWith: z.number().int().min(300).max(699).nullable().optional(),
  hold: HoldState,
  muted: z.boolean(),
  recording: RecordingState,
  transfer: TransferState.nullable(),
  /** For a consultation call: the call it consults about (attended transfer). */
  consultFor: CallId.nullable(),
});
export type Call = z.infer<typeof Call>;
