import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../app/logger';

const laptop = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const screenMock = vi.hoisted(() => ({ displays: [] as { workArea: { x: number; y: number; width: number; height: number } }[] }));
vi.mock('electron', () => ({
  screen: { getAllDisplays: () => screenMock.displays, getPrimaryDisplay: () => screenMock.displays[0] },
}));
const { DEFAULT_WINDOW_SIZE, WindowStateStore } = await import('./window-state');

function storeWith(saved: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
  if (saved !== null) writeFileSync(join(dir, 'window-state.json'), saved);
  return { dir, store: new WindowStateStore(dir, silentLogger) };
}

describe('window state', () => {
  screenMock.displays = [laptop];

  it('starts at 1366×768 when nothing was saved or the file is not valid', () => {
    for (const saved of [null, 'not json', JSON.stringify({ x: 0, y: 0, width: 'wide', height: 700, maximized: false })]) {
      expect(storeWith(saved).store.restore()).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
    }
  });

  it('restores saved bounds that are on a connected display', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: true };
    expect(storeWith(JSON.stringify(saved)).store.restore()).toEqual({ bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true });
  });

  it('ignores bounds left on a display that is gone, or with the title bar off screen', () => {
    for (const saved of [
      { x: 2500, y: 100, width: 1366, height: 768, maximized: false },
      { x: 100, y: -600, width: 1366, height: 768, maximized: false },
    ]) {
      expect(storeWith(JSON.stringify(saved)).store.restore().bounds).toEqual({ ...DEFAULT_WINDOW_SIZE });
    }
  });

  it('fits the default size to a smaller screen', () => {
    screenMock.displays = [{ workArea: { x: 0, y: 0, width: 1280, height: 690 } }];
    expect(storeWith(null).store.restore().bounds).toEqual({ width: 1280, height: 690 });
    screenMock.displays = [laptop];
  });

  it('saves the normal bounds and maximised state when the window closes', () => {
    const { dir, store } = storeWith(null);
    let onClose: () => void = () => {};
    const window = {
      on: (name: string, handler: () => void) => name === 'close' && (onClose = handler),
      getNormalBounds: () => ({ x: 10, y: 20, width: 1500, height: 800 }),
      isMaximized: () => true,
    };
    store.track(window as never);
    onClose();
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toEqual({ x: 10, y: 20, width: 1500, height: 800, maximized: true });
    expect(store.restore()).toEqual({ bounds: { x: 10, y: 20, width: 1500, height: 800 }, maximized: true });
  });
});
