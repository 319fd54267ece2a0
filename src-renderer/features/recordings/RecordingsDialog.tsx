import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { mainErrorText } from '../../i18n/main-error-text';
import { useSync } from '../sync';
import { closeRecordings, openRecordings } from './actions';
import { RecordingList } from './RecordingList';
import { RecordingPlayer } from './RecordingPlayer';
import { RecordingSearchForm } from './RecordingSearchForm';
import { useRecordings } from './store';
import './recordings.css';

/**
 * The call bar's way into recordings: shown once the desktop is signed in to a team server (the server decides
 * who hears what: a lead her team's calls, an agent her own where the site allows it).
 */
export function RecordingsButton() {
  const t = useT();
  const signedIn = useSync((s) => s.status?.user != null);
  if (!signedIn) return null;
  return (
    // Compact, as the call bar stays one line in every language: an icon, its words read out and shown as its title.
    <button type="button" className="recordings-open" title={t('recordings.button')} onClick={openRecordings}>
      {/* Headphones, drawn: not every system font has an emoji for it. */}
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M2.5 10V8a5.5 5.5 0 0 1 11 0v2" />
        <rect x="1.8" y="9.5" width="3" height="5" rx="1" fill="currentColor" />
        <rect x="11.2" y="9.5" width="3" height="5" rx="1" fill="currentColor" />
      </svg>
      <span className="visually-hidden">{t('recordings.button')}</span>
    </button>
  );
}

/** Search and playback over the workspace, as a modal dialog; closing it stops playback and frees the audio. */
export function RecordingsDialog() {
  const t = useT();
  const open = useRecordings((s) => s.open);
  const playing = useRecordings((s) => s.playing);
  const error = useRecordings((s) => s.error);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && open && !d.open) d.showModal();
  }, [open]);
  if (!open) return null;
  return (
    <dialog ref={dialog} className="recordings-dialog" aria-labelledby="recordings-title" onClose={closeRecordings} data-testid="recordings">
      <header className="recordings-head">
        <h2 id="recordings-title">{t('recordings.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('recordings.close')}
        </button>
      </header>
      <RecordingSearchForm />
      {error && (
        <p className="recordings-error" role="alert" data-testid="recordings-error">
          {mainErrorText(t, error)}
        </p>
      )}
      {playing && <RecordingPlayer key={playing.hit.id} recording={playing} />}
      <RecordingList />
    </dialog>
  );
}
