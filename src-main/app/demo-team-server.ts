import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { Cache } from '../services/db/cache';
import { LabPostgres } from '../services/lab-team/lab-postgres';
import { LabTeamServer } from '../services/lab-team/lab-team-server';
import type { RecordingDestination } from '../services/lab-pbx/recording-upload';
import { shieldLabProcessesFromTerminal } from '../services/lab-pbx/own-process-group';
import { checkFile } from '../services/importers/importer';
import { KnowledgePull } from '../services/sync/knowledge-pull';
import { publishRecords } from '../services/sync/knowledge-publish';
import { memoryTokenStore, TeamClient } from '../services/sync/team-client';
import { TeamSync } from '../services/sync/team-sync';
import { TEAMMATES } from './demo-team';

export const DEMO_SPECIALIST = { username: 'wang.fang', name: '王芳 (specialist)' };
/** A year of the demo floor for its reports: small enough to be made in a few seconds beside the demo's start. */
export const DEMO_HISTORY = { calls: 20_000, workOrders: 1_500, days: 365, timeZone: 'Asia/Shanghai' };
const DEMO_TEAM = 'demo-floor';
const DEMO_ADMIN = 'demo.admin';

/**
 * Demo mode's team server: a throwaway PostgreSQL cluster and one team-server process on loopback, the demo agent
 * and a demo specialist as its people, and the specialist's desktop running headless in this process: her queue
 * receives the demo agent's difficult complaints, she claims each a few seconds later and resolves it, so the
 * agent sees the team at work (and the customer's next pop says what was done).
 */
export class DemoTeamServer {
  private readonly pg = new LabPostgres();
  private server: LabTeamServer | null = null;
  private specialist: { cache: Cache; sync: TeamSync } | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly agentPassword = randomBytes(12).toString('hex');
  /** Settles once the demo floor's year of history is on the server, or could not be made (logged; the demo goes on). */
  history: Promise<void> = Promise.resolve();
  /** The key the demo PBX hands recordings over with (in the server's environment, never on a command line). */
  private readonly pbxKey = randomBytes(32).toString('base64url');
  private readonly specialistPassword = randomBytes(12).toString('hex');
  private readonly adminPassword = randomBytes(12).toString('hex');

  constructor(private readonly repoRoot: string, private readonly runDir: string, private readonly logger: Logger) {
    // The demo stops its PostgreSQL and server itself, after the app: Ctrl+C must not take them first.
    shieldLabProcessesFromTerminal();
  }

  /** Starts PostgreSQL and the server; returns the config the demo agent's desktop syncs with. */
  async start(agentUsername: string): Promise<NonNullable<AppConfig['team']>> {
    await this.pg.start();
    const server = new LabTeamServer(this.repoRoot, this.pg.url, LabTeamServer.secret(), {
      AGENT_SERVER_RECORDINGS_DIR: join(this.runDir, 'team-recordings'),
      AGENT_SERVER_PBX_KEY: this.pbxKey,
    });
    this.server = server;
    await server.start();
    server.addPeople([
      // The demo agent leads the demo floor (as on the PBX's floor board), so her board shows the team's desktops.
      { username: agentUsername, password: this.agentPassword, role: 'lead', team: DEMO_TEAM, name: 'Demo Agent' },
      { username: DEMO_SPECIALIST.username, password: this.specialistPassword, role: 'specialist', team: DEMO_TEAM, name: DEMO_SPECIALIST.name, queues: ['specialists', 'complaints-lead'] },
      { username: DEMO_ADMIN, password: this.adminPassword, role: 'admin', name: 'Demo admin' },
      // The teammates on the floor board take calls too: the year of history is theirs and the demo agent's.
      ...TEAMMATES.map((t) => ({ username: t.extension, password: randomBytes(12).toString('hex'), role: 'agent' as const, team: DEMO_TEAM, name: t.name })),
    ]);
    this.history = this.seedHistory();
    await this.publishSampleKnowledge(server.url);
    this.logger.info('demo: team server running', { url: server.url, database: 'throwaway PostgreSQL 15 cluster' });
    this.startSpecialist(server.url);
    return { server: server.url, username: agentUsername };
  }

  /**
   * The demo floor's last year, seeded by PostgreSQL (the admin CLI's seed-history, as `bench reports` does), in the
   * background: the phone and the team do not wait for it, and a lead opening Reports a few seconds later sees a year.
   */
  private async seedHistory(): Promise<void> {
    const admin = (args: string[]) => new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [join(this.repoRoot, 'out/server/admin.js'), ...args], { env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: this.pg.url }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('exit', (code) => (code === 0 ? done() : fail(new Error(err.trim() || `admin ${args[0]} exited ${code}`))));
    });
    const started = Date.now();
    try {
      await admin(['set-time-zone', DEMO_TEAM, DEMO_HISTORY.timeZone]);
      await admin(['seed-history', '--team', DEMO_TEAM, '--calls', String(DEMO_HISTORY.calls), '--work-orders', String(DEMO_HISTORY.workOrders), '--days', String(DEMO_HISTORY.days)]);
      this.logger.info('demo: a year of the floor\'s history is on the team server', { ...DEMO_HISTORY, ms: Date.now() - started });
    } catch (err) {
      this.logger.warn('demo: the floor\'s history could not be seeded; reports show only what happens now', { error: (err as Error).message });
    }
  }

  /** Where the demo PBX hands its call recordings, once the server runs. */
  get recordingDestination(): RecordingDestination | undefined {
    return this.server ? { server: this.server.url, pbxKey: this.pbxKey } : undefined;
  }

  /**
   * The sample knowledge base, published as an admin does (agent-desktop --server URL import kb FILE): the
   * desktops get it by pulling. The demo goes on without it if it cannot be published.
   */
  private async publishSampleKnowledge(url: string): Promise<void> {
    const dir = join(this.repoRoot, 'resources', 'sample', 'kb');
    const client = new TeamClient(url, DEMO_ADMIN, memoryTokenStore(), this.adminPassword, 60_000);
    try {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
        const { ready, rejected } = checkFile('kb', join(dir, file));
        const summary = await publishRecords(client, 'article', ready);
        this.logger.info('demo: sample knowledge published on the team server', {
          file, published: summary.published, unchanged: summary.unchanged, rejected: rejected.length + summary.rejected.length,
        });
      }
    } catch (err) {
      this.logger.warn('demo: the sample knowledge could not be published on the team server', { error: (err as Error).message });
    } finally {
      await client.signOut();
    }
  }

  private startSpecialist(url: string): void {
    const dir = join(this.runDir, 'specialist');
    mkdirSync(dir, { recursive: true });
    const cache = new Cache(join(dir, 'cache.sqlite'), Date.now, { teamSync: true });
    const client = new TeamClient(url, DEMO_SPECIALIST.username, memoryTokenStore(), this.specialistPassword);
    const knowledge = new KnowledgePull(cache.db, cache.kb, cache.templates, client, this.logger);
    const sync = new TeamSync(cache.workOrdersDb, cache.outbox, client, this.logger, () => DEMO_SPECIALIST.username, cache.db, knowledge);
    const handled = new Set<string>();
    sync.on('pulled', () => {
      for (const w of cache.workOrders.list(['open'], 20, ['specialists', 'complaints-lead'])) {
        if (w.assignee || handled.has(w.id)) continue;
        handled.add(w.id);
        this.logger.info("demo: the specialist's queue shows a new work order", { workOrder: w.id, severity: w.severity });
        this.later(8_000, () => {
          const row = cache.workOrders.statusOf(w.id);
          if (row) cache.workOrders.claim(row.id, DEMO_SPECIALIST.username);
        });
        this.later(30_000, () => {
          const row = cache.workOrders.statusOf(w.id);
          if (row?.status === 'in_progress') cache.workOrders.setStatus(row.id, 'resolved', DEMO_SPECIALIST.username);
        });
      }
    });
    sync.start();
    this.specialist = { cache, sync };
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        fn();
      } catch (err) {
        this.logger.warn('demo specialist: could not act', { error: (err as Error).message });
      }
    }, ms);
    this.timers.add(timer);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.history;
    if (this.specialist) {
      await this.specialist.sync.stop(true);
      this.specialist.cache.close();
    }
    await this.server?.stop();
    await this.pg.stop();
  }
}
