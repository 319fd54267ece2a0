import { useT } from '../i18n/use-t';
import { useEffect } from 'react';
import { ComposerPanel, readWorkOrderFactsFrom } from '../features/composer';
import { flushDraft, restoreWorkOrderDraft, useWorkOrder, WorkOrderForm, WorkOrderList } from '../features/work-order';
import { useLayout, type SidePanel } from './layout-store';

const tabs: { id: SidePanel; label: 'layout.reply' | 'layout.workOrder' | 'layout.workOrders'; keys: string }[] = [
  { id: 'reply', label: 'layout.reply', keys: 'Alt+R' },
  { id: 'work-order', label: 'layout.workOrder', keys: 'Alt+N' },
  { id: 'work-orders', label: 'layout.workOrders', keys: 'Alt+L' },
];

/** The right-hand column: reply, work-order form and work-order list as tabs (one at a time fits 1366×768). */
export function SidePanels() {
  const t = useT();
  const side = useLayout((s) => s.side);
  const show = useLayout((s) => s.show);
  useEffect(() => {
    // A reload (or a restart after the app was killed) brings back the work order the agent was typing.
    void restoreWorkOrderDraft().then((restored) => restored && show('work-order'));
    readWorkOrderFactsFrom(() => {
      const { draft, filed } = useWorkOrder.getState();
      return {
        id: filed?.id ?? null,
        callbackNumber: draft.callbackWanted ? draft.callbackNumber : null,
        callbackTime: draft.callbackWanted && draft.callbackFrom ? draft.callbackFrom.replace('T', ' ') : null,
        followUpDate: draft.followUpDate || null,
      };
    });
    window.addEventListener('pagehide', flushDraft);
    return () => window.removeEventListener('pagehide', flushDraft);
  }, [show]);
  return (
    <section className="side panel" aria-label={t('layout.side')}>
      <div role="tablist" aria-label={t('layout.side')} className="tabs">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={side === tab.id}
            aria-controls={`tabpanel-${tab.id}`}
            aria-keyshortcuts={tab.keys}
            onClick={() => show(tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${side}`} aria-labelledby={`tab-${side}`}>
        {side === 'reply' && <ComposerPanel />}
        {side === 'work-order' && <WorkOrderForm />}
        {side === 'work-orders' && <WorkOrderList />}
      </div>
    </section>
  );
}
