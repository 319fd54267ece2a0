/** The key fields a shortcut is read from (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface WorkspaceHotkeys {
  focusSearch(): void;
  nextTemplate(): void;
  newWorkOrder(): void;
  showReply(): void;
  showWorkOrders(): void;
  answer(): void;
  hangUp(): void;
  toggleHold(): void;
  toggleMute(): void;
  toggleRecording(): void;
}

/** What a key press asks for, or null; pure so the mapping is tested without a DOM. */
export function hotkeyFor(e: KeyPress, typing: boolean): keyof WorkspaceHotkeys | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return 'focusSearch';
  if (!e.ctrlKey && !e.metaKey && !e.altKey && e.key === '/' && !typing) return 'focusSearch';
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    // e.code, not e.key: Alt+letter types other characters on some layouts (and on macOS).
    switch (e.code) {
      case 'KeyT':
        return 'nextTemplate';
      case 'KeyN':
        return 'newWorkOrder';
      case 'KeyR':
        return 'showReply';
      case 'KeyL':
        return 'showWorkOrders';
      // The call itself: answer, end, hold, mute, without leaving the field being typed in.
      case 'KeyA':
        return 'answer';
      case 'KeyE':
        return 'hangUp';
      case 'KeyO':
        return 'toggleHold';
      case 'KeyM':
        return 'toggleMute';
      // Secure pause before the customer reads out a card number.
      case 'KeyP':
        return 'toggleRecording';
    }
  }
  return null;
}

