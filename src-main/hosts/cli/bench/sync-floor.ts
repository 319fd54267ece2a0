import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../../../app/logger';
import { Cache } from '../../../services/db/cache';
import { memoryTokenStore, TeamClient } from '../../../services/sync/team-client';
import { TeamSync } from '../../../services/sync/team-sync';
import { WorkOrderFiling } from '../../../services/workorders/work-order-filing';
import { DEFAULT_SLA_HOURS } from '../../../../src-shared/workorders/complaint';

export const TEAM_SIZE = 10;
/** A busy hour compressed tenfold: a call every 20 s per desktop (real: one every 3–4 minutes with wrap-up). */
const CALL_EVERY_MS = 20_000;

/** One clock for every thread of the process: a worker's performance.now() starts at the worker's own start. */
export const clock = () => performance.timeOrigin + performance.now();

/** What the bench's main thread tells a share of the floor (one worker thread's desktops). */
export interface FloorSetup {
  dir: string;
  password: string;
  /** The floor's desktops this share runs: index on the floor (even: server A through the relay; odd: server B). */
  people: { index: number; username: string; team: number }[];
  urls: { a: string; b: string };
}

export type FloorCommand = { type: 'begin'; endAt: number } | { type: 'stop' } | { type: 'drain' } | { type: 'close' };

export type FloorReport =
  | { type: 'ready' }
  | { type: 'written'; kind: 'workOrder' | 'contact'; uuid: string; at: number; team: number; author: string }
  | { type: 'seen'; uuids: string[]; at: number; watcher: string; team: number }
  | { type: 'stopped'; lagMs: { p50: number; p95: number; max: number } }
  | { type: 'drained'; left: number }
  | { type: 'closed' };

interface Desk {
  username: string;
  cache: Cache;
  filing: WorkOrderFiling;
  sync: TeamSync;
  team: number;
}

/**
 * Simulated desktops (real SQLite caches, outboxes and sync workers) writing at a busy-hour rate, run in a worker
 * thread so no one event loop carries the whole floor: a desktop's wait for its turn on a loop shared with 499
 * others was half of what the bench measured. Every write and every teammate's write seen is reported, with the
 * time, to the main thread, which joins them.
 */
export class SimulatedFloor {
  private readonly desks: Desk[];
  private readonly timers: NodeJS.Timeout[] = [];
  private writes = 0;
  private readonly lag = monitorEventLoopDelay({ resolution: 10 });
  private stopped = false;

  constructor(private readonly setup: FloorSetup, private readonly report: (r: FloorReport) => void) {
    this.desks = setup.people.map((p) => {
      const cache = new Cache(join(setup.dir, `${p.username}.sqlite`), Date.now, { teamSync: true });
      const url = p.index % 2 === 0 ? setup.urls.a : setup.urls.b;
      const sync = new TeamSync(cache.workOrdersDb, cache.outbox, new TeamClient(url, p.username, memoryTokenStore(), setup.password), silentLogger, () => p.username, cache.db);
      const filing = new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, Date.now, cache.outbox);
      // The team's first desktop is the one watching: when does a teammate's write reach it?
      if (p.index % TEAM_SIZE === 0) sync.on('pulled', ({ workOrders }) => workOrders.length && report({ type: 'seen', uuids: workOrders, at: clock(), watcher: p.username, team: p.team }));
      return { username: p.username, cache, sync, team: p.team, filing };
    });
  }

  /** Signs in and syncs, in small waves as a shift logging in (a scrypt check is ~0.1 CPU-second on the server). */
  async start(wave: number): Promise<void> {
    for (let i = 0; i < this.desks.length; i += wave) {
      await Promise.all(this.desks.slice(i, i + wave).map((d) => new Promise<void>((done) => {
        d.sync.on('status', (s) => s.state === 'synced' && done());
        d.sync.start();
      })));
    }
    this.report({ type: 'ready' });
  }

  begin(endAt: number): void {
    this.lag.enable();
    const callOn = (d: Desk) => {
      if (this.stopped || clock() > endAt) return;
      this.call(d);
      this.timers.push(setTimeout(() => callOn(d), CALL_EVERY_MS * (0.5 + Math.random())));
    };
    for (const d of this.desks) this.timers.push(setTimeout(() => callOn(d), Math.random() * CALL_EVERY_MS));
  }

  /** One call: a call record always, a work order with its follow-up every third call. */
  private call(d: Desk): void {
    const n = this.writes++;
    if (n % 3 === 0) {
      const filed = d.filing.file(d.username, {
        complaintType: 'billing', whyTags: ['system-outage'], whatHappened: `bench ${d.username} ${n}`, severity: n % 2 ? 'difficult' : 'ordinary',
        fairResolution: '', extraOffered: '', callback: null, followUpAt: Date.now() + 72 * 3600_000, customerId: null, callId: null,
      });
      const uuid = d.cache.db.prepare<[string], { uuid: string }>('SELECT uuid FROM work_orders WHERE external_id = ?').get(filed.id)!.uuid;
      this.report({ type: 'written', kind: 'workOrder', uuid, at: clock(), team: d.team, author: d.username });
    }
    const externalId = `call:${randomUUID()}`;
    d.cache.contacts.recordCall({ externalId, customerId: null, startedAt: Date.now() - 180_000, direction: 'inbound', number: '+8613800000000', queue: 'general', ivrPath: null, durationS: 180, holdS: 0, disposition: 'resolved', agent: d.username, transferTarget: null, workOrderId: null });
    const uuid = d.cache.db.prepare<[string], { uuid: string }>('SELECT uuid FROM contacts WHERE external_id = ?').get(externalId)!.uuid;
    this.report({ type: 'written', kind: 'contact', uuid, at: clock(), team: d.team, author: d.username });
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.lag.disable();
    this.report({ type: 'stopped', lagMs: { p50: this.lag.percentile(50) / 1e6, p95: this.lag.percentile(95) / 1e6, max: this.lag.max / 1e6 } });
  }

  /** Every outbox empty (or two minutes gone): then the server's tables can be counted. */
  async drain(): Promise<void> {
    const started = clock();
    while (this.desks.some((d) => d.cache.outbox.count() > 0) && clock() - started < 120_000) {
      for (const d of this.desks) if (d.cache.outbox.count() > 0) d.sync.kick();
      await new Promise((r) => setTimeout(r, 250));
    }
    this.report({ type: 'drained', left: this.desks.reduce((n, d) => n + d.cache.outbox.count(), 0) });
  }

  async close(): Promise<void> {
    await Promise.all(this.desks.map((d) => d.sync.stop()));
    for (const d of this.desks) d.cache.close();
    this.report({ type: 'closed' });
  }
}
