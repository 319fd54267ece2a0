import { describe, expect, it } from 'vitest';
import { ReportMetricIds, type ReportResult } from '../../../src-shared/reports/report-contract';
import { translate } from '../../i18n/messages';
import { breakdownChart, complaintHeatmap, stackedComplaints, trendChart } from './chart-data';

const zero = Object.fromEntries(ReportMetricIds.map((id) => [id, 0])) as ReportResult['current'];
const days = Array.from({ length: 9 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const result = {
  timeZone: 'Asia/Bangkok',
  period: { from: days[0]!, to: days[8]! },
  previous: { from: '2026-02-16', to: '2026-02-24' },
  current: zero,
  previousFigures: zero,
  targets: zero,
  daily: days.map((day, i) => ({ day, figures: { ...zero, offered: i + 1, handled: i } })),
  complaintsByType: [{ day: days[1]!, type: 'long-wait', count: 2 }, { day: days[1]!, type: 'billing', count: 1 }],
  complaintsByWhy: [{ day: days[2]!, tag: '=mine', count: 1 }],
  complaintsByHourAgent: [{ hour: 9, agent: 'li.na', count: 3 }],
  perAgent: [],
  perQueue: [],
  perHour: [],
  lowCsat: [],
} satisfies ReportResult;
const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('th', key, values);

describe('the report laid out for charts and their tables', () => {
  it('weeks are 7-day blocks from the first day, their counts the sums of the days', () => {
    const weekly = trendChart('th', t, result, 'week', 'sans-serif');
    expect(weekly.table.rows).toEqual([
      ['2026-03-01', 1 + 2 + 3 + 4 + 5 + 6 + 7, 0 + 1 + 2 + 3 + 4 + 5 + 6],
      ['2026-03-08', 8 + 9, 7 + 8],
    ]);
    expect(weekly.table.columns).toEqual([translate('th', 'reports.col.week'), translate('th', 'reports.metric.offered'), translate('th', 'reports.metric.handled')]);
  });

  it('complaint types stack per day under their words in the language; a made-up tag stays as typed', () => {
    const types = stackedComplaints('zh-TW', t, result, 'type', 'sans-serif');
    const series = (types.option.series as { name: string; stack: string; data: number[] }[]).map((s) => [s.name, s.stack, s.data[1]]);
    expect(series).toEqual([
      [translate('zh-TW', 'wo.type.billing'), 'complaints', 1],
      [translate('zh-TW', 'wo.type.long-wait'), 'complaints', 2],
    ]);
    expect(stackedComplaints('en', t, result, 'why', 'sans-serif').table.rows).toEqual([['2026-03-03', '=mine', 1]]);
  });

  it('the heatmap has the 24 hours of the site clock and one row per agent', () => {
    const heat = complaintHeatmap('en', t, result, 'sans-serif');
    expect((heat.option.xAxis as { data: string[] }).data).toHaveLength(24);
    expect((heat.option.series as { data: number[][] }[])[0]!.data).toEqual([[9, 0, 3]]);
  });
});

describe("a lead's breakdown", () => {
  it('per queue: one bar of calls handled per queue; the table has every figure, shown in the language', () => {
    const withQueues = { ...result, perQueue: [{ queue: 'billing', figures: { ...zero, handled: 12, fcrRate: 0.75 } }, { queue: 'vip', figures: { ...zero, handled: 3, fcrRate: null } }] };
    const spec = breakdownChart('en', t, withQueues, 'queue', 'sans-serif', ['handled', 'fcrRate']);
    expect((spec.option.series as { data: number[] }[])[0]!.data).toEqual([12, 3]);
    expect(spec.table.rows).toEqual([['billing', 12, 0.75], ['vip', 3, '']]);
    expect(spec.shown).toEqual([['billing', '12', '75%'], ['vip', '3', '—']]);
  });
});
