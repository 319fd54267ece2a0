import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { loadSettings } from './actions';
import { useSettings } from './store';
import { SettingsForm } from './SettingsForm';
import { TeamServerForm } from './TeamServerForm';
import './settings.css';

/** The call bar's way into settings. */
export function SettingsButton() {
  const t = useT();
  const setOpen = useSettings((s) => s.setOpen);
  return (
    <button type="button" className="settings-open" title={t('settings.open')} onClick={() => void loadSettings().then(() => setOpen(true))}>
      <span aria-hidden="true">⚙</span>
      <span className="visually-hidden">{t('settings.open')}</span>
    </button>
  );
}

/** Settings over the workspace, as a modal dialog (Escape or Close leaves it; calls keep ringing in the call bar). */
export function SettingsDialog() {
  const t = useT();
  const open = useSettings((s) => s.open);
  const view = useSettings((s) => s.view);
  const setOpen = useSettings((s) => s.setOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open, view]);
  if (!open || !view) return null;
  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title" onClose={() => setOpen(false)} data-testid="settings">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <SettingsForm
        view={view}
        footer={
          <button type="button" onClick={() => setOpen(false)}>
            {t('settings.close')}
          </button>
        }
      />
      <TeamServerForm />
    </dialog>
  );
}
