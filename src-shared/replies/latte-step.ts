import { z } from 'zod';

/** LATTE, in the order a trainer teaches it: Listen, Acknowledge, Take action, Thank, Explain. */
export const LatteStep = z.enum(['listen', 'acknowledge', 'takeAction', 'thank', 'explain']);
export type LatteStep = z.infer<typeof LatteStep>;
export const latteSteps: readonly LatteStep[] = LatteStep.options;
