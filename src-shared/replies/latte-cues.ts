import { z } from 'zod';
import { Locale } from '../domain/screen-pop';
import { PhraseSpec } from './phrase-matcher';

const LatteCue = PhraseSpec.extend({
  /** A phrase in the reply's language the agent can borrow when the step is missing. */
  example: z.string().trim().min(1),
}).strict();

/** The words that show each LATTE step in one language, as a team lead edits them in resources/replies/latte/<locale>.json. */
export const LatteCueSet = z
  .object({
    locale: Locale,
    /** Free text for the person editing the file (JSON has no comments). */
    about: z.string().optional(),
    steps: z.object({ listen: LatteCue, acknowledge: LatteCue, takeAction: LatteCue, thank: LatteCue, explain: LatteCue }).strict(),
  })
  .strict();
export type LatteCueSet = z.infer<typeof LatteCueSet>;
