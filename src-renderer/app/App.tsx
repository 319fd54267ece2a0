import { useEffect } from 'react';
import { CallBar } from '../features/call-bar';
import { ReminderTray } from '../features/reminders';
import { openNewWorkOrder } from './open-work-order';
import { ScreenPopPanel } from '../features/screen-pop';
import { connectWorkspace, loadWorkspace, useWorkspace } from '../features/softphone';
import { connectShellLink, ShellLinkBanner, useShellLink } from '../features/shell-link';
import { useT } from '../i18n/use-t';
import { KnowledgePanel } from '../features/knowledge';
import { connectMedia, MediaNoticeBanner } from '../features/media';
import { FloorBoard } from '../features/floor';
import { QualityWarnings, ShiftStartTestOffer } from '../features/quality';
import { MyDayButton, ReportsDialog } from '../features/reports';
import { RecordingsDialog } from '../features/recordings';
import { FirstRunScreen, loadSettings, SettingsDialog, useSettings } from '../features/settings';
import { SidePanels } from './SidePanels';
import { useWorkspaceHotkeys } from './use-workspace-hotkeys';
import './workspace.css';
import { hasWords, mainErrorText } from '../i18n/main-error-text';

function ErrorBanner() {
  const t = useT();
  const error = useWorkspace((s) => s.error);
  const linkDown = useShellLink((s) => s.link.state !== 'open');
  if (!error) return null;
  // Main's words in the agent's language when it named them; its English message only for an unknown key.
  let text = hasWords(error) ? mainErrorText(t, error) : t('error.generic', { message: error.message });
  // Without the link to Agent Desktop nothing was sent: say that, in the agent's language, not the transport's words.
  if (error.code === 'UNAVAILABLE') text = linkDown ? t('shellLink.requestFailed') : hasWords(error) ? text : t('error.UNAVAILABLE', { message: error.message });
  return (
    <div className="error-banner" role="alert" data-testid="error">
      {text}
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
  useEffect(() => connectShellLink(() => void loadWorkspace()), []);
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
      <ShellLinkBanner />
      <ErrorBanner />
      <MediaNoticeBanner />
      <QualityWarnings />
      <ShiftStartTestOffer />
      <ReminderTray />
      <FloorBoard />
      <main className="workspace-main">
        <ScreenPopPanel />
        <KnowledgePanel />
        <SidePanels />
      </main>
      <div className="workspace-foot">
        <WorkspaceHotkeyHint />
        <MyDayButton />
      </div>
      <SettingsDialog />
      <ReportsDialog />
      <RecordingsDialog />
    </div>
  );
}
