import type { Locale } from '../domain/screen-pop';
import type { ReplyTemplate } from './template';

export interface TemplateQuery {
  /** Words the agent typed: a shortcut ("/dmg"), part of a title, or words from the body; all must match. */
  text?: string;
  locale?: Locale;
  scenario?: string;
  limit?: number;
}

/** Search compares lower case and full-width forms folded (ＤＡＭＡＧＥＤ as damaged), as CJK keyboards type them. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Fields {
  shortcut: string;
  title: string;
  body: string;
  other: string;
}

/** How well one word matches one template: a shortcut beats a title, which beats the body; 0 is no match. */
function scoreWord(word: string, f: Fields): number {
  const bare = word.replace(/^\//, '');
  if (bare !== '' && f.shortcut === bare) return 100;
  if (bare !== '' && f.shortcut.startsWith(bare)) return 60;
  if (f.title.startsWith(word)) return 40;
  if (f.title.includes(word)) return 30;
  if (f.other.includes(word)) return 20;
  if (f.body.includes(word)) return 10;
  return 0;
}

/**
 * Templates matching the query, best first. Chinese and Thai are matched as substrings, since the agent types
 * them without spaces; an empty query lists every template that passes the filters, in scenario and title order.
 */
export function searchTemplates(templates: readonly ReplyTemplate[], query: TemplateQuery = {}): ReplyTemplate[] {
  const words = fold(query.text ?? '')
    .split(/\s+/u)
    .filter((w) => w !== '' && w !== '/');
  const scored: { template: ReplyTemplate; score: number }[] = [];
  for (const template of templates) {
    if (query.locale && template.locale !== query.locale) continue;
    if (query.scenario && template.scenario !== query.scenario) continue;
    const fields: Fields = {
      shortcut: fold(template.shortcut.replace(/^\//, '')),
      title: fold(template.title),
      body: fold(template.body),
      other: fold([template.id, template.scenario, ...template.tags].join(' ')),
    };
    let score = 0;
    for (const word of words) {
      const s = scoreWord(word, fields);
      if (s === 0) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score >= 0) scored.push({ template, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.template.scenario.localeCompare(b.template.scenario) ||
      a.template.title.localeCompare(b.template.title) ||
      a.template.locale.localeCompare(b.template.locale),
  );
  const found = scored.map((s) => s.template);
  return query.limit === undefined ? found : found.slice(0, query.limit);
}
