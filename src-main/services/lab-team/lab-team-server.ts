import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lab-pbx/ports';
import { spawnLabProcess } from '../lab-pbx/own-process-group';

export interface LabPerson {
  username: string;
  password: string;
  role: 'agent' | 'specialist' | 'lead' | 'admin';
  team?: string;
  name?: string;
  queues?: string[];
}

/**
 * One team-server process (the built out/server/server.js) on a free loopback port, for the demo and the tests.
 * The token secret travels in the environment, never on the command line. Several may run on one database.
 */
export class LabTeamServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  port = 0;
  log = '';

  constructor(
    private readonly root: string,
    readonly databaseUrl: string,
    private readonly tokenSecret: string,
    private readonly env: Record<string, string> = {},
  ) {}

  static secret(): string {
    return randomBytes(32).toString('base64url');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const entry = join(this.root, 'out/server/server.js');
    if (!existsSync(entry)) throw new Error('the team server is not built: run npm run build');
    // A restart keeps the port: desktops come back to the same address.
    const firstStart = !this.port;
    for (let attempt = 1; ; attempt++) {
      if (firstStart) this.port = await freePort();
      try {
        return await this.launch(entry);
      } catch (err) {
        // The port freePort handed out can be bound by another process (any outgoing connection's) before the
        // server listens on it: then the first start goes again on a fresh one, up to three times.
        if (!firstStart || attempt === 3 || !/EADDRINUSE/.test((err as Error).message)) throw err;
      }
    }
  }

  private async launch(entry: string): Promise<void> {
    const child = spawnLabProcess(process.execPath, [entry], {
      // Its log stays in this.log (not printed); 'info' is needed, the ready line is an info line.
      env: { PATH: process.env.PATH ?? '', AGENT_SERVER_LOG_LEVEL: 'info', AGENT_SERVER_DATABASE_URL: this.databaseUrl, AGENT_SERVER_TOKEN_SECRET: this.tokenSecret, AGENT_SERVER_PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => {
      if (this.child === child) this.child = null;
      resolve();
    }));
    await new Promise<void>((resolve, reject) => {
      // Up once this process says so: this.log holds the lines of its earlier runs too, their ready line included.
      let thisRun: string | null = '';
      const onData = (d: string) => {
        this.log += d;
        if (this.log.length > 1_000_000) this.log = this.log.slice(-500_000);
        if (thisRun === null) return;
        thisRun += d;
        if (thisRun.includes('Server listening')) {
          thisRun = null;
          resolve();
        }
      };
      child.stdout!.setEncoding('utf8').on('data', onData);
      child.stderr!.setEncoding('utf8').on('data', onData);
      // 'close', not 'exit': by then its output is all read, and says why.
      child.once('close', (code) => reject(new Error(`team server exited (${code}) before listening: ${this.log.slice(-2000)}`)));
    });
  }

  kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    return this.exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    child?.kill('SIGTERM');
    // The server gives open requests 5 s; a process that still has not gone is killed rather than waited on.
    const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Many people at once with one initial password (the admin CLI's import-people), as a shift is onboarded. */
  importPeople(people: Omit<LabPerson, 'password'>[], password: string): void {
    const dir = mkdtempSync(join(tmpdir(), 'people-'));
    const file = join(dir, 'people.jsonl');
    writeFileSync(file, people.map((p) => JSON.stringify({ username: p.username, role: p.role, team: p.team ?? null, name: p.name, queues: p.queues ?? [] })).join('\n'));
    const r = spawnSync(process.execPath, [join(this.root, 'out/server/admin.js'), 'import-people', file], {
      env: { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: this.databaseUrl },
      input: `${password}\n`,
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    const result = r.status === 0 ? (JSON.parse(r.stdout) as { imported: number; rejected: unknown[] }) : null;
    if (!result || result.rejected.length) throw new Error(`admin import-people failed: ${r.stderr || r.stdout}`);
  }

  /** Creates teams and people with the admin CLI (passwords through its standard input). */
  addPeople(people: LabPerson[]): void {
    const admin = join(this.root, 'out/server/admin.js');
    const env = { PATH: process.env.PATH ?? '', AGENT_SERVER_DATABASE_URL: this.databaseUrl };
    const run = (args: string[], input = '') => {
      const r = spawnSync(process.execPath, [admin, ...args], { env, input, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`admin ${args[0]} failed: ${r.stderr}`);
    };
    for (const team of new Set(people.flatMap((p) => (p.team ? [p.team] : [])))) run(['create-team', team]);
    for (const p of people) {
      const args = ['create-user', p.username, '--role', p.role, '--name', p.name ?? p.username];
      if (p.team) args.push('--team', p.team);
      for (const q of p.queues ?? []) args.push('--queue', q);
      run(args, `${p.password}\n`);
    }
  }
}
