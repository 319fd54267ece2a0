import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';
import { acceptDecision, watchSync } from './actions';
import { useSync } from './store';

/** In the call bar: "3 waiting · synced 12:04" — nothing at all on a desktop that works alone. */
export function SyncBadge() {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const status = useSync((s) => s.status);
  useEffect(() => watchSync(), []);
  if (!status || status.state === 'alone') return null;
  const time = status.lastSyncedAt ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(status.lastSyncedAt) : '—';
  const waiting = status.waiting;
  const text =
    status.state === 'synced'
      ? waiting ? t('sync.syncedWaiting', { waiting, time }) : t('sync.synced', { time })
      : status.state === 'syncing'
        ? t('sync.syncing', { waiting })
        : status.state === 'offline'
          ? t('sync.offline', { waiting })
          : status.state === 'signed-out'
            ? t('sync.signedOut')
            : status.state === 'error'
              ? t('sync.error')
              : t('sync.connecting');
  // Synced with nothing waiting, the call bar shows a sign and the time (it must stay one line); the words are
  // still there for screen readers and as the badge's title.
  const compact = status.state === 'synced' && waiting === 0 && status.decisions === 0;
  return (
    <span className={`badge sync-badge sync-${status.state}`} data-testid="sync-status" role="status" title={status.message ?? text}>
      {compact ? (
        <>
          <span aria-hidden="true">⇅ {time}</span>
          <span className="visually-hidden">{text}</span>
        </>
      ) : (
        text
      )}
      {status.decisions > 0 && ` · ${t('sync.decisions', { count: status.decisions })}`}
    </span>
  );
}

/** The changes the server did not apply as they were; the agent sees why and acknowledges each. */
export function SyncDecisions() {
  const t = useT();
  const decisions = useSync((s) => s.decisions);
  if (!decisions.length) return null;
  return (
    <section className="sync-decisions" aria-label={t('sync.decisionsTitle')} data-testid="sync-decisions">
      <h2>{t('sync.decisionsTitle')}</h2>
      <ul>
        {decisions.map((d) => (
          <li key={d.id}>
            {d.outcome === 'conflict' ? t('sync.conflict', { id: d.workOrderId ?? d.kind }) : t('sync.rejected', { id: d.workOrderId ?? d.kind, reason: d.reason })}{' '}
            <button type="button" onClick={() => void acceptDecision(d.id)}>
              {t('sync.accept')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
