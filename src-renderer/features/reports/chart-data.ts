import type { Locale } from '../../../src-shared/domain/screen-pop';
import type { ReportMetricId, ReportResult } from '../../../src-shared/reports/report-contract';
import { messages, translate, type MessageKey } from '../../i18n/messages';
import type { TableData } from './csv';
import { formatDay, formatFigure } from './format';

const number = (locale: Locale, v: string | number) => (typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v);

/**
 * The report's figures shaped for ECharts and, the same numbers, as the table behind each chart (read by screen
 * readers, exported as CSV). Nothing is counted here: the database counted; this only lays the numbers out.
 */
export interface ChartSpec {
  id: string;
  title: string;
  /** The numbers as exported (ISO days, plain numbers). */
  table: TableData;
  /** The same rows as shown on screen, in the agent's date and number formats. */
  shown: string[][];
  option: Record<string, unknown>;
}

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A complaint type's or why-tag's words when the app has them; a tag an agent made up is shown as typed. */
function labelOf(locale: Locale, prefix: 'wo.type.' | 'wo.why.', id: string): string {
  const key = `${prefix}${id}`;
  return Object.hasOwn(messages.en, key) ? translate(locale, key as MessageKey) : id.slice(0, 40);
}

const base = (fontFamily: string) => ({
  animation: false,
  textStyle: { fontFamily },
  grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
  legend: { top: 0, type: 'scroll' },
});

/** Calls offered and handled per day, or per week (7-day blocks from the period's first day: counts add up). */
export function trendChart(locale: Locale, t: T, r: ReportResult, by: 'day' | 'week', fontFamily: string): ChartSpec {
  const metrics: ReportMetricId[] = ['offered', 'handled'];
  const rows: { day: string; values: number[] }[] = [];
  r.daily.forEach((d, i) => {
    const values = metrics.map((m) => d.figures[m] ?? 0);
    if (by === 'day' || i % 7 === 0) rows.push({ day: d.day, values });
    else rows[rows.length - 1]!.values = rows[rows.length - 1]!.values.map((v, j) => v + values[j]!);
  });
  const names = metrics.map((m) => t(`reports.metric.${m}`));
  return {
    id: `trend-${by}`,
    title: t('reports.chart.trend', { unit: t(by === 'day' ? 'reports.chart.byDay' : 'reports.chart.byWeek') }),
    table: { columns: [t(by === 'day' ? 'reports.col.day' : 'reports.col.week'), ...names], rows: rows.map((row) => [row.day, ...row.values]) },
    shown: rows.map((row) => [formatDay(locale, row.day), ...row.values.map((v) => number(locale, v))]),
    option: {
      ...base(fontFamily),
      xAxis: { type: 'category', data: rows.map((row) => formatDay(locale, row.day)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: names.map((name, j) => ({ type: 'bar', name, data: rows.map((row) => row.values[j]) })),
    },
  };
}

/** Complaints per day stacked by type (or by why-tag). */
export function stackedComplaints(locale: Locale, t: T, r: ReportResult, by: 'type' | 'why', fontFamily: string): ChartSpec {
  const entries = by === 'type' ? r.complaintsByType.map((c) => ({ day: c.day, key: c.type, count: c.count })) : r.complaintsByWhy.map((c) => ({ day: c.day, key: c.tag, count: c.count }));
  const days = r.daily.map((d) => d.day);
  const keys = [...new Set(entries.map((e) => e.key))].sort();
  const label = (key: string) => labelOf(locale, by === 'type' ? 'wo.type.' : 'wo.why.', key);
  const count = (day: string, key: string) => entries.find((e) => e.day === day && e.key === key)?.count ?? 0;
  return {
    id: `complaints-${by}`,
    title: t(by === 'type' ? 'reports.chart.types' : 'reports.chart.why'),
    table: {
      columns: [t('reports.col.day'), t(by === 'type' ? 'reports.col.type' : 'reports.col.tag'), t('reports.col.count')],
      rows: entries.map((e) => [e.day, label(e.key), e.count]),
    },
    shown: entries.map((e) => [formatDay(locale, e.day), label(e.key), number(locale, e.count)]),
    option: {
      ...base(fontFamily),
      xAxis: { type: 'category', data: days.map((d) => formatDay(locale, d)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((key) => ({ type: 'bar', stack: 'complaints', name: label(key), data: days.map((d) => count(d, key)) })),
    },
  };
}

/** Complaints by hour of day (site time) × agent: a spike at 9–10 on one agent's shift points to a training gap. */
export function complaintHeatmap(locale: Locale, t: T, r: ReportResult, fontFamily: string): ChartSpec {
  const agents = [...new Set(r.complaintsByHourAgent.map((c) => c.agent))].sort();
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const max = Math.max(1, ...r.complaintsByHourAgent.map((c) => c.count));
  return {
    id: 'complaints-heatmap',
    title: t('reports.chart.heatmap'),
    table: {
      columns: [t('reports.col.hour'), t('reports.col.agent'), t('reports.col.count')],
      rows: r.complaintsByHourAgent.map((c) => [hours[c.hour]!, c.agent, c.count]),
    },
    shown: r.complaintsByHourAgent.map((c) => [hours[c.hour]!, c.agent, number(locale, c.count)]),
    option: {
      ...base(fontFamily),
      legend: undefined,
      grid: { left: 48, right: 16, top: 16, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: hours },
      yAxis: { type: 'category', data: agents },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f4f1fb', '#5b2a86'] } },
      series: [{ type: 'heatmap', data: r.complaintsByHourAgent.map((c) => [c.hour, agents.indexOf(c.agent), c.count]), label: { show: true } }],
    },
  };
}

/** A lead's breakdown (per agent, queue or hour): calls handled per row, and the table with every figure. */
export function breakdownChart(locale: Locale, t: T, r: ReportResult, view: 'agent' | 'queue' | 'hour', fontFamily: string, metrics: readonly ReportMetricId[]): ChartSpec {
  const rows =
    view === 'agent'
      ? r.perAgent.map((a) => ({ key: a.name || a.agent, figures: a.figures }))
      : view === 'queue'
        ? r.perQueue.map((q) => ({ key: q.queue, figures: q.figures }))
        : r.perHour.map((h) => ({ key: String(h.hour).padStart(2, '0'), figures: h.figures }));
  const viewName = t(`reports.view.${view}`);
  return {
    id: `breakdown-${view}`,
    title: t('reports.chart.breakdown', { view: viewName }),
    table: {
      columns: [t(view === 'agent' ? 'reports.col.agent' : view === 'queue' ? 'reports.col.queue' : 'reports.col.hour'), ...metrics.map((m) => t(`reports.metric.${m}`))],
      rows: rows.map((row) => [row.key, ...metrics.map((m) => row.figures[m] ?? '')]),
    },
    shown: rows.map((row) => [row.key, ...metrics.map((m) => formatFigure(locale, m, row.figures[m] ?? null))]),
    option: {
      ...base(fontFamily),
      xAxis: { type: 'category', data: rows.map((row) => row.key) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('reports.metric.handled'), data: rows.map((row) => row.figures.handled ?? 0) }],
    },
  };
}
