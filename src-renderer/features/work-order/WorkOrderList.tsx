import { useEffect } from 'react';
import { WorkOrderStatus } from '../../../src-shared/domain/screen-pop';
import { statusMoves } from '../../../src-shared/workorders/status-moves';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { slaCountdownText } from '../../i18n/duration';
import { useWorkspace } from '../softphone';
import { loadWorkOrders, moveWorkOrder } from './actions';
import { useWorkOrder, type Status } from './store';
import { useNow } from '../../lib/use-now';

/** The agent's work orders with status filters and a live SLA countdown (overdue ones counted up, in red). */
export function WorkOrderList() {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const { list, filter, moveError } = useWorkOrder();
  const now = useNow(30_000);
  useEffect(() => {
    void loadWorkOrders();
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
      {moveError && (
        <p className="field-error" role="alert">
          {t('wo.moveFailed', { id: moveError.id, message: moveError.message })}
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
                  <td>
                    <div className="status-moves">
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
