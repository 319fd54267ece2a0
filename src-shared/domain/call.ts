import { z } from 'zod';

/** Identifies one call leg in this app; never shown to the agent. */
export const CallId = z.string().regex(/^[A-Za-z0-9._:@-]{1,128}$/, 'call id must be 1–128 letters, digits or ._:@-');

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

export const Call = z.object({
  callId: CallId,
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
});
export type Call = z.infer<typeof Call>;
