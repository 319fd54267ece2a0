import { request, subscribe } from '../../api/client';
import { useSync } from './store';

async function loadDecisions(): Promise<void> {
  const { decisions } = await request('listSyncDecisions', {});
  useSync.getState().set({ decisions });
}

/** Reads the sync state and keeps it current. */
export function watchSync(): () => void {
  const report = (err: unknown) => console.warn('sync state could not be read', err);
  request('getSyncStatus', {}).then((status) => {
    useSync.getState().set({ status });
    if (status.decisions) return loadDecisions();
  }).catch(report);
  const offStatus = subscribe('syncStatusChanged', (status) => {
    const before = useSync.getState().status?.decisions ?? 0;
    useSync.getState().set({ status });
    if (status.decisions !== before) loadDecisions().catch(report);
  });
  return offStatus;
}

export async function acceptDecision(id: number): Promise<void> {
  await request('acceptSyncDecision', { id });
  await loadDecisions();
}
