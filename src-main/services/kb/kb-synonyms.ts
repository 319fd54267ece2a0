import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Locale } from '../../../src-shared/domain/screen-pop';
import { parseSearchQuery, type QueryTerm } from '../../../src-shared/text/search-query';
import en from '../../../resources/kb-synonyms/en.json' with { type: 'json' };
import th from '../../../resources/kb-synonyms/th.json' with { type: 'json' };
import zhCN from '../../../resources/kb-synonyms/zh-CN.json' with { type: 'json' };
import zhTW from '../../../resources/kb-synonyms/zh-TW.json' with { type: 'json' };

/** Most alternative queries one query becomes: each is searched, so this bounds a search's cost. */
const MAX_VARIANTS = 8;

/**
 * One row of a synonym table: words and phrases a customer and an article use for the same thing, any of which
 * stands for the others ("cancel", "call off", "don't want it"). Strings from outside: capped, only ever words.
 */
export const SynonymGroup = z.object({
  locale: Locale,
  words: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(';').map((s) => s.trim()).filter(Boolean) : v),
    z
      .array(z.string().trim().min(1, 'a word is empty').max(60, 'a word is longer than 60 characters'))
      .min(2, 'words needs at least two words or phrases that mean the same')
      .max(20, 'words holds at most 20 words or phrases')
      .refine((words) => words.every((w) => parseSearchQuery(w, null) !== null), 'a word has no letters or digits to search by'),
  ),
});
export type SynonymGroup = z.infer<typeof SynonymGroup>;

/** The call-center vocabulary shipped with the app (resources/kb-synonyms/<locale>.json). */
export function shippedSynonyms(): SynonymGroup[] {
  const tables: Record<Locale, string[][]> = { en, th, 'zh-CN': zhCN, 'zh-TW': zhTW };
  return Locale.options.flatMap((locale) => tables[locale].map((words) => ({ locale, words })));
}

/** Where the lead's synonym rows live: beside the cache file (none for an in-memory database). */
export function synonymFileBeside(databasePath: string): string | null {
  return databasePath === ':memory:' || databasePath === '' ? null : join(dirname(databasePath), 'kb-synonyms.jsonl');
}

/** A phrase as the query parser cuts it: its terms' texts (folded: lower case, simplified Chinese). */
function phraseTerms(phrase: string, locale: Locale): string[] {
  return parseSearchQuery(phrase + ' ', locale)?.terms.map((t) => t.text) ?? [];
}

const key = (g: SynonymGroup) => `${g.locale}\u0000${g.words.map((w) => w.toLowerCase()).sort().join('\u0000')}`;

/**
 * The synonym tables, applied at query time: a query holding one of a group's phrases also searches with each
 * other phrase of the group in its place (KbSearch ranks those matches just below literal ones). The shipped
 * table, plus the rows a team lead imported (`agent-desktop import synonyms FILE`), kept in a JSON Lines file
 * beside the cache and read again when it changes.
 */
export class KbSynonyms {
  private phrases = new Map<Locale, Map<string, { terms: string[]; group: number }[]>>();
  private groups: string[][][] = [];
  private extraVersion = '';
  private readonly known = new Set<string>();

  constructor(
    private readonly shipped: SynonymGroup[] = shippedSynonyms(),
    /** The lead's own rows (JSON Lines), or null for none. */
    private readonly extraFile: string | null = null,
  ) {
    this.build([]);
  }

  /** Adds a group to the lead's file; false when the same group is already there or shipped. */
  add(group: SynonymGroup): boolean {
    if (!this.extraFile) throw new Error('This synonym table has no file to add to');
    this.refresh();
    if (this.known.has(key(group))) return false;
    appendFileSync(this.extraFile, JSON.stringify({ locale: group.locale, words: group.words }) + '\n');
    this.refresh();
    return true;
  }

  /**
   * The query with each of its synonym phrases replaced by the group's other phrases, one replacement at a time,
   * at most MAX_VARIANTS, the query itself not included.
   */
  variants(terms: QueryTerm[], locale: Locale): QueryTerm[][] {
    this.refresh();
    const byFirst = this.phrases.get(locale);
    if (!byFirst) return [];
    const out: QueryTerm[][] = [];
    const seen = new Set<string>();
    for (let i = 0; i < terms.length && out.length < MAX_VARIANTS; i++) {
      for (const { terms: phrase, group } of byFirst.get(terms[i]!.text) ?? []) {
        if (!phrase.every((t, k) => terms[i + k]?.text === t)) continue;
        for (const other of this.groups[group]!) {
          if (other.join(' ') === phrase.join(' ')) continue;
          const rest = [...terms.slice(0, i), ...terms.slice(i + phrase.length)];
          // A phrase adding no word and repeating one typed beside it ("เครื่องร้อน" for "ร้อนมาก" after "เครื่อง")
          // is the query with a word dropped, no synonym.
          const adds = other.some((text) => !terms.some((t) => t.text === text));
          if (!adds && other.some((text) => rest.some((t) => t.text === text))) continue;
          const joined = [...terms.slice(0, i), ...other.map((text) => ({ text, prefix: false })), ...terms.slice(i + phrase.length)];
          const variant = joined.filter((t, k) => joined.findIndex((u) => u.text === t.text) === k);
          const id = variant.map((t) => t.text).join(' ');
          if (seen.has(id) || out.length >= MAX_VARIANTS) continue;
          seen.add(id);
          out.push(variant);
        }
      }
    }
    return out;
  }

  private refresh(): void {
    if (!this.extraFile || !existsSync(this.extraFile)) {
      if (this.extraVersion !== '') this.build([]);
      return;
    }
    const { mtimeMs, size } = statSync(this.extraFile);
    const version = `${mtimeMs}:${size}`;
    if (version === this.extraVersion) return;
    const extra = readSynonymLines(readFileSync(this.extraFile, 'utf8')).groups;
    this.build(extra);
    this.extraVersion = version;
  }

  private build(extra: SynonymGroup[]): void {
    this.phrases = new Map();
    this.groups = [];
    this.known.clear();
    this.extraVersion = '';
    for (const g of [...this.shipped, ...extra]) {
      this.known.add(key(g));
      const terms = g.words.map((w) => phraseTerms(w, g.locale)).filter((t) => t.length > 0);
      const group = this.groups.push(terms) - 1;
      let byFirst = this.phrases.get(g.locale);
      if (!byFirst) this.phrases.set(g.locale, (byFirst = new Map()));
      for (const phrase of terms) {
        const list = byFirst.get(phrase[0]!) ?? [];
        list.push({ terms: phrase, group });
        byFirst.set(phrase[0]!, list);
      }
    }
  }
}

/** Rows of a synonym file (JSON Lines), each bad one with its line and reason. */
export function readSynonymLines(text: string): { groups: SynonymGroup[]; rejected: { line: number; reason: string }[] } {
  const groups: SynonymGroup[] = [];
  const rejected: { line: number; reason: string }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        rejected.push({ line: i + 1, reason: 'not a JSON object' });
        return;
      }
      const parsed = SynonymGroup.safeParse(value);
      if (parsed.success) groups.push(parsed.data);
      else rejected.push({ line: i + 1, reason: parsed.error.issues.map((x) => (x.path.length ? `${x.path.join('.')}: ${x.message}` : x.message)).join('; ') });
    });
  return { groups, rejected };
}
