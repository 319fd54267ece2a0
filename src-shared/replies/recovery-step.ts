import { z } from 'zod';

/** The service-recovery sequence (003): acknowledge and apologise, understand, solve and go further, follow up. */
export const RecoveryStepId = z.enum(['acknowledge', 'understand', 'solve', 'follow-up']);
export type RecoveryStepId = z.infer<typeof RecoveryStepId>;
export const recoveryStepIds: readonly RecoveryStepId[] = RecoveryStepId.options;
