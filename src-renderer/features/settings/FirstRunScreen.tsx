import { useT } from '../../i18n/use-t';
import { useSettings } from './store';
import { SettingsForm } from './SettingsForm';
import { TeamServerForm } from './TeamServerForm';
import './settings.css';

/**
 * What an unconfigured desktop opens on, in place of the workspace: the same form as settings. It gives way to
 * the workspace by itself once the phone is registered; after a save the agent may also go on without waiting,
 * and before one she may set the phone up later.
 */
export function FirstRunScreen() {
  const t = useT();
  const view = useSettings((s) => s.view);
  const finish = useSettings((s) => s.finishFirstRun);
  if (!view) return null;
  return (
    <main className="first-run" data-testid="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('settings.firstRun.title')}</h1>
      <p>{t('settings.firstRun.intro')}</p>
      <SettingsForm
        view={view}
        footer={
          // Saved, or not now: a specialist who works complaints without taking calls still has her workspace.
          <button type="button" onClick={finish}>
            {view.pbx !== null ? t('settings.openWorkspace') : t('settings.later')}
          </button>
        }
      />
      <TeamServerForm />
    </main>
  );
}
