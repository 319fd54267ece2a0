import { useEffect } from 'react';
import { CallBar } from '../features/call-bar';
import { ReminderTray } from '../features/reminders';
import { openNewWorkOrder } from './open-work-order';
import { ScreenPopPanel } from '../features/screen-pop';
import { connectWorkspace, useWorkspace } from '../features/softphone';
import { useT } from '../i18n/use-t';
import { KnowledgePanel } from '../features/knowledge';
import { connectMedia, MediaNoticeBanner } from '../features/media';
import { FloorBoard } from '../features/floor';
import { FirstRunScreen, loadSettings, SettingsDialog, useSettings } from '../features/settings';
import { SidePanels } from './SidePanels';
import { useWorkspaceHotkeys } from './use-workspace-hotkeys';
import './workspace.css';

function ErrorBanner() {
  const t = useT();
  const error = useWorkspace((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error">
      {error.code === 'UNAVAILABLE' ? t('error.UNAVAILABLE', { message: error.message }) : t('error.generic', { message: error.message })}
    </div>
  );
}

/** The panel hotkeys, always on screen: a new agent learns them without training. */
function WorkspaceHotkeyHint() {
  const t = useT();
  return (
    <footer className="hotkey-hint" data-testid="hotkey-hint">
      {t('layout.hotkeys')}
    </footer>
  );
}

export function App() {
  const locale = useWorkspace((s) => s.locale);
  const registered = useWorkspace((s) => s.status?.registered ?? false);
  const firstRun = useSettings((s) => s.firstRun);
  useEffect(() => connectWorkspace(), []);
  useEffect(() => connectMedia(), []);
  useEffect(() => void loadSettings(), []);
  useWorkspaceHotkeys();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // The first-run screen has done its job once the phone is registered.
  useEffect(() => {
    if (registered) useSettings.getState().finishFirstRun();
  }, [registered]);
  if (firstRun) return <FirstRunScreen />;
  return (
    <div className="workspace">
      <CallBar onNewWorkOrder={openNewWorkOrder} />
      <ErrorBanner />
      <MediaNoticeBanner />
      <ReminderTray />
      <FloorBoard />
      <main className="workspace-main">
        <ScreenPopPanel />
        <KnowledgePanel />
        <SidePanels />
      </main>
      <WorkspaceHotkeyHint />
      <SettingsDialog />
    </div>
  );
}
