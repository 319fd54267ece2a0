import { z } from 'zod';

export const ConnectionState = z.enum(['connected', 'connecting', 'disconnected', 'failed']);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const SoftphoneStatus = z.object({
  connection: ConnectionState,
  registered: z.boolean(),
  /** Why the link is in this state, in plain words (English; the renderer localises by code when it can). */
  reason: z.string().nullable(),
  extension: z.string(),
  server: z.string(),
  since: z.number(),
});
export type SoftphoneStatus = z.infer<typeof SoftphoneStatus>;
