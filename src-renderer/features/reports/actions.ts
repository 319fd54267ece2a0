import { request } from '../../api/client';
import { shownError } from '../../i18n/main-error-text';
import { localDay, presetPeriod, scopeFor, type PeriodPreset } from './period';
import { useReports } from './store';

/** Asks main for the open screen's report over the chosen period. */
export async function loadReport(): Promise<void> {
  const { open, preset } = useReports.getState();
  if (!open) return;
  const n = useReports.getState().asking();
  try {
    const result = await request('getReport', { ...presetPeriod(preset, localDay(new Date())), scope: scopeFor(open) });
    useReports.getState().answered(n, { result });
  } catch (err) {
    useReports.getState().answered(n, { error: shownError(err) });
  }
}

export function openReports(mode: 'my-day' | 'team'): void {
  useReports.getState().set({ open: mode, view: 'team' });
  void loadReport();
}

export function choosePeriod(preset: PeriodPreset): void {
  useReports.getState().set({ preset });
  void loadReport();
}
