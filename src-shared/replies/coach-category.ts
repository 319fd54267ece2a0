import { z } from 'zod';

/**
 * Why a phrasing hurts, as a trainer would name it. Each rule names one; the reason the agent reads comes from
 * the category in the agent's UI language (messages.ts), so a team lead adding a rule need not translate it.
 */
export const CoachCategory = z.enum([
  'demand', // "you have to", 你必须, คุณต้อง: puts the work on the customer
  'cannot', // "I can't", 不能, ไม่สามารถ: says what you can't do instead of what you can
  'negative-frame', // "won't be available", 缺货: the date it will be ready, not the wait
  'deflect', // "not my department", 不归我们管, ไม่ใช่หน้าที่
  'excuse', // "not our fault", "the courier's fault": no excuses (003)
  'pass-to-manager', // "my manager will…": say "I" (003)
  'policy', // "it's company policy", 这是规定, เป็นนโยบาย
  'blame-customer', // "you should have", 你应该, คุณควร
  'condescending', // "calm down", "as I said", 你冷静一点, ใจเย็นๆ
  'dont-know', // "I don't know", 我不知道, ดิฉันไม่ทราบ
]);
export type CoachCategory = z.infer<typeof CoachCategory>;
