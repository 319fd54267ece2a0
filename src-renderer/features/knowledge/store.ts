import { create } from 'zustand';
import type { KbArticleView, KbHitSummary } from '../../../src-shared/domain/knowledge';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import type { ShownError } from '../../i18n/main-error-text';

/** 'call': the caller's language; 'all': every language. */
export type SearchScope = 'call' | 'all' | Locale;

export interface KnowledgeState {
  query: string;
  scope: SearchScope;
  hits: KbHitSummary[];
  /** When the chosen language finds little: the best matches in the sibling script, then the other languages. */
  elsewhere: KbHitSummary[];
  searching: boolean;
  /** The query the shown hits answer (the box may already hold more). */
  answered: string;
  suggestions: KbHitSummary[];
  article: KbArticleView | null;
  /** Marks given during this call, so the buttons show what was recorded. */
  marks: Record<string, boolean>;
  notice: ShownError | null;
  set(partial: Partial<Omit<KnowledgeState, 'set'>>): void;
}

export const useKnowledge = create<KnowledgeState>((set) => ({
  query: '',
  scope: 'call',
  hits: [],
  elsewhere: [],
  searching: false,
  answered: '',
  suggestions: [],
  article: null,
  marks: {},
  notice: null,
  set: (partial) => set(partial),
}));
