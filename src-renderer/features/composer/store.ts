import { create } from 'zustand';

export interface ComposerState {
  draft: string;
  /** Where the caret was last, so text inserted from the KB lands where the agent was writing. */
  caret: number | null;
  setDraft(draft: string, caret?: number | null): void;
}

export const useComposer = create<ComposerState>((set) => ({
  draft: '',
  caret: null,
  setDraft: (draft, caret = null) => set({ draft, caret }),
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
