export interface BackoffPolicy {
  /** Delay before the first retry. */
  initialMs: number;
  /** No retry waits longer than this, however many attempts failed. */
  maxMs: number;
}

/** Retries start fast (a PBX restart is the common case) and stay within a few seconds of it coming back. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 4000 };

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed, half random, so a floor of agents
 * who lost the PBX at the same moment do not all come back in the same millisecond.
 * attempt counts from 1.
 */
export function reconnectDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
