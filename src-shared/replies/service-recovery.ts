import { z } from 'zod';
import { CustomerSummary, type Locale } from '../domain/screen-pop';
import { replyMessages } from './messages';
import { recoveryStepIds, type RecoveryStepId } from './recovery-step';
import { shippedRecoveryPhrases } from './shipped-data';

export interface RecoveryGuideStep {
  id: RecoveryStepId;
  /** Title and checklist in the agent's UI language. */
  title: string;
  checklist: string[];
  /** Phrases to say, in the customer's language; may hold placeholders (fill them with fillText). */
  phrases: string[];
}

export interface RecoveryGuide {
  steps: RecoveryGuideStep[];
  /** Set when the customer was failed before: recovery works once (003), so the agent is told up front. */
  caution?: string;
}

/** The service-recovery checklist the workspace shows during a complaint call, in the order it must be done. */
export function serviceRecoveryGuide(options: { uiLocale: Locale; customerLocale: Locale; previousRecoveryFailed?: boolean }): RecoveryGuide {
  const messages = replyMessages[options.uiLocale];
  const phrases = shippedRecoveryPhrases(options.customerLocale).steps;
  const guide: RecoveryGuide = {
    steps: recoveryStepIds.map((id) => ({ id, ...messages.recovery[id], phrases: phrases[id] })),
  };
  if (options.previousRecoveryFailed) guide.caution = messages.recoveryCaution;
  return guide;
}

export const DEFAULT_FOLLOW_UP_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The call-back a few days after a complaint was solved, to check the fix held (003, step 4). */
export const FollowUpTask = z.object({
  kind: z.literal('service-recovery-follow-up'),
  customerId: CustomerSummary.shape.id,
  workOrderId: z.string().min(1).optional(),
  /** When it is due, ms since the epoch. */
  dueAt: z.number().int(),
  note: z.string().min(1),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;

export interface FollowUpRequest {
  customerId: number;
  workOrderId?: string;
  /** What to check; by default a line in the agent's UI language. */
  note?: string;
  dueInDays?: number;
  uiLocale?: Locale;
}

/**
 * The follow-up task the last recovery step creates, due `dueInDays` (default 3) after `now()`. Pure: the clock
 * is passed in, and storing the task is the caller's job.
 */
export function createRecoveryFollowUp(request: FollowUpRequest, now: () => number): FollowUpTask {
  const days = request.dueInDays ?? DEFAULT_FOLLOW_UP_DAYS;
  if (!Number.isFinite(days) || days <= 0) throw new RangeError('dueInDays must be a positive number of days');
  const task: FollowUpTask = {
    kind: 'service-recovery-follow-up',
    customerId: request.customerId,
    dueAt: Math.round(now() + days * DAY_MS),
    note: request.note?.trim() || replyMessages[request.uiLocale ?? 'en'].followUpNote,
  };
  if (request.workOrderId !== undefined) task.workOrderId = request.workOrderId;
  return FollowUpTask.parse(task);
}
