import type { Locale } from '../../../src-shared/domain/screen-pop';
import type { KbHitSummary } from '../../../src-shared/domain/knowledge';
import { categoryCandidates, suggestionWords } from '../../../src-shared/knowledge/suggestion-words';
import type { KbRepo } from './kb-repo';
import type { KbSearch } from './kb-search';
import { makeSnippet } from './snippet';

/**
 * Articles for the call on screen, before the agent types anything: the KB searched with the queue name and the
 * IVR path's words, then filled up with the articles filed under a category those words name (routing words are
 * usually English slugs, while a Chinese or Thai article's words are not).
 */
export class KbSuggestions {
  constructor(private readonly search: KbSearch, private readonly repo: KbRepo) {}

  suggest(routing: { queue: string | null; ivrPath: string | null }, locale: Locale, limit = 5): KbHitSummary[] {
    const words = suggestionWords(routing.queue, routing.ivrPath);
    if (words.length === 0) return [];
    const hits: KbHitSummary[] = this.search.search(words.join(' '), { locale, limit }).map(({ score: _score, ...hit }) => hit);
    const seen = new Set(hits.map((h) => h.id));
    for (const a of this.repo.inCategories(categoryCandidates(words), locale, limit)) {
      if (hits.length >= limit) break;
      if (seen.has(a.externalId)) continue;
      hits.push({ id: a.externalId, locale, title: a.title, category: a.category, snippet: makeSnippet(a.body, []) });
    }
    return hits;
  }
}
