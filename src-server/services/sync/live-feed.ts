import type { Pool, PoolClient } from 'pg';
import type { LiveMessage, Role } from '../../../src-shared/sync/contract';
import type { Viewer } from '../auth/policy';
import { readFeedPage, visibleChanges, type FeedPage } from './feed-page';

/** The part of a WebSocket the live feed uses. */
export interface LiveSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
}

interface Log {
  warn(obj: object, msg: string): void;
}

interface Watcher {
  viewer: Viewer;
  /** When her access token expires (ms): nothing more is sent on it after that; the desktop connects again. */
  expiresAt: number;
  /** The feed position its hello named (null until read). */
  hello: number | null;
}

interface TeamState {
  sockets: Map<LiveSocket, Watcher>;
  /** The feed position this process has announced to its sockets of the team; unknown until the first wake-up. */
  through: number | null;
  /** The newest position PostgreSQL announced. */
  latest: number;
  timer: NodeJS.Timeout | null;
  reading: boolean;
}

/** Feed rows one wake-up carries at most; a longer stretch (a recovery storm) is a plain wake-up and a pull. */
const PAGE = 100;
/** Bytes of one message at most (UTF-8: Chinese or Thai text is three bytes a character): the desktop refuses frames over 64 KiB. */
const MAX_MESSAGE = 48 * 1024;

/**
 * The live channel's fan-out in one server process. A team's wake-ups within a short window are coalesced; then
 * the process reads the new stretch of the team's feed once, in one snapshot, and sends each of its desktops of
 * that team what she may see of it (the policy decides per person). A desktop that is current applies it and
 * does not pull: one read per team and process instead of one pull per desktop. Whatever cannot be sent so (the
 * first wake-up after start, a long stretch, a read that failed) goes out as a plain wake-up and the desktops pull.
 */
export class LiveFeed {
  private readonly teams = new Map<number, TeamState>();

  constructor(private readonly pool: Pool, private readonly log: Log, private readonly windowMs = 20) {}

  add(socket: LiveSocket, viewer: Viewer & { teamId: number }, expiresAt: number): void {
    let team = this.teams.get(viewer.teamId);
    if (!team) this.teams.set(viewer.teamId, (team = { sockets: new Map(), through: null, latest: 0, timer: null, reading: false }));
    team.sockets.set(socket, { viewer, expiresAt, hello: null });
  }

  remove(socket: LiveSocket): void {
    for (const [id, team] of this.teams) {
      team.sockets.delete(socket);
      if (!team.sockets.size && !team.reading) {
        if (team.timer) clearTimeout(team.timer);
        this.teams.delete(id);
      }
    }
  }

  get sockets(): LiveSocket[] {
    return [...this.teams.values()].flatMap((t) => [...t.sockets.keys()]);
  }

  /**
   * Where the team's feed stood when a socket's hello was read: its desktop pulls at least that far. A process that
   * does not know where a team's desktops stand (just started, or every socket of the team had gone, as after a
   * network fault) starts its next stretch at the lowest hello of the team's sockets once each has had one, so that
   * wake-up carries the changes instead of sending every desktop to pull; one not yet that far sees `after` beyond
   * her cursor and pulls.
   */
  known(socket: LiveSocket, seq: number): void {
    for (const team of this.teams.values()) {
      const watcher = team.sockets.get(socket);
      if (watcher) watcher.hello = seq;
    }
  }

  /** PostgreSQL announced that the team's feed reached `seq` (in commit order). */
  changed(teamId: number, seq: number): void {
    const team = this.teams.get(teamId);
    if (!team) return;
    team.latest = Math.max(team.latest, seq);
    if (!team.timer && !team.reading) team.timer = setTimeout(() => void this.flush(teamId, team), this.windowMs);
  }

  /** Notifications may have been lost (the listener connected again): every desktop pulls, positions are unknown. */
  all(): void {
    for (const team of this.teams.values()) {
      team.through = null;
      this.broadcast(team, { type: 'changed', seq: -1 });
    }
  }

  private async flush(teamId: number, team: TeamState): Promise<void> {
    team.timer = null;
    const target = team.latest;
    const hellos = [...team.sockets.values()].map((w) => w.hello);
    const from = team.through ?? (hellos.length > 0 && hellos.every((h) => h !== null) ? Math.min(...(hellos as number[])) : null);
    if (from !== null && target <= from) {
      team.through = from;
      return;
    }
    if (from === null) {
      // Where this process's desktops stand is not known yet: they pull, and the stretch starts here.
      team.through = target;
      this.broadcast(team, { type: 'changed', seq: target });
      return;
    }
    team.reading = true;
    try {
      const db = await this.pool.connect();
      try {
        await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const page = await readFeedPage(db, teamId, from, PAGE);
        const accounts = await this.accounts(db, [...new Set([...team.sockets.values()].map((w) => w.viewer.userId))]);
        await db.query('COMMIT');
        if (page.more) {
          team.through = target;
          this.broadcast(team, { type: 'changed', seq: target });
        } else {
          team.through = page.cursor;
          this.sendPage(team, from, page, accounts);
        }
      } catch (err) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        db.release();
      }
    } catch (err) {
      this.log.warn({ team: teamId, error: (err as Error).message }, 'live feed: could not read the team feed; the desktops pull');
      team.through = null;
      this.broadcast(team, { type: 'changed', seq: target });
    } finally {
      team.reading = false;
      if (!team.sockets.size) this.teams.delete(teamId);
      else if (team.latest > (team.through ?? -1) && !team.timer) team.timer = setTimeout(() => void this.flush(teamId, team), this.windowMs);
    }
  }

  private sendPage(team: TeamState, from: number, page: FeedPage, accounts: Map<number, Account>): void {
    const now = Date.now();
    for (const [socket, w] of team.sockets) {
      const account = accounts.get(w.viewer.userId);
      // As a pull would: a person disabled or moved, or a token past its time, is not sent anything more.
      if (!account || account.disabled || account.team_id !== w.viewer.teamId || account.role !== w.viewer.role || now >= w.expiresAt) {
        team.sockets.delete(socket);
        socket.close(4401, 'sign in again');
        continue;
      }
      w.viewer = { ...w.viewer, queues: account.queues };
      const message = JSON.stringify({ type: 'changed', seq: page.cursor, after: from, changes: visibleChanges(w.viewer, page) } satisfies LiveMessage);
      socket.send(Buffer.byteLength(message) <= MAX_MESSAGE ? message : JSON.stringify({ type: 'changed', seq: page.cursor } satisfies LiveMessage));
    }
  }

  /** The accounts behind the team's sockets, read again with each stretch (role, team and queues may change). */
  private async accounts(db: PoolClient, ids: number[]): Promise<Map<number, Account>> {
    const r = await db.query<Account & { id: number }>(
      `SELECT u.id, u.role, u.team_id, u.disabled,
         coalesce(array_agg(q.queue ORDER BY q.queue) FILTER (WHERE q.queue IS NOT NULL), '{}') AS queues
       FROM users u LEFT JOIN user_queues q ON q.user_id = u.id WHERE u.id = ANY($1::int[]) GROUP BY u.id`,
      [ids],
    );
    return new Map(r.rows.map((a) => [a.id, a]));
  }

  private broadcast(team: TeamState, message: LiveMessage): void {
    const text = JSON.stringify(message);
    for (const socket of team.sockets.keys()) socket.send(text);
  }
}

interface Account {
  role: Role;
  team_id: number | null;
  disabled: boolean;
  queues: string[];
}
