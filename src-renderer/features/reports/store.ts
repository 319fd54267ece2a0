import { create } from 'zustand';
import type { ReportResult } from '../../../src-shared/reports/report-contract';
import type { ShownError } from '../../i18n/main-error-text';
import type { PeriodPreset, ReportView } from './period';

interface ReportsState {
  /** Which screen is open: the agent's "My day", the lead's team Reports, or none. */
  open: 'my-day' | 'team' | null;
  preset: PeriodPreset;
  view: ReportView;
  trendBy: 'day' | 'week';
  result: ReportResult | null;
  loading: boolean;
  error: ShownError | null;
  /** Each request is numbered: an answer to an older one (the agent switched period meanwhile) is dropped. */
  asked: number;
  set(partial: Partial<Pick<ReportsState, 'open' | 'preset' | 'view' | 'trendBy'>>): void;
  asking(): number;
  answered(n: number, outcome: { result: ReportResult } | { error: ShownError }): void;
}

export const useReports = create<ReportsState>((set, get) => ({
  open: null,
  preset: 'today',
  view: 'team',
  trendBy: 'day',
  result: null,
  loading: false,
  error: null,
  asked: 0,
  set: (partial) => set(partial),
  asking: () => {
    const n = get().asked + 1;
    set({ asked: n, loading: true, error: null });
    return n;
  },
  answered: (n, outcome) => {
    if (n !== get().asked) return;
    set('result' in outcome ? { loading: false, result: outcome.result, error: null } : { loading: false, result: null, error: outcome.error });
  },
}));
