import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { silentLogger } from '../../../app/logger';
import { Cache } from '../../../services/db/cache';
import { LabPostgres } from '../../../services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../services/lab-team/lab-team-server';
import { TcpRelay } from '../../../services/lab-team/tcp-relay';
import { memoryTokenStore, TeamClient } from '../../../services/sync/team-client';
import { TeamSync } from '../../../services/sync/team-sync';
import { WorkOrderFiling } from '../../../services/workorders/work-order-filing';
import { DEFAULT_SLA_HOURS } from '../../../../src-shared/workorders/complaint';
import type { CommandContext } from '../command';
import { percentile, round } from './stats';

const SCALE = { small: { desktops: 50, seconds: 40 }, full: { desktops: 500, seconds: 90 } };
const TEAM_SIZE = 10;
/** A busy hour compressed tenfold: a call every 20 s per desktop (real: one every 3–4 minutes with wrap-up). */
const CALL_EVERY_MS = 20_000;

interface Desk {
  username: string;
  cache: Cache;
  filing: WorkOrderFiling;
  sync: TeamSync;
  team: number;
}

/** Kilobytes of memory a process really holds (proportional set size: shared pages split among their users). */
function pssKb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU seconds a process has used so far (user + system, from /proc; 0 once it is gone). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The postmaster and its backends, by parent pid. */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
    } catch {
      return false;
    }
  });
  return [postmaster, ...children];
}

/**
 * The team server under a floor of desktops: N real desktop data sides (SQLite cache, outbox, sync worker) in teams
 * of ten against two server processes on one PostgreSQL, filing work orders and call records at a busy-hour rate.
 * A third of the way in, the desktops behind one server lose the network for 10 s; two thirds in, the other server
 * is SIGKILLed and restarted. Reports pushes per second, how long from a write on one desktop until a teammate's
 * desktop has it, memory, and what was lost or duplicated.
 */
export async function benchSync(ctx: CommandContext, scale: 'small' | 'full') {
  const { desktops: count, seconds } = SCALE[scale];
  const root = resolve(ctx.resourcesDir, '..');
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const pgLab = new LabPostgres();
  await pgLab.start();
  const secret = LabTeamServer.secret();
  const servers = [new LabTeamServer(root, pgLab.url, secret, { AGENT_SERVER_LOG_LEVEL: 'info' }), new LabTeamServer(root, pgLab.url, secret)];
  await servers[0]!.start();
  await servers[1]!.start();
  const password = randomUUID();
  const people = Array.from({ length: count }, (_, i) => ({ username: `b${String(i).padStart(4, '0')}`, role: 'agent' as const, team: `team-${Math.floor(i / TEAM_SIZE)}` }));
  servers[0]!.importPeople(people, password);
  const relay = new TcpRelay(() => servers[0]!.port);
  await relay.start();
  const db = new pg.Pool({ connectionString: pgLab.url, max: 2 });
  db.on('error', () => undefined);

  const written = new Map<string, { at: number; team: number; author: string }>();
  const seenBy = new Set<string>();
  const samples: { from: number; to: number }[] = [];
  /** When a fault was on: a change whose way from writer to watcher crossed one is counted apart. */
  const faults: { start: number; end: number }[] = [];

  const desks: Desk[] = people.map((p, i) => {
    const cache = new Cache(join(dir, `${p.username}.sqlite`), Date.now, { teamSync: true });
    // Even desktops reach server A through the relay (the one partitioned), odd ones server B (the one killed).
    const url = i % 2 === 0 ? `http://127.0.0.1:${relay.port}` : servers[1]!.url;
    const sync = new TeamSync(cache.workOrdersDb, cache.outbox, new TeamClient(url, p.username, memoryTokenStore(), password), silentLogger, () => p.username, cache.db);
    const desk = { username: p.username, cache, sync, team: Math.floor(i / TEAM_SIZE), filing: new WorkOrderFiling(cache.workOrdersDb, cache.workOrders, cache.followUps, cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, Date.now, cache.outbox) };
    // The team's first desktop is the one watching: when does a teammate's write reach it?
    if (i % TEAM_SIZE === 0) {
      sync.on('pulled', ({ workOrders }) => {
        const now = performance.now();
        for (const uuid of workOrders) {
          const w = written.get(uuid);
          if (!w || w.author === p.username || seenBy.has(uuid)) continue;
          seenBy.add(uuid);
          samples.push({ from: w.at, to: now });
        }
      });
    }
    return desk;
  });
  try {
    // Signed in and synced, in waves as a shift logging in (small ones: a scrypt check is ~0.1 CPU-second, and on a
    // busy machine a large wave outlasts the client's timeout and its retries pile up).
    for (let i = 0; i < desks.length; i += 10) {
      const wave = desks.slice(i, i + 10);
      await Promise.all(wave.map((d) => new Promise<void>((done) => {
        d.sync.on('status', (s) => s.state === 'synced' && done());
        d.sync.start();
      })));
    }

    const commits = async () => Number((await db.query<{ n: string }>('SELECT sum(xact_commit) AS n FROM pg_stat_database')).rows[0]!.n);
    const pgCpu = () => postgresPids(join(pgLab.dir, 'data')).reduce((t, pid) => t + cpuSeconds(pid), 0);
    const before = { servers: servers.map((x) => cpuSeconds(x.pid!)), postgres: pgCpu(), bench: process.cpuUsage(), commits: await commits() };
    const started = performance.now();
    const loadAtStart = loadavg()[0]!;
    // How late this process's own timers and sockets ran: a delay here is added to every "visible" figure.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const endAt = started + seconds * 1000;
    const uuids: string[] = [];
    const contacts: string[] = [];
    const timers: NodeJS.Timeout[] = [];
    const callOn = (d: Desk) => {
      if (performance.now() > endAt) return;
      const n = uuids.length + contacts.length;
      if (n % 3 === 0) {
        const filed = d.filing.file(d.username, {
          complaintType: 'billing', whyTags: ['system-outage'], whatHappened: `bench ${n}`, severity: n % 2 ? 'difficult' : 'ordinary',
          fairResolution: '', extraOffered: '', callback: null, followUpAt: Date.now() + 72 * 3600_000, customerId: null, callId: null,
        });
        const uuid = d.cache.db.prepare<[string], { uuid: string }>('SELECT uuid FROM work_orders WHERE external_id = ?').get(filed.id)!.uuid;
        written.set(uuid, { at: performance.now(), team: d.team, author: d.username });
        uuids.push(uuid);
      }
      const externalId = `call:${randomUUID()}`;
      d.cache.contacts.recordCall({ externalId, customerId: null, startedAt: Date.now() - 180_000, direction: 'inbound', number: '+8613800000000', queue: 'general', ivrPath: null, durationS: 180, holdS: 0, disposition: 'resolved', agent: d.username, transferTarget: null, workOrderId: null });
      contacts.push(d.cache.db.prepare<[string], { uuid: string }>('SELECT uuid FROM contacts WHERE external_id = ?').get(externalId)!.uuid);
      timers.push(setTimeout(() => callOn(d), CALL_EVERY_MS * (0.5 + Math.random())));
    };
    for (const d of desks) timers.push(setTimeout(() => callOn(d), Math.random() * CALL_EVERY_MS));

    // Faults: a 10-second partition of server A's desktops, then server B SIGKILLed and back a second later.
    await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
    const partition = { start: performance.now(), end: Infinity };
    faults.push(partition);
    relay.partition();
    await new Promise((r) => setTimeout(r, 10_000));
    relay.heal();
    partition.end = performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, started + (seconds * 2000) / 3 - performance.now())));
    const kill = { start: performance.now(), end: Infinity };
    faults.push(kill);
    const killedCpu = cpuSeconds(servers[1]!.pid!) - before.servers[1]!;
    await servers[1]!.kill();
    await new Promise((r) => setTimeout(r, 1000));
    await servers[1]!.start();
    before.servers[1] = -killedCpu;
    kill.end = performance.now();
    const memory = { serversPssMiB: servers.map((s) => round(pssKb(s.pid!) / 1024, 1)), postgresPssMiB: round(postgresPids(join(pgLab.dir, 'data')).reduce((t, pid) => t + pssKb(pid), 0) / 1024, 1) };
    await new Promise((r) => setTimeout(r, Math.max(0, endAt - performance.now())));
    for (const t of timers) clearTimeout(t);
    const runSeconds = (performance.now() - started) / 1000;
    const loadAtEnd = loadavg()[0]!;
    lag.disable();
    const crossed = (x: { from: number; to: number }) => faults.some((f) => x.from < f.end && x.to > f.start);
    const delays = samples.filter((x) => !crossed(x)).map((x) => x.to - x.from);
    const faultDelays = samples.filter(crossed).map((x) => x.to - x.from);
    // The first third, before any fault: the floor in its ordinary state.
    const steady = samples.filter((x) => x.to < faults[0]!.start).map((x) => x.to - x.from);
    const benchCpu = process.cpuUsage(before.bench);
    const cpu = {
      serversSeconds: servers.map((x, i) => round(cpuSeconds(x.pid!) - before.servers[i]!, 1)),
      postgresSeconds: round(pgCpu() - before.postgres, 1),
      desktopsInThisProcessSeconds: round((benchCpu.user + benchCpu.system) / 1e6, 1),
    };
    const transactionsPerSecond = round(((await commits()) - before.commits) / runSeconds, 1);

    // Everything drains: every desktop's outbox empty, then count what the server holds.
    const drainStart = performance.now();
    while (desks.some((d) => d.cache.outbox.count() > 0) && performance.now() - drainStart < 120_000) {
      for (const d of desks) if (d.cache.outbox.count() > 0) d.sync.kick();
      await new Promise((r) => setTimeout(r, 250));
    }
    const pushes = Number((await db.query<{ n: string }>('SELECT coalesce(sum(last_seq), 0) AS n FROM sync_clients')).rows[0]!.n);
    const stored = (await db.query<{ id: string; events: string; follow_ups: string }>(
      `SELECT w.id, (SELECT count(*) FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'created') AS events,
              (SELECT count(*) FROM follow_ups f WHERE f.work_order_id = w.id) AS follow_ups FROM work_orders w`)).rows;
    const storedContacts = new Set((await db.query<{ id: string }>('SELECT id FROM contacts')).rows.map((r) => r.id));
    const storedIds = new Set(stored.map((r) => r.id));
    const lost = uuids.filter((u) => !storedIds.has(u)).length + contacts.filter((c) => !storedContacts.has(c)).length;
    const duplicated = stored.filter((r) => Number(r.events) !== 1 || Number(r.follow_ups) !== 1).length + Math.max(0, storedIds.size - uuids.length) + Math.max(0, storedContacts.size - contacts.length);
    return {
      benchmark: 'sync',
      scale,
      desktops: count,
      serverProcesses: servers.length,
      seconds: round(runSeconds, 1),
      written: { workOrders: uuids.length, callRecords: contacts.length },
      pushesPerSecond: round(pushes / runSeconds, 1),
      visibleToTeammateMs: { samples: delays.length, p50: round(percentile(delays, 50), 1), p95: round(percentile(delays, 95), 1), max: round(Math.max(...delays), 1) },
      visibleToTeammateBeforeFaultsMs: { samples: steady.length, p50: round(percentile(steady, 50), 1), p95: round(percentile(steady, 95), 1) },
      visibleToTeammateDuringFaultsMs: { samples: faultDelays.length, p50: round(percentile(faultDelays, 50), 1), p95: round(percentile(faultDelays, 95), 1) },
      memory,
      cpu,
      postgresTransactionsPerSecond: transactionsPerSecond,
      // The machine's one-minute load average at the start and the end of the run: other work on it shows here.
      loadAverage: [round(loadAtStart, 1), round(loadAtEnd, 1)],
      benchEventLoopDelayMs: { p50: round(lag.percentile(50) / 1e6, 1), p95: round(lag.percentile(95) / 1e6, 1), max: round(lag.max / 1e6, 1) },
      drainedInMs: round(performance.now() - drainStart, 0),
      lost,
      duplicated,
      goals: { p95Ms: 1000, lost: 0, duplicated: 0 },
    };
  } finally {
    await Promise.all(desks.map((d) => d.sync.stop()));
    for (const d of desks) d.cache.close();
    await relay.stop();
    await db.end();
    for (const s of servers) await s.stop();
    await pgLab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
