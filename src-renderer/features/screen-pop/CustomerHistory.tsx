import type { ScreenPop } from '../../../src-shared/domain/screen-pop';
import { contactRecordingLookup } from '../../../src-shared/recording/recording-search';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';
import { useLabel } from '../agent-state';
import { RecordingLink } from '../recordings';

type Known = Extract<ScreenPop, { kind: 'known' }>;

/** A recent complaint whose recovery failed: recovery works once, so the agent must see it before answering. */
export function RecoveryWarning({ pop }: { pop: Known }) {
  const t = useT();
  const warning = pop.serviceRecovery;
  if (!warning) return null;
  return (
    <p className="recovery-warning" role="alert" data-testid="recovery-warning">
      {t('pop.recoveryWarning', { id: warning.workOrderId, reason: t(`pop.reason.${warning.reason}`) })}
    </p>
  );
}

/** The IVR named one customer, the number is on file for another: the agent checks who is calling. */
export function IdentityWarning({ pop }: { pop: Known }) {
  const t = useT();
  const conflict = pop.identityConflict;
  if (!conflict) return null;
  return (
    <p className="identity-warning" role="alert" data-testid="identity-warning">
      {t('pop.identityConflict', { ivrName: pop.customer.name, number: pop.number ?? '', numberName: conflict.numberOwner.name, numberId: conflict.numberOwner.externalId })}
    </p>
  );
}

/** Open work orders and the last contacts, dated in the agent's locale. */
export function CustomerHistory({ pop }: { pop: Known }) {
  const t = useT();
  // The calls' recordings are found by the customer's numbers and when each call was (the pop knows no call ids).
  const numbers = [...new Set([...pop.customer.phones, ...(pop.number ? [pop.number] : [])])].slice(0, 5);
  const locale = useWorkspace((s) => s.locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // In words, the team's included: a disposition the team has since retired still reads as it did.
  const disposition = useLabel('disposition');
  const updates = pop.teamUpdates ?? [];
  return (
    <>
      {updates.length > 0 && (
        <>
          <h3>{t('pop.teamUpdates')}</h3>
          <ul data-testid="team-updates">
            {updates.map((u) => (
              <li key={`${u.workOrderId}-${u.at}`}>
                {t('pop.teamUpdate', { id: u.workOrderId, status: t(`wo.status.${u.status}`), by: u.by, time: date.format(u.at) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('pop.openWorkOrders')}</h3>
      <ul data-testid="open-work-orders">
        {pop.openWorkOrders.length === 0 && <li>{t('pop.none')}</li>}
        {pop.openWorkOrders.map((w) => (
          <li key={w.id}>
            <span className={`severity severity-${w.severity}`}>{w.id}</span> {w.summary}
            <RecordingLink call={{ workOrderId: w.id }} />
          </li>
        ))}
      </ul>
      <h3>{t('pop.recentContacts')}</h3>
      <ul data-testid="recent-contacts">
        {pop.recentContacts.length === 0 && <li>{t('pop.none')}</li>}
        {pop.recentContacts.map((c) => (
          <li key={c.startedAt}>
            {date.format(c.startedAt)} · {c.queue ?? ''} · {c.disposition === null ? '' : disposition(c.disposition)}
            {numbers.length > 0 && (
              <RecordingLink call={contactRecordingLookup(c, numbers)} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
