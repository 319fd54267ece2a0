import { Locale } from '../../../src-shared/domain/screen-pop';
import { useT } from '../../i18n/use-t';
import { LocaleOptions } from '../../i18n/LocaleOptions';
import { AgentStatePanel } from '../agent-state';
import { CallTools, CallWaiting, DialForm, TransferProgress } from './CallTools';
import { answer, decline, hangUp, hold, mute, useWorkspace } from '../softphone';
import { CallTimer } from './CallTimer';
import { CallRefusal } from './CallRefusal';
import { RecordingControl } from './RecordingControl';
import { AudioStatus, DevicesPanel } from '../media';
import { QualityMeter } from '../quality';
import { SyncBadge } from '../sync';
import { SettingsButton } from '../settings';
import { RecordingsButton } from '../recordings';

function ConnectionBadge() {
  const t = useT();
  const status = useWorkspace((s) => s.status);
  const info = useWorkspace((s) => s.info);
  if (!status) return <span className="badge badge-off">{t('connection.notConfigured')}</span>;
  const registered = status.registered ? t('connection.registered', { extension: status.extension }) : t('connection.notRegistered');
  const words = `${t(`connection.${status.connection}`)} · ${registered}${info?.demo ? ` · ${t('app.demo')}` : ''}`;
  // All well, the call bar shows a phone sign and the extension (it must stay one line); the words are still read
  // out and are the badge's title. Anything else is said in full.
  const healthy = status.connection === 'connected' && status.registered;
  return (
    <span className={`badge badge-${status.connection}`} data-testid="connection" title={status.reason ?? words}>
      {healthy ? (
        <>
          <span aria-hidden="true">☎ {status.extension}{info?.demo ? ` · ${t('app.demo')}` : ''}</span>
          <span className="visually-hidden">{words}</span>
        </>
      ) : (
        words
      )}
      {status.reasonCode && status.reasonCode !== 'stopped' && (
        <span className="link-reason" data-testid="link-reason">
          {' · '}
          {t(`link.reason.${status.reasonCode}`)}
        </span>
      )}
    </span>
  );
}

function LanguageSelect() {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const setLocale = useWorkspace((s) => s.setLocale);
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={locale} onChange={(e) => setLocale(Locale.parse(e.target.value))} aria-label={t('app.language')}>
        <LocaleOptions />
      </select>
    </label>
  );
}

/** The strip along the top: who the agent is, whether the phone works, the call and its buttons. */
export function CallBar({ onNewWorkOrder }: { onNewWorkOrder: () => void }) {
  const t = useT();
  const call = useWorkspace((s) => s.call);
  return (
    <header className="call-bar" data-testid="call-bar" aria-label={t('app.title')}>
      {/* The window's title says it too: on screen the bar keeps its width for the call, on one line at 1366 px. */}
      <h1 className="visually-hidden">{t('app.title')}</h1>
      <ConnectionBadge />
      <SyncBadge />
      <div className="call-state" data-testid="call-state" aria-live="polite">
        {call ? (
          <>
            <span className={`call-state-${call.state}`}>{t(`call.${call.state}`)}</span>
            <span className="caller" data-testid="caller" title={call.displayName ?? call.remoteNumber}>
              {call.displayName ?? call.remoteNumber}
            </span>
            {call.answeredAt !== null && <CallTimer since={call.answeredAt} until={call.endedAt} />}
            {call.state === 'active' && call.hold !== 'off' && (
              <span className={`hold hold-${call.hold}`} data-testid="hold-state">
                {t(`call.hold.${call.hold}`)}
              </span>
            )}
            {call.state === 'active' && call.muted && <span className="muted">{t('call.muted')}</span>}
            <RecordingControl call={call} />
            <CallRefusal call={call} />
            <TransferProgress call={call} />
            <AudioStatus call={call} />
            <QualityMeter call={call} />
            <CallWaiting />
          </>
        ) : (
          <span>{t('call.none')}</span>
        )}
      </div>
      <div className="call-actions">
        {call?.state === 'ringing' && (
          <>
            <button type="button" className="answer" aria-keyshortcuts="Alt+A" onClick={() => answer(call.callId)}>
              {t('action.answer')}
            </button>
            <button type="button" className="decline" onClick={() => decline(call.callId)}>
              {t('action.reject')}
            </button>
          </>
        )}
        {call?.state === 'active' && (
          <>
            {/* Disabled while the re-INVITE is out: the label changes only when the far end answered. */}
            <button type="button" aria-keyshortcuts="Alt+O" onClick={() => hold(call.callId, call.hold === 'off')} disabled={call.hold === 'holding' || call.hold === 'resuming'}>
              {call.hold === 'held' || call.hold === 'resuming' ? t('action.resume') : t('action.hold')}
            </button>
            <button type="button" aria-keyshortcuts="Alt+M" aria-pressed={call.muted} onClick={() => mute(call.callId, !call.muted)}>
              {call.muted ? t('action.unmute') : t('action.mute')}
            </button>
            <CallTools call={call} />
          </>
        )}
        {(!call || call.state === 'ended') && <DialForm />}
        {(call?.state === 'active' || call?.state === 'connecting') && (
          <button type="button" className="hang-up" aria-keyshortcuts="Alt+E" onClick={() => hangUp(call.callId)}>
            {t('action.hangUp')}
          </button>
        )}
      </div>
      <AgentStatePanel onNewWorkOrder={onNewWorkOrder} />
      <DevicesPanel />
      <LanguageSelect />
      <RecordingsButton />
      <SettingsButton />
    </header>
  );
}
