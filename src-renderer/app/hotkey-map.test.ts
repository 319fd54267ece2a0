import { describe, expect, it } from 'vitest';
import { hotkeyFor } from './hotkey-map';

const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('hotkeyFor', () => {
  it('focuses search on Ctrl+K anywhere and on "/" outside a field', () => {
    expect(hotkeyFor(key('k', 'KeyK', { ctrlKey: true }), true)).toBe('focusSearch');
    expect(hotkeyFor(key('/', 'Slash'), false)).toBe('focusSearch');
    expect(hotkeyFor(key('/', 'Slash'), true)).toBeNull();
  });
  it('maps Alt+T, Alt+N, Alt+R and Alt+L by key position', () => {
    expect(hotkeyFor(key('†', 'KeyT', { altKey: true }), true)).toBe('nextTemplate');
    expect(hotkeyFor(key('n', 'KeyN', { altKey: true }), false)).toBe('newWorkOrder');
    expect(hotkeyFor(key('r', 'KeyR', { altKey: true }), false)).toBe('showReply');
    expect(hotkeyFor(key('l', 'KeyL', { altKey: true }), false)).toBe('showWorkOrders');
    expect(hotkeyFor(key('t', 'KeyT'), false)).toBeNull();
  });
  it('maps Alt+A, Alt+E, Alt+O and Alt+M to answer, hang up, hold and mute, also while typing', () => {
    expect(hotkeyFor(key('a', 'KeyA', { altKey: true }), true)).toBe('answer');
    expect(hotkeyFor(key('e', 'KeyE', { altKey: true }), true)).toBe('hangUp');
    expect(hotkeyFor(key('o', 'KeyO', { altKey: true }), false)).toBe('toggleHold');
    expect(hotkeyFor(key('π', 'KeyP', { altKey: true }), true)).toBe('toggleRecording');
    expect(hotkeyFor(key('µ', 'KeyM', { altKey: true }), false)).toBe('toggleMute');
    expect(hotkeyFor(key('a', 'KeyA', { altKey: true, ctrlKey: true }), false)).toBeNull();
  });
});
