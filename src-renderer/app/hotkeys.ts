import { hotkeyFor, type WorkspaceHotkeys } from './hotkey-map';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The workspace's keyboard shortcuts (the call bar's own are the other panel's). Ctrl+N and Ctrl+T belong to the
 * browser and cannot be taken, so panel actions use Alt. "/" focuses search only when the agent is not typing.
 */
export function installHotkeys(actions: WorkspaceHotkeys): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = hotkeyFor(e, typingInField(e.target));
    if (!action) return;
    e.preventDefault();
    actions[action]();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
