import { z } from 'zod';
import { Locale } from '../domain/screen-pop';
import { TemplateText } from './template';

const Phrases = z.array(TemplateText).min(1);

/** Suggested phrases for each service-recovery step in one language (resources/replies/recovery/<locale>.json). */
export const RecoveryPhraseSet = z
  .object({
    locale: Locale,
    about: z.string().optional(),
    steps: z.object({ acknowledge: Phrases, understand: Phrases, solve: Phrases, 'follow-up': Phrases }).strict(),
  })
  .strict();
export type RecoveryPhraseSet = z.infer<typeof RecoveryPhraseSet>;
