import { z } from 'zod';

export const ConnectionState = z.enum(['connected', 'connecting', 'disconnected', 'failed']);
export type ConnectionState = z.infer<typeof ConnectionState>;

/** Why the link is in its state, as a code the renderer can say in the agent's language. */
export const LinkReasonCode = z.enum([
  'not-started',
  'stopped',
  'unreachable',
  'link-lost',
  'keepalive-timeout',
  'resumed',
  'network-changed',
  'registration-refused',
  'auth-refused',
]);
export type LinkReasonCode = z.infer<typeof LinkReasonCode>;

export const SoftphoneStatus = z.object({
  connection: ConnectionState,
  registered: z.boolean(),
  /** Why the link is in this state, in plain words (English, for logs and tooltips). */
  reason: z.string().nullable(),
  reasonCode: LinkReasonCode.nullable(),
  /** When the next reconnection attempt is due while disconnected (ms since epoch), else null. */
  retryAt: z.number().nullable(),
  extension: z.string(),
  server: z.string(),
  since: z.number(),
});
export type SoftphoneStatus = z.infer<typeof SoftphoneStatus>;
