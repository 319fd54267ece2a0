import { EventEmitter } from 'node:events';
import pg from 'pg';

interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * LISTENs on the team feed channel with a connection of its own and re-emits "team N moved to seq S". It is
 * only a wake-up: desktops pull from the tables. When PostgreSQL restarts, it listens again with backoff and
 * emits a wake-up for every team, since notifications sent meanwhile were lost.
 */
export class TeamNotifier extends EventEmitter<{ changed: [teamId: number, seq: number]; all: []; account: [userId: number]; knowledge: [seq: number] }> {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly databaseUrl: string, private readonly log: Log) {
    super();
  }

  /** Whether notifications are being heard now (while not, some may be lost). */
  get listening(): boolean {
    return this.client !== null;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (n) => {
      // A person's sessions ended (password reset, disabled): each process closes her live channels.
      if (n.channel === 'account_changed') {
        const userId = Number(n.payload);
        if (Number.isInteger(userId)) this.emit('account', userId);
        return;
      }
      // Published knowledge is for every team: "knowledge:<position>".
      const knowledge = /^knowledge:(\d+)$/.exec(n.payload ?? '');
      if (knowledge) return void this.emit('knowledge', Number(knowledge[1]));
      const [team, seq] = (n.payload ?? '').split(':').map(Number);
      if (Number.isInteger(team) && Number.isInteger(seq)) this.emit('changed', team!, seq!);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query('LISTEN team_feed');
    await client.query('LISTEN account_changed');
    this.client = client;
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    this.log.warn({ error: err.message }, 'team feed listener lost its database connection; listening again');
    let delay = 250;
    const again = () => {
      this.retry = setTimeout(() => {
        this.connect().then(
          () => {
            this.log.info({}, 'team feed listener connected again');
            this.emit('all');
          },
          () => {
            delay = Math.min(delay * 2, 5000);
            again();
          },
        );
      }, delay);
    };
    again();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }
}
