import { z } from 'zod';
import { SessionUser } from '../sync/contract';

/**
 * How this desktop stands with the team server, for the call bar ("3 waiting · synced 12:04"):
 * alone (no team server configured), connecting, syncing, synced, offline (retrying), signed-out, error.
 */
export const SyncStatus = z.object({
  state: z.enum(['alone', 'connecting', 'syncing', 'synced', 'offline', 'signed-out', 'error']),
  /** Local changes not yet acknowledged by the server. */
  waiting: z.number().int().nonnegative(),
  lastSyncedAt: z.number().nullable(),
  /** Changes the server would not apply as they were: the agent decides. */
  decisions: z.number().int().nonnegative(),
  message: z.string().nullable(),
  user: SessionUser.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
