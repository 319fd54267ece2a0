import { compileRuleSet, fillTemplate, fillText, searchTemplates, type ReplyTemplate } from '../../../src-shared/replies';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { request } from '../../api/client';
import { currentCallLanguage } from '../knowledge/actions';
import { useWorkspace } from '../softphone';
import { placeholderDataFrom, type WorkOrderFacts } from './placeholder-data';
import { shortcutBefore } from './shortcut';
import { insertIntoReply, useComposer } from './store';
import { shownError } from '../../i18n/main-error-text';

/** The work order's facts a reply may quote; the work-order feature registers where to read them. */
let workOrderFacts: () => WorkOrderFacts = () => ({});
export function readWorkOrderFactsFrom(read: () => WorkOrderFacts): void {
  workOrderFacts = read;
}

/** The reply's language: the agent's choice, else the caller's. */
export function replyLocale() {
  return useComposer.getState().replyLocale ?? currentCallLanguage();
}

export async function loadTemplates(): Promise<void> {
  try {
    const { templates } = await request('listTemplates', { locale: replyLocale() });
    useComposer.getState().set({ templates });
  } catch (err) {
    useWorkspace.getState().showError(shownError(err));
  }
}

/** The team's coach rules for the reply's language, compiled here once (the coach runs on every keystroke). */
export async function loadTeamCoachRules(locale: Locale): Promise<void> {
  try {
    const { rules } = await request('getTeamCoachRules', { locale });
    useComposer.getState().set({ teamRules: rules ? compileRuleSet({ locale, rules }) : null });
  } catch (err) {
    useWorkspace.getState().showError(shownError(err));
  }
}

export function matchingTemplates(): ReplyTemplate[] {
  const { templates, scenario, templateQuery } = useComposer.getState();
  return searchTemplates(templates, { text: templateQuery, scenario: scenario || undefined });
}

/**
 * Fills the template from the screen pop and the work order and puts it into the draft. Unfilled placeholders
 * appear as "[label]" markers (never braces) and are listed for the agent until replaced.
 */
export function applyTemplate(template: ReplyTemplate): void {
  const { screenPop, info, locale } = useWorkspace.getState();
  const filled = fillTemplate(template, placeholderDataFrom(screenPop, info?.agent.displayName ?? null, workOrderFacts()), locale);
  const state = useComposer.getState();
  const gaps = filled.gaps.map((g) => ({ label: g.label, marker: filled.text.slice(g.start, g.end) }));
  // A template the agent has not touched since it went in is swapped, not stacked (Alt+T cycles).
  if (state.draft.trim() === '' || (state.lastTemplate && state.draft === state.lastTemplate.text)) {
    state.setDraft(filled.text, filled.text.length);
  } else {
    insertIntoReply(filled.text);
  }
  useComposer.getState().set({ lastTemplate: { id: template.id, text: useComposer.getState().draft }, gaps: mergeGaps(state.gaps, gaps), templateQuery: '' });
}

function mergeGaps(a: { label: string; marker: string }[], b: { label: string; marker: string }[]) {
  const seen = new Map(a.map((g) => [g.marker, g]));
  for (const g of b) seen.set(g.marker, g);
  return [...seen.values()];
}

/** Alt+T: the next template of the current list after the one in the draft. */
export function nextTemplate(): void {
  const list = matchingTemplates();
  if (list.length === 0) return;
  const last = useComposer.getState().lastTemplate;
  const at = last ? list.findIndex((t) => t.id === last.id) : -1;
  applyTemplate(list[(at + 1) % list.length]!);
}

/** Tab after a shortcut typed in the draft: the shortcut is replaced by its template. */
export function expandShortcut(caret: number): boolean {
  const { draft, templates, setDraft } = useComposer.getState();
  const found = shortcutBefore(draft, caret, templates);
  if (!found) return false;
  setDraft(draft.slice(0, found.start) + draft.slice(caret), found.start);
  applyTemplate(found.template);
  return true;
}

/** A phrase with placeholders (service-recovery step) filled and put in at the caret; its gaps are tracked too. */
export function insertPhrase(phrase: string): void {
  const { screenPop, info, locale } = useWorkspace.getState();
  const filled = fillText(phrase, placeholderDataFrom(screenPop, info?.agent.displayName ?? null, workOrderFacts()), locale);
  insertIntoReply(filled.text);
  const gaps = filled.gaps.map((g) => ({ label: g.label, marker: filled.text.slice(g.start, g.end) }));
  useComposer.getState().set({ gaps: mergeGaps(useComposer.getState().gaps, gaps) });
}
