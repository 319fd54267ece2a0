import { z } from 'zod';

/** A call's quality as a team lead sees it: the agent's window applies the warning lines and says which. */
export const CallQualityLevel = z.enum(['good', 'fair', 'poor']);
export type CallQualityLevel = z.infer<typeof CallQualityLevel>;

/** Flag an agent whose last three calls were all poor: one bad call is bad luck, three is her line. */
export function poorStreak(lastCalls: readonly CallQualityLevel[]): boolean {
  return lastCalls.length >= 3 && lastCalls.slice(-3).every((l) => l === 'poor');
}
