import { useEffect, useState } from 'react';
import type { FollowUpReminder } from '../../../src-shared/domain/follow-up';
import { useT } from '../../i18n/use-t';
import { dial, useWorkspace } from '../softphone';
import { completeReminder, connectReminders } from './actions';
import { useReminders } from './store';

function Reminder({ item }: { item: FollowUpReminder }) {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const [csat, setCsat] = useState('');
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const who = [item.customerName, item.number, item.workOrderId].filter(Boolean).join(' · ');
  return (
    <li className={`reminder reminder-${item.kind}`}>
      <strong>{t(item.kind === 'callback' ? 'reminder.callback' : 'reminder.followUp')}</strong> {who}
      <span className="reminder-due">
        {' '}
        {t('reminder.due', { time: time.format(item.dueAt) })}
        {item.windowEnd !== null && ` – ${time.format(item.windowEnd)}`}
      </span>
      {item.note && <p>{item.note}</p>}
      {item.kind === 'callback' && item.number !== null && (
        <button type="button" onClick={() => void dial(item.number ?? '')}>
          {t('call.callCustomer', { number: item.number })}
        </button>
      )}
      {item.kind === 'follow-up' && item.workOrderId !== null ? (
        <span className="reminder-csat">
          <label>
            {t('reminder.csat')}{' '}
            <select value={csat} onChange={(e) => setCsat(e.target.value)} aria-label={t('reminder.csat')}>
              <option value="">—</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {t(`reminder.csat${n}` as 'reminder.csat1')}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" disabled={csat === ''} onClick={() => void completeReminder(item.id, Number(csat))}>
            {t('reminder.record')}
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => void completeReminder(item.id)}>
          {t('reminder.done')}
        </button>
      )}
    </li>
  );
}

/** Callbacks promised and follow-ups planned, shown as soon as they fall due; a kept promise is what the customer remembers. */
export function ReminderTray() {
  const t = useT();
  const reminders = useReminders((s) => s.reminders);
  const recorded = useReminders((s) => s.recorded);
  useEffect(() => connectReminders(), []);
  if (reminders.length === 0 && !recorded) return null;
  return (
    <section className="reminder-tray" role="region" aria-live="assertive" aria-label={t('reminder.title')} data-testid="reminders">
      {reminders.length > 0 && (
        <>
          <h2>{t('reminder.title')} ({reminders.length})</h2>
          <ul>
            {reminders.map((r) => (
              <Reminder key={r.id} item={r} />
            ))}
          </ul>
        </>
      )}
      {recorded?.csat != null && (
        <p className="reminder-recorded" data-testid="csat-recorded">
          {t('reminder.recorded', { id: recorded.workOrderId ?? '', csat: recorded.csat })}
        </p>
      )}
    </section>
  );
}
