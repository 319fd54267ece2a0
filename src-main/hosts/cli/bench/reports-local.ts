import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportRequest } from '../../../../src-shared/reports/report-contract';
import { openDatabase, type Db } from '../../../services/db/database';
import { LocalReports } from '../../../services/reports/local-reports';
import { openReportConnection } from '../../../services/reports/report-connection';
import { DEFAULT_REPORT_TARGETS } from '../../../../src-shared/reports/report-targets';
import { addDays } from '../../../services/reports/site-time';
import { seededRandom } from '../../../services/sample-data/synthetic';
import { percentile, round } from './stats';

/** A year of a 200-agent centre (issue #13 point 5); small is a tenth of the calls and work orders. */
const SCALE = { small: { calls: 500_000, workOrders: 30_000 }, full: { calls: 5_000_000, workOrders: 300_000 } };
const AGENTS = 200;
const CUSTOMERS = 400_000;
const YEAR_START = Date.parse('2025-01-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;
const TIME_ZONE = 'Asia/Shanghai';
const RUNS = 30;
/** The report screens of "My day": the presets an agent picks, and a whole year as the worst case. */
const SCREENS = { today: 1, week: 7, month: 30, year: 365 } as const;

/**
 * Calls, work orders with their events, callbacks and helped marks, in large transactions, agent a0…a199. Calls go
 * in at random times, as a cache pulled from the team server gets them: the triggers of desktop migration 0010
 * link each to its caller's calls before and after it (`callers`: how many numbers call in).
 */
export function fill(db: Db, calls: number, workOrders: number, callers = CUSTOMERS): void {
  const r = seededRandom(13);
  const agent = () => `a${Math.floor(r() * AGENTS)}`;
  const when = () => YEAR_START + Math.floor(r() * YEAR_MS);
  const call = db.prepare(`INSERT INTO contacts (started_at, direction, number, queue, duration_s, hold_s, agent, acw_s, answered)
    VALUES (?, 'inbound', ?, ?, ?, ?, ?, ?, ?)`);
  const order = db.prepare(`INSERT INTO work_orders (external_id, kind, complaint_type, severity, status, csat, data, created_at, updated_at, due_at, created_by, call_queue)
    VALUES (?, 'complaint', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`);
  const event = db.prepare('INSERT INTO work_order_events (work_order_id, at, kind, actor, data) VALUES (?, ?, ?, ?, ?)');
  const callback = db.prepare("INSERT INTO follow_ups (kind, work_order_id, due_at, window_end, status, created_at, done_at, owner) VALUES ('callback', ?, ?, ?, ?, ?, ?, ?)");
  const queues = ['billing', 'complaints', 'delivery', 'vip'];
  const types = ['long-wait', 'billing', 'delivery', 'refund', 'agent-knowledge'];
  const tags = ['policy-gap', 'training-gap', 'late-by-shipper', 'system-outage'];
  const batch = 50_000;
  for (let done = 0; done < calls; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(calls, done + batch); i++) {
        const answered = r() < 0.93 ? 1 : 0;
        call.run(when(), `+8613${String(Math.floor(r() * callers)).padStart(9, '0')}`, queues[i % 4], answered ? 60 + Math.floor(r() * 600) : 0, answered ? Math.floor(r() * 60) : 0, agent(), answered ? Math.floor(r() * 90) : 0, answered);
      }
    })();
  }
  for (let done = 0; done < workOrders; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(workOrders, done + batch); i++) {
        const at = when();
        const by = agent();
        const severity = r() < 0.8 ? 'ordinary' : 'difficult';
        const resolved = r() < 0.85;
        const csat = r() < 0.5 ? 1 + Math.floor(r() * 5) : null;
        const data = JSON.stringify({ whyTags: [tags[Math.floor(r() * tags.length)]], route: severity === 'ordinary' ? 'first-contact' : 'specialist' });
        // Filed on a call of one of the queues, one in ten with no call.
        const callQueue = i % 10 === 9 ? null : queues[i % 4];
        const { id } = order.get(`WO-${i}`, types[i % types.length], severity, resolved ? 'resolved' : 'open', csat, data, at, at, at + 24 * 3_600_000, by, callQueue) as { id: number };
        event.run(id, at, 'created', by, '{}');
        if (resolved) event.run(id, at + Math.floor(r() * 36 * 3_600_000), 'status', by, '{"status":"resolved"}');
        if (csat !== null) event.run(id, at + 48 * 3_600_000, 'rated', by, JSON.stringify({ csat }));
        if (i % 5 === 0) {
          const done = r() < 0.8;
          callback.run(id, at + 3_600_000, at + 7_200_000, done ? 'done' : 'pending', at, done ? at + Math.floor(r() * 10_800_000) : null, by);
        }
      }
    })();
  }
  db.pragma('optimize');
}

/**
 * The SQLite half of `bench reports`: p95 ms to compute each "My day" screen (its current and previous period,
 * breakdowns and charts) for a random agent and a random day of the year, over a centre's year in one cache.
 */
export async function benchLocalReports(scale: 'small' | 'full') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    const path = join(dir, 'cache.sqlite');
    const writer = openDatabase(path);
    const { calls, workOrders } = SCALE[scale];
    const started = performance.now();
    fill(writer, calls, workOrders);
    writer.close();
    const fillSeconds = (performance.now() - started) / 1000;
    // As the app reads reports: its own read-only connection.
    const db = openReportConnection(path);
    const r = seededRandom(7);
    let me = 'a0';
    const reports = new LocalReports({
      db,
      now: () => YEAR_START + YEAR_MS,
      me: () => ({ names: [me], display: me }),
      settings: () => ({ timeZone: TIME_ZONE, targets: DEFAULT_REPORT_TARGETS }),
    });
    const screens: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const [screen, days] of Object.entries(SCREENS)) {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        me = `a${Math.floor(r() * AGENTS)}`;
        const to = addDays('2025-01-01', days - 1 + Math.floor(r() * (365 - days + 1)));
        const request = ReportRequest.parse({ from: addDays(to, -(days - 1)), to, scope: { kind: 'me' } });
        const t0 = performance.now();
        await reports.get(request);
        samples.push(performance.now() - t0);
      }
      screens[screen] = { p50: round(percentile(samples, 50), 1), p95: round(percentile(samples, 95), 1), max: round(Math.max(...samples), 1) };
    }
    db.close();
    return { database: 'sqlite', scale, calls, workOrders, agents: AGENTS, timeZone: TIME_ZONE, runsPerScreen: RUNS, fillSeconds: round(fillSeconds, 1), screensMs: screens };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
