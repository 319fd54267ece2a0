import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lab-pbx/ports';
import { spawnLabProcess } from '../lab-pbx/own-process-group';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL 15 cluster on a free loopback port, for the demo and the tests: initdb in a temporary
 * folder (as the postgres user when we are root — initdb refuses root), started and stopped by us, removed at the
 * end. Trust authentication on 127.0.0.1 only: it holds sample data and lives as long as the process that made it.
 */
export class LabPostgres {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  readonly dir: string;
  port = 0;

  /** settings: extra `name=value` server settings (a test that counts statements loads pg_stat_statements). */
  constructor(private readonly database = 'teamserver', private readonly settings: string[] = []) {
    this.dir = mkdtempSync(join(tmpdir(), 'agent-desktop-pg-'));
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${this.database}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  private asOwner(command: string, args: string[]): [string, string[]] {
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  }

  async start(): Promise<void> {
    if (process.getuid?.() === 0) {
      chmodSync(this.dir, 0o700);
      const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (pw.status !== 0) throw new Error('there is no postgres user: install Debian\'s postgresql-15 (scripts/setup.sh does)');
      chownSync(this.dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
    }
    const [cmd, args] = this.asOwner(`${BIN}/initdb`, ['-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
    const init = spawnSync(cmd, args, { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    for (let attempt = 1; ; attempt++) {
      this.port = await freePort();
      try {
        await this.run();
        break;
      } catch (err) {
        // The port freePort handed out can be bound by another process (any outgoing connection's) before
        // PostgreSQL binds it: then it starts again on a fresh one, up to three times.
        if (attempt === 3 || !/Address already in use/.test((err as Error).message)) throw err;
      }
    }
    const [psql, pargs] = this.asOwner(`${BIN}/psql`, [
      '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${this.database}`,
    ]);
    const created = spawnSync(psql, pargs, { encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`could not create the database: ${created.stderr}`);
  }

  /** Starts the server on the existing cluster (again, after a stop or a kill), resolving once it accepts connections. */
  async run(): Promise<void> {
    const [cmd, args] = this.asOwner(`${BIN}/postgres`, [
      '-D', join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=300', '-c', 'shared_buffers=128MB', '-c', 'logging_collector=off', ...this.settings.flatMap((x) => ['-c', x]),
    ]);
    const child = spawnLabProcess(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => {
      if (this.child === child) this.child = null;
      resolve();
    }));
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d.toString();
        if (log.includes('database system is ready to accept connections')) {
          child.stderr!.off('data', onData);
          child.stderr!.resume();
          resolve();
        }
      };
      child.stderr!.on('data', onData);
      // 'close', not 'exit': by then its output is all read, and says why.
      child.once('close', (code) => reject(new Error(`postgres exited (${code}) before it was ready: ${log.slice(-2000)}`)));
    });
  }

  /** The postmaster's own pid (runuser, our child, does not pass signals on). */
  private postmasterPid(): number | null {
    try {
      return Number(readFileSync(join(this.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
    } catch {
      return null;
    }
  }

  /** Fast shutdown (SIGINT): open transactions are rolled back, connections dropped, data kept. */
  async stopServer(signal: 'SIGINT' | 'SIGKILL' = 'SIGINT'): Promise<void> {
    if (!this.child) return;
    const pid = this.postmasterPid();
    if (pid) process.kill(pid, signal);
    else this.child.kill(signal);
    await this.exited;
  }

  /** Stops the server and removes the cluster. */
  async stop(): Promise<void> {
    await this.stopServer();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
