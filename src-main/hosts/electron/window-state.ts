/**
 * Remembers where the agent put the window and puts it back there, unless that place is no longer on any
 * connected display (a docked laptop taken home). Default: 1366×768, the smallest screen the layout is made for.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';
import type { Logger } from '../../app/logger';

export const DEFAULT_WINDOW_SIZE = { width: 1366, height: 768 } as const;

/** How much of the window's top edge must lie on a display for the agent to grab the title bar and drag it back. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const SavedWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
type SavedWindowState = z.infer<typeof SavedWindowState>;

export interface WindowPlacement {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
}

export class WindowStateStore {
  private readonly file: string;

  constructor(userDataDir: string, private readonly log: Logger) {
    this.file = join(userDataDir, 'window-state.json');
  }

  /** The saved placement when it is valid and still visible; otherwise the default size, centred. */
  restore(): WindowPlacement {
    const saved = this.read();
    if (saved && isVisibleOnSomeDisplay(saved)) {
      const { maximized, ...bounds } = saved;
      return { bounds, maximized };
    }
    const { workArea } = screen.getPrimaryDisplay();
    return {
      bounds: { width: Math.min(DEFAULT_WINDOW_SIZE.width, workArea.width), height: Math.min(DEFAULT_WINDOW_SIZE.height, workArea.height) },
      maximized: false,
    };
  }

  /** Saves the window's normal (unmaximised) bounds when it closes. */
  track(window: BrowserWindow): void {
    window.on('close', () => {
      const state: SavedWindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
      try {
        writeFileSync(`${this.file}.tmp`, JSON.stringify(state));
        renameSync(`${this.file}.tmp`, this.file);
      } catch (err) {
        this.log.warn('window state not saved', { error: String(err) });
      }
    });
  }

  private read(): SavedWindowState | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = SavedWindowState.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: fall through to the default placement
    }
    this.log.warn('window state ignored: the saved file is not valid', { file: this.file });
    return null;
  }
}

/** True when the top strip of the window (where the title bar is) lies on a connected display. */
function isVisibleOnSomeDisplay(bounds: Rectangle): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE.height };
  return screen.getAllDisplays().some(({ workArea }) => {
    const overlapWidth = Math.min(titleBar.x + titleBar.width, workArea.x + workArea.width) - Math.max(titleBar.x, workArea.x);
    const overlapHeight = Math.min(titleBar.y + titleBar.height, workArea.y + workArea.height) - Math.max(titleBar.y, workArea.y);
    return overlapWidth >= MIN_VISIBLE.width && overlapHeight >= MIN_VISIBLE.height;
  });
}
