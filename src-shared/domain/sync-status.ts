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

/** A change of this agent's that the team server did not apply as it was, and why. */
export const SyncDecision = z.object({
  id: z.number().int(),
  outcome: z.enum(['conflict', 'rejected']),
  /** What the change was, in words the renderer translates: the mutation kind and its work order. */
  kind: z.string(),
  workOrderId: z.string().nullable(),
  reason: z.string(),
  at: z.number(),
});
export type SyncDecision = z.infer<typeof SyncDecision>;
