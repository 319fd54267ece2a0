import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { LabPostgres } from '../../../services/lab-team/lab-postgres';
import { LabTeamServer } from '../../../services/lab-team/lab-team-server';
import { TcpRelay } from '../../../services/lab-team/tcp-relay';
import type { CommandContext } from '../command';
import { clock, TEAM_SIZE, type FloorCommand, type FloorReport, type FloorSetup } from './sync-floor';
import { recoveryRequests } from './sync-recovery';
import { percentile, round } from './stats';

/** How long after the partition heals its desktops are counted as coming back. */
const RECOVERY_MS = 8_000;
const SCALE = { small: { desktops: 50, seconds: 40 }, full: { desktops: 500, seconds: 90 } };

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
 * One share of the floor in a worker thread (the built sync-floor-worker.js beside this file), driven by commands and
 * answering with reports; `until` waits for the next report of a type.
 */
class FloorShare {
  private readonly worker: Worker;
  private readonly waiting = new Map<FloorReport['type'], { resolve: (r: FloorReport) => void; reject: (err: Error) => void }>();
  private failed: Error | null = null;

  constructor(setup: FloorSetup, wave: number, onReport: (r: FloorReport) => void) {
    this.worker = new Worker(join(dirname(fileURLToPath(import.meta.url)), 'sync-floor-worker.js'), { workerData: { setup, wave } });
    this.worker.on('message', (r: FloorReport) => {
      onReport(r);
      const waiter = this.waiting.get(r.type);
      if (waiter) {
        this.waiting.delete(r.type);
        waiter.resolve(r);
      }
    });
    // A thread that fails ends the run (through whatever it was waiting for), and the cleanup still runs.
    this.worker.on('error', (err) => {
      this.failed = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  send(c: FloorCommand): void {
    this.worker.postMessage(c);
  }

  until<T extends FloorReport['type']>(type: T): Promise<Extract<FloorReport, { type: T }>> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => this.waiting.set(type, { resolve: resolve as (r: FloorReport) => void, reject }));
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * The team server under a floor of desktops: N real desktop data sides (SQLite cache, outbox, sync worker) in teams
 * of ten against two server processes on one PostgreSQL, filing work orders and call records at a busy-hour rate.
 * The desktops run in worker threads (one per core), so the figures are the server's and the network's rather than
 * one event loop's queue. A third of the way in, the desktops behind one server lose the network for 10 s; two
 * thirds in, the other server is SIGKILLed and restarted. Reports pushes per second, how long from a write on one
 * desktop until a teammate's desktop has it, memory, and what was lost or duplicated.
 */
export async function benchSync(ctx: CommandContext, scale: 'small' | 'full') {
  const { desktops: count, seconds } = SCALE[scale];
  const root = resolve(ctx.resourcesDir, '..');
  // Each real desktop has a disk of its own; here 500 would queue their fsyncs (work orders are written with
  // synchronous=FULL) on one, which measured as seconds of blocked event loop per thread. In memory (tmpfs) when
  // the machine has one, and said so in the output.
  const memoryDisk = existsSync('/dev/shm');
  const dir = mkdtempSync(join(memoryDisk ? '/dev/shm' : tmpdir(), 'bench-sync-'));
  // pg_stat_statements counts every statement the servers send: round trips per change, whatever the machine's load.
  const pgLab = new LabPostgres('teamserver', ['shared_preload_libraries=pg_stat_statements']);
  await pgLab.start();
  const secret = LabTeamServer.secret();
  const servers = [new LabTeamServer(root, pgLab.url, secret, { AGENT_SERVER_LOG_LEVEL: 'info' }), new LabTeamServer(root, pgLab.url, secret)];
  await servers[0]!.start();
  await servers[1]!.start();
  const password = randomUUID();
  const people = Array.from({ length: count }, (_, i) => ({ index: i, username: `b${String(i).padStart(4, '0')}`, team: Math.floor(i / TEAM_SIZE) }));
  servers[0]!.importPeople(people.map((p) => ({ username: p.username, role: 'agent' as const, team: `team-${p.team}` })), password);
  const relay = new TcpRelay(() => servers[0]!.port);
  await relay.start();
  const db = new pg.Pool({ connectionString: pgLab.url, max: 2 });
  db.on('error', () => undefined);
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

  const written = new Map<string, { at: number; team: number; author: string }>();
  const seen: { uuids: string[]; at: number; watcher: string; team: number }[] = [];
  const uuids: string[] = [];
  const contacts: string[] = [];
  /** When a fault was on: a change whose way from writer to watcher crossed one is counted apart. */
  const faults: { start: number; end: number }[] = [];
  const onReport = (r: FloorReport) => {
    if (r.type === 'written') {
      if (r.kind === 'contact') contacts.push(r.uuid);
      else {
        uuids.push(r.uuid);
        written.set(r.uuid, { at: r.at, team: r.team, author: r.author });
      }
    } else if (r.type === 'seen') seen.push(r);
  };
  // Whole teams per thread; as many threads as cores (the servers and PostgreSQL share them too).
  const threads = Math.max(1, Math.min(4, availableParallelism()));
  const teams = Math.ceil(count / TEAM_SIZE);
  const shares = Array.from({ length: threads }, (_, k) => people.filter((p) => Math.floor((p.team * threads) / teams) === k)).filter((s) => s.length > 0);
  const urls = { a: `http://127.0.0.1:${relay.port}`, b: servers[1]!.url };
  const floor = shares.map((share) => new FloorShare({ dir, password, people: share, urls }, Math.max(1, Math.floor(10 / shares.length)), onReport));
  const all = async <T extends FloorReport['type']>(type: T, command?: FloorCommand) => {
    const replies = floor.map((f) => f.until(type));
    if (command) for (const f of floor) f.send(command);
    return Promise.all(replies);
  };
  try {
    // Signed in and synced, in small waves per thread (together about ten at a time, as a shift logging in).
    await all('ready');

    const commits = async () => Number((await db.query<{ n: string }>('SELECT sum(xact_commit) AS n FROM pg_stat_database')).rows[0]!.n);
    const pgCpu = () => postgresPids(join(pgLab.dir, 'data')).reduce((t, pid) => t + cpuSeconds(pid), 0);
    const mutations = async () => Number((await db.query<{ n: string }>('SELECT coalesce(sum(last_seq), 0) AS n FROM sync_clients')).rows[0]!.n);
    const statements = async () => Number((await db.query<{ n: string }>("SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'")).rows[0]!.n);
    await db.query('SELECT pg_stat_statements_reset()');
    const before = { servers: servers.map((x) => cpuSeconds(x.pid!)), postgres: pgCpu(), bench: process.cpuUsage(), commits: await commits(), mutations: await mutations() };
    const started = clock();
    const loadAtStart = loadavg()[0]!;
    // How late the main thread's timers and sockets ran (the relay lives here); each thread reports its own.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const endAt = started + seconds * 1000;
    for (const f of floor) f.send({ type: 'begin', endAt });

    // Faults: a 10-second partition of server A's desktops, then server B SIGKILLed and back a second later.
    await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
    const partition = { start: clock(), end: Infinity };
    faults.push(partition);
    relay.partition();
    await new Promise((r) => setTimeout(r, 10_000));
    relay.heal();
    partition.end = clock();
    // What the desktops behind A cost it in requests while they come back (their retry backoff is capped at 8 s):
    // read from A's log then, before later lines push those out of the log it keeps.
    // On the wall clock, as the server's log lines are (the bench's own clock may drift from it while the run lasts).
    const behindA = people.filter((p) => p.index % 2 === 0).length;
    const healedAt = Date.now();
    const recovery = new Promise<ReturnType<typeof recoveryRequests>>((done) => setTimeout(() => done(recoveryRequests(servers[0]!.log, healedAt, healedAt + RECOVERY_MS, behindA)), RECOVERY_MS));
    await new Promise((r) => setTimeout(r, Math.max(0, started + (seconds * 2000) / 3 - clock())));
    const kill = { start: clock(), end: Infinity };
    faults.push(kill);
    const killedCpu = cpuSeconds(servers[1]!.pid!) - before.servers[1]!;
    await servers[1]!.kill();
    await new Promise((r) => setTimeout(r, 1000));
    await servers[1]!.start();
    before.servers[1] = -killedCpu;
    kill.end = clock();
    const memory = { serversPssMiB: servers.map((s) => round(pssKb(s.pid!) / 1024, 1)), postgresPssMiB: round(postgresPids(join(pgLab.dir, 'data')).reduce((t, pid) => t + pssKb(pid), 0) / 1024, 1) };
    await new Promise((r) => setTimeout(r, Math.max(0, endAt - clock())));
    const stopped = await all('stopped', { type: 'stop' });
    const runSeconds = (clock() - started) / 1000;
    const loadAtEnd = loadavg()[0]!;
    lag.disable();

    // A teammate's write, the first time the team's watching desktop had it (reports from two threads may arrive
    // in either order, so they are joined here, after the run).
    const samples: { from: number; to: number }[] = [];
    const counted = new Set<string>();
    for (const s of [...seen].sort((a, b) => a.at - b.at)) {
      for (const uuid of s.uuids) {
        const w = written.get(uuid);
        if (!w || w.team !== s.team || w.author === s.watcher || counted.has(uuid)) continue;
        counted.add(uuid);
        samples.push({ from: w.at, to: s.at });
      }
    }
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
    const mutationsInRun = (await mutations()) - before.mutations;
    const statementsPerMutation = round((await statements()) / Math.max(1, mutationsInRun), 1);

    // Everything drains: every desktop's outbox empty, then count what the server holds.
    const drainStart = clock();
    const drained = await all('drained', { type: 'drain' });
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
      desktopThreads: floor.length,
      desktopCaches: memoryDisk ? 'tmpfs' : 'disk',
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
      // Server A's sync requests in the 8 s after the partition healed, per desktop that had been cut off.
      recoveryRequests: await recovery,
      // Every statement the servers (and their sweeps) sent during the run, per change the desktops pushed in it.
      postgresStatementsPerMutation: statementsPerMutation,
      // The machine's one-minute load average at the start and the end of the run: other work on it shows here.
      loadAverage: [round(loadAtStart, 1), round(loadAtEnd, 1)],
      benchEventLoopDelayMs: {
        main: { p50: round(lag.percentile(50) / 1e6, 1), p95: round(lag.percentile(95) / 1e6, 1), max: round(lag.max / 1e6, 1) },
        desktopThreads: stopped.map((s) => ({ p50: round(s.lagMs.p50, 1), p95: round(s.lagMs.p95, 1), max: round(s.lagMs.max, 1) })),
      },
      drainedInMs: round(clock() - drainStart, 0),
      // Not on the server when counted; of those, how many were still in a desktop's outbox after the drain's two
      // minutes (kept, not gone: a run on a starved machine may not drain in time).
      lost,
      stillInOutboxes: drained.reduce((n, d) => n + d.left, 0),
      duplicated,
      goals: { p95Ms: 1000, lost: 0, duplicated: 0 },
    };
  } finally {
    await all('closed', { type: 'close' }).catch(() => undefined);
    await Promise.all(floor.map((f) => f.terminate()));
    await relay.stop();
    await db.end();
    for (const s of servers) await s.stop();
    await pgLab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
