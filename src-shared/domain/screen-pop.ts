import { z } from 'zod';

export const Locale = z.enum(['zh-CN', 'zh-TW', 'th', 'en']);
export type Locale = z.infer<typeof Locale>;

export const ValueTier = z.enum(['standard', 'gold', 'vip']);
export type ValueTier = z.infer<typeof ValueTier>;

export const CustomerSummary = z.object({
  id: z.number().int(),
  externalId: z.string(),
  name: z.string(),
  tier: ValueTier,
  preferredLanguage: Locale.nullable(),
  phones: z.array(z.string()),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** What the agent sees while the phone rings, before answering. */
export const ScreenPop = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('known'), number: z.string().nullable(), customer: CustomerSummary }),
  z.object({ kind: z.literal('unknown'), number: z.string().nullable() }),
]);
export type ScreenPop = z.infer<typeof ScreenPop>;
