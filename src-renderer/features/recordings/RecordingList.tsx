import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';
import { playRecording } from './actions';
import { useRecordings } from './store';
import { clock } from './timeline';

/** The search's results, newest first: when, customer, agent, queue, length, and whether anything was paused. */
export function RecordingList() {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const hits = useRecordings((s) => s.hits);
  const chosen = useRecordings((s) => s.chosen);
  const playing = useRecordings((s) => s.playing);
  if (hits === null) return null;
  if (hits.length === 0) return <p data-testid="recordings-none">{t('recordings.none')}</p>;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="recording-list" data-testid="recording-list">
      <thead>
        <tr>
          <th scope="col">{t('recordings.col.when')}</th>
          <th scope="col">{t('recordings.col.customer')}</th>
          <th scope="col">{t('recordings.col.agent')}</th>
          <th scope="col">{t('recordings.col.queue')}</th>
          <th scope="col">{t('recordings.col.length')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('recordings.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {hits.map((h) => (
          <tr key={h.id} data-testid="recording-row" aria-current={playing?.hit.id === h.id || undefined}>
            <td>{when.format(h.startedAt)}</td>
            <td>
              {h.customerName ? `${h.customerName} · ` : ''}
              {h.customer}
            </td>
            <td>{h.agent}</td>
            <td>{h.queue ?? '—'}</td>
            <td>
              {clock(h.seconds)}
              {h.pausedSpans.length > 0 ? ` · ${t('recordings.pausedCount', { count: h.pausedSpans.length })}` : ''}
            </td>
            <td>
              <button type="button" onClick={() => void playRecording(h)} disabled={chosen?.id === h.id && !playing}>
                {chosen?.id === h.id && !playing ? t('recordings.loading') : t('recordings.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
