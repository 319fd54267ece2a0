import { callLanguage } from '../../../src-shared/domain/call-language';
import type { KbHitSummary } from '../../../src-shared/domain/knowledge';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { request } from '../../api/client';
import { debounce } from '../../lib/debounce';
import { useWorkspace } from '../softphone';
import { useKnowledge, type SearchScope } from './store';
import { shownError } from '../../i18n/main-error-text';

/** Short enough to feel instant, long enough not to search on every keystroke of a fast typist. */
export const SEARCH_DEBOUNCE_MS = 150;

export function currentCallLanguage(): Locale {
  const { call, screenPop, locale } = useWorkspace.getState();
  const preferred = screenPop?.kind === 'known' ? screenPop.customer.preferredLanguage : null;
  return callLanguage(call?.headers.language, preferred, locale);
}

function scopeLocale(scope: SearchScope): Locale | null {
  if (scope === 'all') return null;
  return scope === 'call' ? currentCallLanguage() : scope;
}

function report(err: unknown): void {
  useKnowledge.getState().set({ notice: shownError(err), searching: false });
}

/** Fewer hits than this in the chosen language and the other languages' best are shown below them. */
export const FEW_HITS = 3;
const SIBLING: Partial<Record<Locale, Locale>> = { 'zh-CN': 'zh-TW', 'zh-TW': 'zh-CN' };

/**
 * No dead ends: when the chosen language finds little, the best matches elsewhere, the sibling script first
 * (simplified ↔ traditional Chinese), then the other languages, each kept in the order the search ranked it.
 */
async function searchElsewhere(query: string, locale: Locale | null, found: number): Promise<KbHitSummary[]> {
  if (locale === null || found >= FEW_HITS) return [];
  const { hits } = await request('searchKb', { query, locale: null, limit: 10 });
  const rank = (l: Locale) => (l === SIBLING[locale] ? 0 : 1);
  return hits.filter((h) => h.locale !== locale).sort((a, b) => rank(a.locale) - rank(b.locale));
}

let latest = 0;
const runSearch = debounce(async (query: string, scope: SearchScope) => {
  const ticket = ++latest;
  try {
    const locale = scopeLocale(scope);
    const { hits } = await request('searchKb', { query, locale, limit: 10 });
    const elsewhere = await searchElsewhere(query, locale, hits.length);
    // A slow answer to an older query must not replace a newer one.
    if (ticket === latest) useKnowledge.getState().set({ hits, elsewhere, answered: query, searching: false, notice: null });
  } catch (err) {
    if (ticket === latest) report(err);
  }
}, SEARCH_DEBOUNCE_MS);

export function typeQuery(query: string): void {
  const { scope, set } = useKnowledge.getState();
  set({ query, searching: query.trim() !== '' });
  if (query.trim() === '') {
    runSearch.cancel();
    latest++;
    set({ hits: [], elsewhere: [], answered: '' });
    return;
  }
  runSearch(query, scope);
}

export function chooseScope(scope: SearchScope): void {
  useKnowledge.getState().set({ scope });
  typeQuery(useKnowledge.getState().query);
}

export async function loadSuggestions(): Promise<void> {
  const { call } = useWorkspace.getState();
  if (!call) return useKnowledge.getState().set({ suggestions: [] });
  try {
    const { hits } = await request('suggestKb', { queue: call.headers.queue, ivrPath: call.headers.ivrPath, locale: currentCallLanguage() });
    useKnowledge.getState().set({ suggestions: hits, marks: {} });
  } catch (err) {
    report(err);
  }
}

export async function openArticle(id: string): Promise<void> {
  try {
    useKnowledge.getState().set({ article: await request('getKbArticle', { id }) });
  } catch (err) {
    report(err);
  }
}

export const closeArticle = () => useKnowledge.getState().set({ article: null });

export async function markHelped(articleId: string, helped: boolean): Promise<void> {
  const callId = useWorkspace.getState().call?.callId ?? null;
  try {
    await request('markKbHelped', { articleId, callId, helped });
    const { marks, set } = useKnowledge.getState();
    set({ marks: { ...marks, [articleId]: helped } });
  } catch (err) {
    report(err);
  }
}
