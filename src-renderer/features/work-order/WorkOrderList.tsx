import { useEffect } from 'react';
import { WorkOrderStatus } from '../../../src-shared/domain/screen-pop';
import { statusMoves } from '../../../src-shared/workorders/status-moves';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { slaCountdownText } from '../../i18n/duration';
import { useWorkspace } from '../softphone';
import { claimWorkOrder, loadWorkOrders, moveWorkOrder } from './actions';
import { SyncDecisions, useSync } from '../sync';
import { RecordingLink } from '../recordings';
import { useWorkOrder, type Status } from './store';
import { useNow } from '../../lib/use-now';
import { subscribe } from '../../api/client';
import { mainErrorText } from '../../i18n/main-error-text';
import { ReassignSelect, useTeamChoices } from './ReassignSelect';

// One empty list for every render: a selector returning a new [] each time makes zustand re-render without end.
const NO_QUEUES: readonly string[] = [];

/** The agent's work orders with status filters and a live SLA countdown (overdue ones counted up, in red). */
export function WorkOrderList() {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const { list, filter, scope, moveError } = useWorkOrder();
  const queues = useSync((s) => s.status?.user?.queues ?? NO_QUEUES);
  const team = useSync((s) => (s.status ? s.status.state !== 'alone' : false));
  const now = useNow(30_000);
  // Only a team lead has these (the server refuses anyone else's reassignment too).
  const teamChoices = useTeamChoices();
  useEffect(() => {
    void loadWorkOrders();
    // Teammates' changes (a specialist claimed or resolved one) show without a reload.
    return subscribe('teamWorkChanged', () => void loadWorkOrders());
  }, []);
  const toggle = (status: Status) => {
    const next = filter.includes(status) ? filter.filter((s) => s !== status) : [...filter, status];
    if (next.length > 0) void loadWorkOrders(next);
  };
  return (
    <section className="work-order-list" aria-label={t('layout.workOrders')} data-testid="work-order-list">
      <fieldset className="status-filter">
        <legend>{t('wo.filter')}</legend>
        {WorkOrderStatus.options.map((status) => (
          <label key={status}>
            <input type="checkbox" checked={filter.includes(status)} onChange={() => toggle(status)} />
            {t(`wo.status.${status}`)}
          </label>
        ))}
      </fieldset>
      {queues.length > 0 && (
        <fieldset className="scope-filter">
          <legend className="visually-hidden">{t('wo.filter')}</legend>
          {(['all', 'queues'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="wo-scope" checked={scope === s} onChange={() => void loadWorkOrders(filter, s)} />
              {t(`wo.scope.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      <SyncDecisions />
      {moveError && (
        <p className="field-error" role="alert">
          {t('wo.moveFailed', { id: moveError.id, message: mainErrorText(t, moveError.error) })}
        </p>
      )}
      {list.length === 0 ? (
        <p>{t('wo.listEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('wo.id')}</th>
              <th scope="col">{t('wo.customer')}</th>
              <th scope="col">{t('wo.complaintType')}</th>
              <th scope="col">{t('wo.severity')}</th>
              <th scope="col">{t('wo.statusLabel')}</th>
              <th scope="col">{t('wo.sla')}</th>
              {team && <th scope="col">{t('wo.queue')}</th>}
              {team && <th scope="col">{t('wo.assignee')}</th>}
              <th scope="col">
                <span className="visually-hidden">{t('wo.statusLabel')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((w) => {
              const overdue = w.dueAt !== null && w.dueAt < now;
              const done = w.status === 'resolved' || w.status === 'closed';
              return (
                <tr key={w.id} data-testid="work-order-row">
                  <td>{w.id}</td>
                  <td>{w.customerName ?? '—'}</td>
                  <td>{w.complaintType ? t(`wo.type.${w.complaintType}` as MessageKey) : '—'}</td>
                  <td className={`severity severity-${w.severity}`}>{t(`wo.severity.${w.severity}`)}</td>
                  <td>{t(`wo.status.${w.status}`)}</td>
                  <td className={overdue && !done ? 'sla-overdue' : 'sla'} data-testid="sla">
                    {w.dueAt === null || done ? '—' : slaCountdownText(locale, w.dueAt, now)}
                  </td>
                  {team && <td>{w.queue ?? '—'}</td>}
                  {team && <td data-testid="assignee">{w.assignee ?? '—'}</td>}
                  <td>
                    <div className="status-moves">
                      {w.queue && queues.includes(w.queue) && !w.assignee && !done && (
                        <button type="button" aria-label={`${t('wo.claim')} ${w.id}`} onClick={() => void claimWorkOrder(w.id)}>
                          {t('wo.claim')}
                        </button>
                      )}
                      {teamChoices && !done && <ReassignSelect id={w.id} assignee={w.assignee} queue={w.queue} choices={teamChoices} />}
                      <RecordingLink call={{ workOrderId: w.id }} />
                      {statusMoves[w.status].map((to) => (
                        <button key={to} type="button" aria-label={`${t(`wo.move.${to}`)} ${w.id}`} onClick={() => void moveWorkOrder(w.id, to)}>
                          {t(`wo.move.${to}`)}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
