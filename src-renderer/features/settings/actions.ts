import type { SettingsUpdate, SettingsView } from '../../../src-shared/domain/phone-settings';
import { request } from '../../api/client';
import { loadWorkspace, useWorkspace } from '../softphone';
import { useSettings } from './store';
import { shownError } from '../../i18n/main-error-text';

/** Asks main what is configured; an unconfigured desktop opens on the first-run screen. */
export async function loadSettings(): Promise<void> {
  try {
    useSettings.getState().loaded(await request('getSettings', {}));
  } catch (err) {
    // The contract's code is kept, so a window cut off from Agent Desktop says so in the agent's language.
    useWorkspace.getState().showError(shownError(err));
  }
}

/**
 * Saves and applies: main writes config.json, keeps the password, restarts the phone. The workspace is then
 * loaded again (the new phone's status, a fresh agent state), without reloading the page. Throws the
 * ContractError for the form to show on its fields.
 */
export async function saveSettings(update: SettingsUpdate): Promise<SettingsView> {
  const view = await request('saveSettings', update);
  useSettings.getState().saved(view);
  const workspace = useWorkspace.getState();
  // "The phone is not configured" no longer holds.
  workspace.showError(null);
  workspace.setLocale(view.uiLocale);
  await loadWorkspace();
  return view;
}
