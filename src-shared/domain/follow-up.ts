import { z } from 'zod';

/** A promised callback or a planned follow-up that is due now: what the reminder shows the agent. */
export const FollowUpReminder = z.object({
  id: z.number().int(),
  kind: z.enum(['callback', 'follow-up']),
  customerName: z.string().nullable(),
  number: z.string().nullable(),
  workOrderId: z.string().nullable(),
  dueAt: z.number(),
  windowEnd: z.number().nullable(),
  note: z.string(),
});
export type FollowUpReminder = z.infer<typeof FollowUpReminder>;

/** CSAT as recorded at follow-up: 1 (very unhappy) to 5. */
export const Csat = z.number().int().min(1).max(5);
