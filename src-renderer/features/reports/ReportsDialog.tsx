import { useEffect, useMemo, useRef } from 'react';
import { ReportMetricIds } from '../../../src-shared/reports/report-contract';
import { useT } from '../../i18n/use-t';
import { mainErrorText } from '../../i18n/main-error-text';
import { useWorkspace } from '../softphone';
import { choosePeriod } from './actions';
import { breakdownChart, complaintHeatmap, stackedComplaints, trendChart } from './chart-data';
import { ChartPanel } from './ChartPanel';
import { formatDay, formatInstant } from './format';
import type { PeriodPreset, ReportView } from './period';
import { ReportTiles } from './ReportTiles';
import { useReports } from './store';
import './reports.css';

const PRESETS: PeriodPreset[] = ['today', 'week', 'month'];
const VIEWS: ReportView[] = ['team', 'agent', 'queue', 'hour'];

/** The page's font, so chart text is drawn in the same faces as the rest (CJK and Thai included). */
const pageFont = () => getComputedStyle(document.body).fontFamily;

/**
 * "My day" (the agent's own figures) and the lead's "Reports" (team, per agent, per queue, per hour), as a modal
 * over the workspace; the call bar stays reachable by closing it (Escape).
 */
export function ReportsDialog() {
  const t = useT();
  const { open, preset, view, trendBy, result, loading, error, set } = useReports();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  if (!open) return null;
  const title = t(open === 'my-day' ? 'reports.myDay' : 'reports.title');
  return (
    <dialog ref={dialog} className="reports-dialog" aria-labelledby="reports-title" onClose={() => set({ open: null })} data-testid="reports">
      <header className="reports-head">
        <h2 id="reports-title">{title}</h2>
        <div role="group" aria-label={t('reports.period')} className="reports-presets">
          {PRESETS.map((p) => (
            <button key={p} type="button" aria-pressed={preset === p} onClick={() => choosePeriod(p)}>
              {t(`reports.period.${p}`)}
            </button>
          ))}
        </div>
        {open === 'team' && (
          <label>
            {t('reports.view')}{' '}
            <select value={view} onChange={(e) => set({ view: e.target.value as ReportView })}>
              {VIEWS.map((v) => (
                <option key={v} value={v}>
                  {t(`reports.view.${v}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => set({ open: null })}>
          {t('reports.close')}
        </button>
      </header>
      <div aria-live="polite">
        {loading && <p>{t('reports.loading')}</p>}
        {error && (
          <p className="reports-error" role="alert" data-testid="reports-error">
            {mainErrorText(t, error)}
          </p>
        )}
      </div>
      {result && !error && <ReportBody mode={open} view={view} trendBy={trendBy} />}
    </dialog>
  );
}

function ReportBody({ mode, view, trendBy }: { mode: 'my-day' | 'team'; view: ReportView; trendBy: 'day' | 'week' }) {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const result = useReports((s) => s.result)!;
  const set = useReports((s) => s.set);
  const font = pageFont();
  const charts = useMemo(() => {
    if (view !== 'team') return [breakdownChart(locale, t, result, view, font, ReportMetricIds)];
    return [trendChart(locale, t, result, trendBy, font), stackedComplaints(locale, t, result, 'type', font), stackedComplaints(locale, t, result, 'why', font), complaintHeatmap(locale, t, result, font)];
    // t follows the locale.
  }, [locale, result, view, trendBy, font]);
  const fileName = `${mode}-${result.period.from}-${result.period.to}`;
  return (
    <div className="reports-body">
      <p className="reports-range" data-testid="reports-range">
        {t('reports.range', {
          from: formatDay(locale, result.period.from),
          to: formatDay(locale, result.period.to),
          zone: result.timeZone,
          prevFrom: formatDay(locale, result.previous.from),
          prevTo: formatDay(locale, result.previous.to),
        })}
      </p>
      {view === 'team' && <ReportTiles result={result} />}
      {view === 'team' && (
        <div role="group" aria-label={t('reports.chart.trendBy')} className="reports-trend-by">
          {(['day', 'week'] as const).map((by) => (
            <button key={by} type="button" aria-pressed={trendBy === by} onClick={() => set({ trendBy: by })}>
              {t(by === 'day' ? 'reports.chart.byDay' : 'reports.chart.byWeek')}
            </button>
          ))}
        </div>
      )}
      <div className="reports-charts">
        {charts.map((spec) => (
          <ChartPanel key={spec.id} spec={spec} fileName={fileName} />
        ))}
      </div>
      {view === 'team' && result.lowCsat.length > 0 && (
        <section className="report-low-csat" aria-labelledby="report-low-csat">
          <h3 id="report-low-csat">{t('reports.lowCsat')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.workOrder')}</th>
                <th scope="col">{t('reports.col.agent')}</th>
                <th scope="col">{t('reports.col.csat')}</th>
                <th scope="col">{t('reports.col.at')}</th>
              </tr>
            </thead>
            <tbody>
              {result.lowCsat.map((l) => (
                <tr key={`${l.workOrder}-${l.at}`}>
                  <th scope="row">{l.workOrder}</th>
                  <td>{l.agent}</td>
                  <td>{l.csat}</td>
                  <td>{formatInstant(locale, l.at, result.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
