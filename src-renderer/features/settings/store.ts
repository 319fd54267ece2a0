import { create } from 'zustand';
import type { SettingsView } from '../../../src-shared/domain/phone-settings';

interface SettingsState {
  /** What main says is configured; null until loaded. */
  view: SettingsView | null;
  /** The first-run screen stands in for the workspace until the phone is set up and registered. */
  firstRun: boolean;
  /** The settings dialog over the workspace. */
  open: boolean;
  loaded(view: SettingsView): void;
  saved(view: SettingsView): void;
  setOpen(open: boolean): void;
  finishFirstRun(): void;
}

/** Configured means main could start a phone: PBX settings and a password. */
export const isConfigured = (view: SettingsView) => view.pbx !== null && view.hasPassword;

export const useSettings = create<SettingsState>((set) => ({
  view: null,
  firstRun: false,
  open: false,
  loaded: (view) => set({ view, firstRun: view.editable && !isConfigured(view) }),
  saved: (view) => set({ view }),
  setOpen: (open) => set({ open }),
  finishFirstRun: () => set({ firstRun: false }),
}));
