import { create } from 'zustand';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import type { CompiledRuleSet, ReplyTemplate } from '../../../src-shared/replies';

/** A placeholder the template could not fill: the marker the agent sees in the draft, and what it stands for. */
export interface GapMarker {
  label: string;
  marker: string;
}

export interface ComposerState {
  draft: string;
  /** Where the caret was last, so text inserted from the KB lands where the agent was writing. */
  caret: number | null;
  templates: ReplyTemplate[];
  scenario: string;
  templateQuery: string;
  /** The template last put into the draft (Alt+T moves on from it) and the text it put there. */
  lastTemplate: { id: string; text: string } | null;
  gaps: GapMarker[];
  /** The check-before-send summary is open. */
  checking: boolean;
  copied: boolean | null;
  /** The agent chose the reply's language; null follows the caller's. */
  replyLocale: Locale | null;
  /** The coach rules the team published for the reply's language (compiled once); null: the shipped ones. */
  teamRules: CompiledRuleSet | null;
  setDraft(draft: string, caret?: number | null): void;
  set(partial: Partial<Omit<ComposerState, 'set' | 'setDraft'>>): void;
}

export const useComposer = create<ComposerState>((set) => ({
  draft: '',
  caret: null,
  templates: [],
  scenario: '',
  templateQuery: '',
  lastTemplate: null,
  gaps: [],
  checking: false,
  copied: null,
  replyLocale: null,
  teamRules: null,
  setDraft: (draft, caret = null) => set({ draft, caret, copied: null }),
  set: (partial) => set(partial),
}));

/** Puts text into the reply at the caret (or at the end), on a line of its own. */
export function insertIntoReply(text: string): void {
  const { draft, caret, setDraft } = useComposer.getState();
  const at = caret === null || caret > draft.length ? draft.length : caret;
  const before = draft.slice(0, at);
  const after = draft.slice(at);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const next = `${before}${lead}${text}${after}`;
  setDraft(next, before.length + lead.length + text.length);
}
