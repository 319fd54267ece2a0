import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportRequest, ReportResult } from '../../../src-shared/reports/report-contract';
import { ContactsRepo, type ContactRecord } from '../contacts/contacts-repo';
import { Cache } from '../db/cache';
import type { Db } from '../db/database';
import { LocalReports } from './local-reports';
import { callFiguresSql, workOrderFiguresSql } from './report-queries';

/**
 * "My day" on a real SQLite file. The seed is a list of plain records; every expected figure is worked out below in
 * plain JavaScript over that list (local days and hours by Intl, in New York where 2026-03-08 loses an hour),
 * never by the SQL under test.
 */
const TZ = 'America/New_York';
const ME = ['1001', 'li.na'];
const FROM = '2026-03-03';
const TO = '2026-03-09';
const NOW = Date.parse('2026-03-20T12:00:00-04:00');

interface SeedCall {
  at: string; agent: string; dir?: 'inbound' | 'outbound'; answered?: boolean; dur?: number; acw?: number; hold?: number;
  customer?: number | null; number?: string; queue?: string;
}
const calls: SeedCall[] = [
  // Her week, in the billing team until Wednesday, then the complaints team (she moved teams).
  { at: '2026-03-03T10:00:00-05:00', agent: '1001', customer: 1, dur: 300, acw: 40, hold: 20, queue: 'billing' },
  { at: '2026-03-03T23:58:00-05:00', agent: '1001', customer: 3, dur: 600, acw: 30, queue: 'billing' }, // across midnight: Tuesday's
  { at: '2026-03-04T10:00:00-05:00', agent: '1001', customer: 2, dur: 200, acw: 60, hold: 0, queue: 'billing' },
  { at: '2026-03-04T11:00:00-05:00', agent: '1001', answered: false, customer: null, number: '+12125550100', queue: 'billing' },
  { at: '2026-03-05T09:10:00-05:00', agent: '1001', customer: null, number: '+12125550199', dur: 120, acw: 10, queue: 'complaints' },
  { at: '2026-03-05T09:40:00-05:00', agent: '1001', customer: null, number: '+12125550199', dur: 180, acw: 20, queue: 'complaints' },
  { at: '2026-03-05T14:00:00-05:00', agent: '1001', customer: null, number: '', dur: 60, acw: 0, queue: 'complaints' }, // withheld
  { at: '2026-03-06T16:00:00-05:00', agent: '1001', dir: 'outbound', customer: 2, dur: 90, queue: 'complaints' }, // her callback: not offered
  // The night the clocks go forward: 01:30 EST, then 03:30 EDT an hour of real time later.
  { at: '2026-03-08T01:30:00-05:00', agent: '1001', customer: 4, dur: 100, acw: 5, queue: 'complaints' },
  { at: '2026-03-08T03:30:00-04:00', agent: '1001', customer: 5, dur: 100, acw: 5, queue: 'complaints' },
  { at: '2026-03-09T00:30:00-04:00', agent: '1001', customer: 6, dur: 50, acw: 5, queue: 'complaints' }, // 04:30 UTC: Monday in New York
  // Callers coming back, to anyone: customer 1 on day 7 (a repeat), customer 2 on day 8 (not one).
  { at: '2026-03-10T21:00:00-04:00', agent: '1002', customer: 1, dur: 100, queue: 'billing' },
  { at: '2026-03-12T00:30:00-04:00', agent: '1002', customer: 2, dur: 100, queue: 'billing' },
  // A colleague's calls inside the period: never in her figures.
  { at: '2026-03-05T10:00:00-05:00', agent: '1002', customer: 7, dur: 999, acw: 99, queue: 'complaints' },
  // The week before (the previous period, same weekdays).
  { at: '2026-02-24T10:00:00-05:00', agent: '1001', customer: 8, dur: 400, acw: 50, queue: 'billing' },
  { at: '2026-02-25T10:00:00-05:00', agent: '1001', answered: false, customer: 9, queue: 'billing' },
];

interface SeedOrder {
  id: string; at: string; by: string; type?: string; severity?: 'ordinary' | 'difficult' | 'major'; csat?: number; ratedAt?: string;
  whyTags?: string[]; dueHours?: number; resolvedAt?: string; followUpDoneAt?: string;
}
const orders: SeedOrder[] = [
  { id: 'WO-1', at: '2026-03-03T09:30:00-05:00', by: 'li.na', type: 'billing', csat: 5, ratedAt: '2026-03-04T10:00:00-05:00', whyTags: ['policy-gap'], dueHours: 24, resolvedAt: '2026-03-03T15:00:00-05:00' },
  // Rated after the period ended: counts with the week it was filed in (the service it rates was given then).
  { id: 'WO-2', at: '2026-03-05T09:15:00-05:00', by: 'li.na', type: 'long-wait', severity: 'difficult', csat: 4, ratedAt: '2026-03-12T10:00:00-04:00', whyTags: ['understaffed-shift', 'training-gap'], dueHours: 8, resolvedAt: '2026-03-05T19:00:00-05:00' },
  { id: 'WO-3', at: '2026-03-05T09:50:00-05:00', by: 'li.na', type: 'long-wait', csat: 1, ratedAt: '2026-03-06T10:00:00-05:00', whyTags: ['understaffed-shift'], dueHours: 24 },
  { id: 'WO-4', at: '2026-03-08T03:40:00-04:00', by: 'li.na', type: 'delivery', severity: 'major', csat: 2, ratedAt: '2026-03-08T09:00:00-04:00', dueHours: 4, followUpDoneAt: '2026-03-08T12:00:00-04:00' },
  { id: 'WO-5', at: '2026-03-05T09:20:00-05:00', by: 'wang.fang', type: 'long-wait', csat: 1, dueHours: 1 }, // a colleague's
  // Filed the week before, rated low inside this week: the previous period's.
  { id: 'WO-6', at: '2026-02-27T10:00:00-05:00', by: 'li.na', type: 'billing', csat: 2, ratedAt: '2026-03-04T12:00:00-05:00', dueHours: 24, resolvedAt: '2026-02-27T12:00:00-05:00' },
];

interface SeedCallback { at: string; owner: string | null; doneAt?: string; windowEndHours?: number }
const callbacks: SeedCallback[] = [
  { at: '2026-03-04T15:00:00-05:00', owner: 'li.na', doneAt: '2026-03-04T15:20:00-05:00', windowEndHours: 1 },
  { at: '2026-03-06T15:00:00-05:00', owner: 'li.na', doneAt: '2026-03-06T16:30:00-05:00', windowEndHours: 1 }, // late
  { at: '2026-03-07T15:00:00-05:00', owner: null }, // not done
  { at: '2026-03-06T15:00:00-05:00', owner: 'wang.fang', doneAt: '2026-03-06T15:10:00-05:00' },
];
const helped = [
  { at: '2026-03-05T09:12:00-05:00', helped: true },
  { at: '2026-03-05T09:13:00-05:00', helped: false },
  { at: '2026-03-08T01:35:00-05:00', helped: true },
];

// ---- the expected figures, by plain JavaScript over the seed ----
const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const hourFmt = new Intl.DateTimeFormat('en-US', { timeZone: TZ, hour: 'numeric', hourCycle: 'h23' });
const localDay = (t: number) => ymd.format(new Date(t));
const localHour = (t: number) => Number(hourFmt.format(new Date(t)));
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const t = (iso: string) => Date.parse(iso);
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const mine = (agent: string) => ME.includes(agent);
const inPeriod = (iso: string, from: string, to: string) => localDay(t(iso)) >= from && localDay(t(iso)) <= to;

function expectedCalls(from: string, to: string, filter: (c: SeedCall) => boolean = () => true) {
  const offered = calls.filter((c) => mine(c.agent) && (c.dir ?? 'inbound') === 'inbound' && inPeriod(c.at, from, to) && filter(c));
  const handled = offered.filter((c) => c.answered !== false);
  const key = (c: SeedCall) => (c.customer != null ? `c${c.customer}` : c.number ? `n${c.number}` : null);
  const known = handled.filter((c) => key(c) !== null);
  const repeated = (c: SeedCall) =>
    calls.some((n) => (n.dir ?? 'inbound') === 'inbound' && key(n) === key(c) && t(n.at) > t(c.at) && localDay(t(n.at)) <= plusDays(localDay(t(c.at)), 7));
  return {
    offered: offered.length,
    handled: handled.length,
    ahtSeconds: avg(handled.map((c) => (c.dur ?? 0) + (c.acw ?? 0))),
    acwSeconds: avg(handled.map((c) => c.acw ?? 0)),
    holdSeconds: avg(handled.map((c) => c.hold ?? 0)),
    fcrRate: known.length ? known.filter((c) => !repeated(c)).length / known.length : null,
  };
}

function expectedOrders(from: string, to: string, filter: (o: SeedOrder) => boolean = () => true) {
  const list = orders.filter((o) => mine(o.by) && inPeriod(o.at, from, to) && filter(o));
  const rated = list.filter((o) => o.csat !== undefined);
  const due = (o: SeedOrder) => t(o.at) + (o.dueHours ?? 0) * 3_600_000;
  return {
    csatAverage: avg(rated.map((o) => o.csat!)),
    csatTopShare: rated.length ? rated.filter((o) => o.csat! >= 4).length / rated.length : null,
    lowCsatOpen: rated.filter((o) => o.csat! <= 2 && !(o.followUpDoneAt && t(o.followUpDoneAt) > t(o.ratedAt!))).length,
    escalationRate: list.length ? list.filter((o) => (o.severity ?? 'ordinary') !== 'ordinary').length / list.length : null,
    complaints: list.length,
    slaMet: list.filter((o) => o.resolvedAt && t(o.resolvedAt) <= due(o)).length,
    slaBreached: list.filter((o) => (o.resolvedAt ? t(o.resolvedAt) > due(o) : due(o) < NOW)).length,
  };
}

function expectedCallbacks(from: string, to: string) {
  const list = callbacks.filter((c) => (c.owner === null || mine(c.owner)) && inPeriod(c.at, from, to));
  return {
    callbacksPromised: list.length,
    callbacksKept: list.filter((c) => c.doneAt && t(c.doneAt) <= t(c.at) + (c.windowEndHours ?? 0) * 3_600_000).length,
  };
}

// ---- seeding the real file ----
let cache: Cache;
afterEach(() => cache?.close());

function seed(): Cache {
  cache = new Cache(join(mkdtempSync(join(tmpdir(), 'reports-')), 'cache.sqlite'), () => NOW);
  const db = cache.db;
  const customer = db.prepare("INSERT INTO customers (id, external_id, name, updated_at) VALUES (?, ?, ?, 0)");
  for (let id = 1; id <= 9; id++) customer.run(id, `cust-${id}`, `Customer ${id}`);
  const contact = db.prepare(`INSERT INTO contacts (external_id, customer_id, started_at, direction, number, queue, duration_s, hold_s, agent, acw_s, answered)
    VALUES (@id, @customer, @at, @dir, @number, @queue, @dur, @hold, @agent, @acw, @answered)`);
  calls.forEach((c, i) =>
    contact.run({
      id: `call:${i}`, customer: c.customer ?? null, at: t(c.at), dir: c.dir ?? 'inbound', number: c.number ?? (c.customer ? `+1212555${String(c.customer).padStart(4, '0')}` : ''),
      queue: c.queue ?? null, dur: c.answered === false ? 0 : (c.dur ?? 0), hold: c.hold ?? 0, agent: c.agent, acw: c.acw ?? 0, answered: c.answered === false ? 0 : 1,
    }),
  );
  const order = db.prepare(`INSERT INTO work_orders (external_id, kind, complaint_type, severity, status, csat, data, created_at, updated_at, due_at, created_by)
    VALUES (@id, 'complaint', @type, @severity, @status, @csat, @data, @at, @updated, @due, @by) RETURNING id`);
  const event = db.prepare('INSERT INTO work_order_events (work_order_id, at, kind, actor, data) VALUES (?, ?, ?, ?, ?)');
  const followUp = db.prepare(`INSERT INTO follow_ups (kind, work_order_id, due_at, window_end, status, created_at, done_at, owner)
    VALUES (@kind, @order, @due, @windowEnd, @status, 0, @doneAt, @owner)`);
  for (const o of orders) {
    const severity = o.severity ?? 'ordinary';
    const { id } = order.get({
      id: o.id, type: o.type ?? null, severity, status: o.resolvedAt ? 'resolved' : 'open', csat: o.csat ?? null,
      data: JSON.stringify({ whyTags: o.whyTags ?? [], route: severity === 'ordinary' ? 'first-contact' : 'specialist' }),
      at: t(o.at), updated: t(o.ratedAt ?? o.at), due: t(o.at) + (o.dueHours ?? 0) * 3_600_000, by: o.by,
    }) as { id: number };
    event.run(id, t(o.at), 'created', o.by, '{}');
    if (o.resolvedAt) event.run(id, t(o.resolvedAt), 'status', o.by, JSON.stringify({ status: 'resolved' }));
    if (o.ratedAt) event.run(id, t(o.ratedAt), 'rated', o.by, JSON.stringify({ csat: o.csat }));
    if (o.followUpDoneAt) followUp.run({ kind: 'follow-up', order: id, due: t(o.followUpDoneAt), windowEnd: null, status: 'done', doneAt: t(o.followUpDoneAt), owner: o.by });
  }
  for (const c of callbacks) {
    followUp.run({
      kind: 'callback', order: null, due: t(c.at), windowEnd: c.windowEndHours ? t(c.at) + c.windowEndHours * 3_600_000 : null,
      status: c.doneAt ? 'done' : 'pending', doneAt: c.doneAt ? t(c.doneAt) : null, owner: c.owner,
    });
  }
  db.prepare("INSERT INTO kb_articles (id, external_id, locale, title, body, updated_at) VALUES (1, 'kb-1', 'en', 'Refunds', 'How', 0)").run();
  const mark = db.prepare('INSERT INTO kb_feedback (article_id, contact_id, helped, at) VALUES (1, NULL, ?, ?)');
  for (const h of helped) mark.run(h.helped ? 1 : 0, t(h.at));
  return cache;
}

function reports(targets = {}) {
  return new LocalReports({ db: seed().db, now: () => NOW, me: () => ({ names: ME, display: 'li.na' }), settings: () => ({ timeZone: TZ, targets }) });
}
const ask = (r: LocalReports, from = FROM, to = TO) => r.get(ReportRequest.parse({ from, to, scope: { kind: 'me' } })).then((x) => ReportResult.parse(x));

describe('My day from the local cache', () => {
  it('her figures for the week match the seed worked out by hand, against the same weekdays the week before', async () => {
    const result = await ask(reports({ ahtSeconds: 360 }));
    expect(result.previous).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    const helpedInWeek = helped.filter((h) => h.helped && inPeriod(h.at, FROM, TO)).length;
    expect(result.current).toEqual({ ...expectedCalls(FROM, TO), ...expectedOrders(FROM, TO), ...expectedCallbacks(FROM, TO), kbHelped: helpedInWeek });
    expect(result.previousFigures).toMatchObject({ ...expectedCalls('2026-02-24', '2026-03-02'), ...expectedOrders('2026-02-24', '2026-03-02') });
    expect(result.targets.ahtSeconds).toBe(360);
    // The seed reaches every figure: none of them agrees by being empty or zero.
    expect(Object.entries(result.current).filter(([, v]) => v === null || v === 0)).toEqual([]);
  });

  it('a call across midnight belongs to the day it started; the night the clocks go forward keeps both calls', async () => {
    const result = await ask(reports());
    const offeredOn = (day: string) => result.daily.find((d) => d.day === day)!.figures.offered;
    for (const day of ['2026-03-03', '2026-03-04', '2026-03-08', '2026-03-09']) {
      expect(offeredOn(day), day).toBe(expectedCalls(day, day).offered);
    }
    expect(result.daily.map((d) => d.day)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    const hours = new Map<number, number>();
    for (const c of calls) if (mine(c.agent) && (c.dir ?? 'inbound') === 'inbound' && inPeriod(c.at, FROM, TO)) hours.set(localHour(t(c.at)), (hours.get(localHour(t(c.at))) ?? 0) + 1);
    expect(new Map(result.perHour.filter((h) => h.figures.offered! > 0).map((h) => [h.hour, h.figures.offered]))).toEqual(hours);
  });

  it('FCR: a call back on day 7 is a repeat, on day 8 it is not', async () => {
    const result = await ask(reports());
    // Customer 1 (Tuesday, back the next Tuesday) missed; customer 2 (Wednesday, back on Thursday week) kept.
    const tuesday = result.daily.find((d) => d.day === '2026-03-03')!.figures;
    const wednesday = result.daily.find((d) => d.day === '2026-03-04')!.figures;
    expect(tuesday.fcrRate).toBe(expectedCalls('2026-03-03', '2026-03-03').fcrRate);
    expect(tuesday.fcrRate).toBe(0.5); // customer 1 repeated, customer 3 did not
    expect(wednesday.fcrRate).toBe(1);
  });

  it('an agent who moved teams keeps all her calls, split by the queue each was in; a colleague shows nowhere', async () => {
    const result = await ask(reports());
    expect(Object.fromEntries(result.perQueue.map((q) => [q.queue, q.figures.handled]))).toEqual({
      billing: expectedCalls(FROM, TO, (c) => c.queue === 'billing').handled,
      complaints: expectedCalls(FROM, TO, (c) => c.queue === 'complaints').handled,
    });
    expect(result.perAgent).toEqual([{ agent: 'li.na', name: 'li.na', figures: result.current }]);
    expect(result.complaintsByHourAgent.every((c) => c.agent === 'li.na')).toBe(true);
    expect(result.lowCsat.map((l) => l.workOrder)).toEqual(['WO-3']);
  });

  it('complaints by type and why-tag per day, and by hour of the site clock', async () => {
    const result = await ask(reports());
    const list = orders.filter((o) => mine(o.by) && inPeriod(o.at, FROM, TO));
    const count = <K extends string | number>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
    expect(new Map(result.complaintsByType.map((c) => [`${c.day} ${c.type}`, c.count]))).toEqual(count(list.map((o) => `${localDay(t(o.at))} ${o.type}`)));
    expect(new Map(result.complaintsByWhy.map((c) => [`${c.day} ${c.tag}`, c.count]))).toEqual(count(list.flatMap((o) => (o.whyTags ?? []).map((w) => `${localDay(t(o.at))} ${w}`))));
    expect(new Map(result.complaintsByHourAgent.map((c) => [c.hour, c.count]))).toEqual(count(list.map((o) => localHour(t(o.at)))));
  });

  it('the asked period is checked, and only her own figures are computed here', async () => {
    const r = reports();
    await expect(ask(r, '2026-03-09', '2026-03-03')).rejects.toMatchObject({ key: 'mainError.reports.badPeriod' });
    await expect(ask(r, '2025-01-01', '2026-03-03')).rejects.toMatchObject({ key: 'mainError.reports.badPeriod' });
    // A day that does not exist (JavaScript's Date would roll it over into March) is refused, not a crash.
    await expect(ask(r, '2026-02-27', '2026-02-30')).rejects.toMatchObject({ key: 'mainError.reports.badPeriod' });
    await expect(r.get(ReportRequest.parse({ from: FROM, to: TO, scope: { kind: 'team' } }))).rejects.toMatchObject({ key: 'mainError.reports.needTeamServer' });
  });
});

describe('the report queries use the indexes', () => {
  it.each([
    ['calls', callFiguresSql(['total', 'day']), 'contacts_by_agent'],
    ['work orders', workOrderFiguresSql(['day']), 'work_orders_by_creator'],
  ])('%s: each piece of the period is an index range, never a scan of the table', (_, sql, index) => {
    const db = seed().db;
    const plan = db.prepare<{ pieces: string; me: string; now: number }, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all({ pieces: '[]', me: '[]', now: 0 }).map((r) => r.detail);
    expect(plan.some((d) => d.includes(index))).toBe(true);
    expect(plan.filter((d) => /^SCAN (c|w|n|contacts|work_orders)\b/.test(d))).toEqual([]);
  });
});

describe('her calls of a period are read from the index alone', () => {
  it('the calls statement finds each call, and whether it was repeated, in contacts_by_agent without a table lookup', () => {
    const db = seed().db;
    const plan = db.prepare<{ pieces: string; me: string }, { detail: string }>(`EXPLAIN QUERY PLAN ${callFiguresSql(['total', 'day', 'hour', 'queue'])}`)
      .all({ pieces: '[]', me: '[]' }).map((r) => r.detail);
    expect(plan.filter((d) => / c USING /.test(d))).toEqual([expect.stringContaining('SEARCH c USING COVERING INDEX contacts_by_agent')]);
    // No search for a later call per call: the repeat is the call's own next_inbound_at.
    expect(plan.filter((d) => / n USING /.test(d))).toEqual([]);
  });
});

describe('first-call resolution as calls arrive late or are linked later', () => {
  const dayFcr = async (r: LocalReports, day: string) => (await ask(r)).daily.find((d) => d.day === day)!.figures.fcrRate;
  const record = (over: Partial<ContactRecord>): ContactRecord => ({
    externalId: null, customerId: null, startedAt: 0, direction: 'inbound', number: '', queue: 'billing', ivrPath: null, durationS: 60,
    holdS: 0, disposition: null, agent: '1002', transferTarget: null, workOrderId: null, ...over,
  });

  it('a call pulled from the team server after later ones, falling inside the window, turns her call into a miss', async () => {
    const r = reports();
    // Tuesday: customer 1 came back on day 7 (a miss), customer 3 never did (kept).
    expect(await dayFcr(r, '2026-03-03')).toBe(0.5);
    // Customer 3 called a colleague on Friday; that call reaches this cache only now, after next week's calls.
    new ContactsRepo(cache.db).upsert(record({ externalId: 'team:late', customerId: 3, number: '+12125550003', startedAt: t('2026-03-06T11:00:00-05:00') }));
    expect(await dayFcr(r, '2026-03-03')).toBe(0);
  });

  it('a call from an unknown number linked to the customer later counts as her coming back', async () => {
    const r = reports();
    // Monday 00:30: customer 6, nobody called back.
    expect(await dayFcr(r, '2026-03-09')).toBe(1);
    const contacts = new ContactsRepo(cache.db);
    const fromHerMobile = record({ externalId: 'call:mobile', number: '+8613900000006', startedAt: t('2026-03-11T10:00:00-04:00') });
    contacts.upsert(fromHerMobile);
    expect(await dayFcr(r, '2026-03-09')).toBe(1);
    // The colleague finds her by name and links the call (the upsert writes the call again with its customer).
    contacts.upsert({ ...fromHerMobile, customerId: 6 });
    expect(await dayFcr(r, '2026-03-09')).toBe(0);
  });
});

describe('first-call resolution at the edge of the window, as the later call moves or goes', () => {
  it('a call back in the last second of day 7 (site time) is a repeat; moved to the first second of day 8, or deleted, it is not', async () => {
    const r = reports();
    const tuesday = async () => (await ask(r)).daily.find((d) => d.day === '2026-03-03')!.figures.fcrRate;
    // Tuesday 23:58: customer 3, who never called back (kept); customer 1 came back on day 7 (missed).
    expect(await tuesday()).toBe(0.5);
    // Day 7 after Tuesday 3 March is Tuesday 10 March, which ends at midnight New York time (EDT by then).
    const { lastInsertRowid } = cache.db
      .prepare("INSERT INTO contacts (customer_id, started_at, direction, number, agent, duration_s, answered) VALUES (3, ?, 'inbound', '+12125550003', '1002', 60, 1)")
      .run(t('2026-03-10T23:59:59-04:00'));
    expect(await tuesday()).toBe(0);
    const move = cache.db.prepare('UPDATE contacts SET started_at = ? WHERE id = ?');
    move.run(t('2026-03-11T00:00:00-04:00'), lastInsertRowid);
    expect(await tuesday()).toBe(0.5);
    move.run(t('2026-03-10T23:59:59-04:00'), lastInsertRowid);
    expect(await tuesday()).toBe(0);
    cache.db.prepare('DELETE FROM contacts WHERE id = ?').run(lastInsertRowid);
    expect(await tuesday()).toBe(0.5);
  });
});

describe('work-order figures per queue', () => {
  it('split by the queue of the call each work order was filed on; one filed with no call is in no queue', async () => {
    const r = reports();
    // The calls they were filed on: WO-1 on a billing call, WO-2 and WO-3 on complaints calls; WO-4 with no call.
    const callQueue: Record<string, string> = { 'WO-1': 'billing', 'WO-2': 'complaints', 'WO-3': 'complaints', 'WO-5': 'complaints' };
    const setQueue = cache.db.prepare('UPDATE work_orders SET call_queue = ? WHERE external_id = ?');
    for (const [id, queue] of Object.entries(callQueue)) setQueue.run(queue, id);
    const result = await ask(r);
    const perQueue = Object.fromEntries(result.perQueue.map((q) => [q.queue, q.figures]));
    expect(Object.keys(perQueue)).toEqual(['billing', 'complaints']);
    for (const queue of ['billing', 'complaints']) {
      expect(perQueue[queue], queue).toMatchObject({
        ...expectedCalls(FROM, TO, (c) => c.queue === queue),
        ...expectedOrders(FROM, TO, (o) => callQueue[o.id] === queue),
      });
    }
    // The complaints queue has both of her long-wait complaints, one escalated, one low score still to follow up.
    expect(perQueue.complaints).toMatchObject({ complaints: 2, escalationRate: 0.5, lowCsatOpen: 1 });
  });
});

describe('a report reads each kind of her rows once per period', () => {
  /** The SQL of every statement a report runs, in order (the report's own connection, watched). */
  function watched(db: Db): { db: Db; ran: string[] } {
    const ran: string[] = [];
    const proxy = new Proxy(db, {
      get(target, prop) {
        if (prop === 'prepare') {
          return (sql: string) => {
            const statement = target.prepare(sql);
            return { all: (params: unknown) => (ran.push(sql), statement.all(params)) };
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { db: proxy, ran };
  }

  it('her work orders with their events once for the period, once for the one before and once for the low scores; callbacks by owner', async () => {
    const db = seed().db;
    const watch = watched(db);
    const r = new LocalReports({ db: watch.db, now: () => NOW, me: () => ({ names: ME, display: 'li.na' }), settings: () => ({ timeZone: TZ, targets: {} }) });
    const result = await ask(r);
    expect(result.current.callbacksPromised).toBe(expectedCallbacks(FROM, TO).callbacksPromised);
    const plans = watch.ran.map((sql) =>
      db.prepare<{ pieces: string; me: string; now: number }, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all({ pieces: '[]', me: '[]', now: 0 }).map((row) => row.detail),
    );
    const reading = (what: RegExp) => plans.filter((plan) => plan.some((d) => what.test(d))).length;
    // Grouped by day, hour and queue in one pass: not a pass (and an event lookup per work order) per grouping.
    expect(reading(/work_order_events_by_order/)).toBe(3);
    expect(reading(/contacts_by_agent/)).toBe(2);
    // Her callbacks (and the ones nobody owns) found by owner: never every agent's callbacks of the year.
    expect(plans.flat().filter((d) => / f USING /.test(d) && !/follow_ups_by_order/.test(d))).toEqual(
      Array(2).fill(expect.stringContaining('SEARCH f USING COVERING INDEX follow_ups_by_owner (kind=? AND owner=? AND due_at>? AND due_at<?)')),
    );
  });
});

describe('figures that move after the period, read again', () => {
  it('a score recorded later moves the week the work order was filed in; a follow-up done after it clears the low score', async () => {
    const r = reports();
    const before = (await ask(r)).current;
    // WO-1 was rated 5 on Wednesday; the customer changes it to 1 a fortnight later (a new score, a new event).
    const { id } = cache.db.prepare<[], { id: number }>("SELECT id FROM work_orders WHERE external_id = 'WO-1'").get()!;
    const rescoredAt = t('2026-03-18T10:00:00-04:00');
    cache.db.prepare('UPDATE work_orders SET csat = 1, updated_at = ? WHERE id = ?').run(rescoredAt, id);
    cache.db.prepare("INSERT INTO work_order_events (work_order_id, at, kind, actor, data) VALUES (?, ?, 'rated', 'li.na', '{\"csat\":1}')").run(id, rescoredAt);
    const rescored = (await ask(r)).current;
    const rated = orders.filter((o) => mine(o.by) && inPeriod(o.at, FROM, TO) && o.csat !== undefined).map((o) => (o.id === 'WO-1' ? 1 : o.csat!));
    expect(rescored.csatAverage).toBe(avg(rated));
    expect(rescored.lowCsatOpen).toBe(before.lowCsatOpen! + 1);
    // A follow-up done before the new score does not clear it; one done after it does.
    const followUp = cache.db.prepare("INSERT INTO follow_ups (kind, work_order_id, due_at, status, created_at, done_at, owner) VALUES ('follow-up', ?, ?, 'done', 0, ?, 'li.na')");
    followUp.run(id, rescoredAt - 60_000, rescoredAt - 60_000);
    expect((await ask(r)).current.lowCsatOpen).toBe(before.lowCsatOpen! + 1);
    followUp.run(id, rescoredAt + 60_000, rescoredAt + 60_000);
    expect((await ask(r)).current.lowCsatOpen).toBe(before.lowCsatOpen);
  });

  it('callbacks: hers under either name, and the unowned ones, each counted once; a colleague\'s never', async () => {
    const base = expectedCallbacks(FROM, TO).callbacksPromised;
    const r = reports();
    const callback = cache.db.prepare("INSERT INTO follow_ups (kind, due_at, status, created_at, owner) VALUES ('callback', ?, 'pending', 0, ?)");
    callback.run(t('2026-03-09T23:59:00-04:00'), '1001'); // her extension, the last minute of the period
    callback.run(t('2026-03-10T00:00:00-04:00'), '1001'); // the first minute after it
    callback.run(t('2026-03-05T12:00:00-05:00'), 'wang.fang');
    expect((await ask(r)).current.callbacksPromised).toBe(base + 1);
    // Her name twice in the list she is known by changes nothing.
    const twice = new LocalReports({ db: cache.db, now: () => NOW, me: () => ({ names: [...ME, 'li.na'], display: 'li.na' }), settings: () => ({ timeZone: TZ, targets: {} }) });
    const result = await ask(twice);
    expect(result.current.callbacksPromised).toBe(base + 1);
    expect(result.daily.find((d) => d.day === '2026-03-09')!.figures.callbacksPromised).toBe(1);
  });
});
