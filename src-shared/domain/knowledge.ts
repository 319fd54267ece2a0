import { z } from 'zod';
import { Locale } from './screen-pop';

/** A span of snippet text to mark; UTF-16 offsets. The renderer builds <mark> elements from them, never HTML. */
export const HighlightRange = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type HighlightRange = z.infer<typeof HighlightRange>;

export const KbSnippet = z.object({ text: z.string(), highlights: z.array(HighlightRange) });
export type KbSnippet = z.infer<typeof KbSnippet>;

export const KbHitSummary = z.object({
  id: z.string(),
  locale: Locale,
  title: z.string(),
  category: z.string().nullable(),
  snippet: KbSnippet,
});
export type KbHitSummary = z.infer<typeof KbHitSummary>;

export const KbArticleView = z.object({
  id: z.string(),
  locale: Locale,
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  updatedAt: z.number(),
});
export type KbArticleView = z.infer<typeof KbArticleView>;

/** What an agent types into the search box: bounded, so a paste of a whole e-mail cannot stall FTS5. */
export const KbQuery = z.string().max(300);
