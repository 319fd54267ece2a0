import type { ReplyTemplate } from '../../../src-shared/replies';

/** The shortcut ("/late") typed just before the caret, if it names a template: its span and the template. */
export function shortcutBefore(draft: string, caret: number, templates: readonly ReplyTemplate[]): { start: number; template: ReplyTemplate } | null {
  const m = /(^|\s)(\/[\p{L}\p{N}._-]{1,32})$/u.exec(draft.slice(0, caret));
  if (!m) return null;
  const typed = m[2]!.toLowerCase();
  const template = templates.find((t) => (t.shortcut.startsWith('/') ? t.shortcut : `/${t.shortcut}`).toLowerCase() === typed);
  return template ? { start: caret - m[2]!.length, template } : null;
}
