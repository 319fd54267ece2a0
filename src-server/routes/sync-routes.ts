import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { PullQuery, PushEnvelope, type Role } from '../../src-shared/sync/contract';
import type { Services } from '../services';
import { authenticate, predatesReset } from './authenticate';
import { validate } from './validate';
import { LiveFeed } from '../services/sync/live-feed';

/** Changes the push's answer carries at most (a pull's default page); a longer stretch is pulled on. */
const PUSH_PULL_LIMIT = 500;

/** Who holds a live channel, as her token said when it opened. */
interface LiveViewer {
  userId: number;
  username: string;
  teamId: number;
  role: Role;
  issuedAt: number;
}

export function syncRoutes(app: FastifyInstance, s: Services): void {
  app.post('/v1/sync/push', async (req) => {
    const v = await authenticate(req, s.tokens, s.accounts);
    const body = validate(PushEnvelope, req.body, 'push');
    await s.sessions.seen(v.userId);
    const answer = await s.push.push(v, body);
    if (body.after === undefined || v.teamId === null) return answer;
    // What a pull after the desktop's cursor would bring, read after the push committed (its own changes with the
    // server's versions, and the team's meanwhile), under the same policy. The push stands whatever happens here:
    // a failed read leaves the answer without it, and the desktop pulls.
    try {
      return { ...answer, pull: await s.pull.pull(v, body.after, PUSH_PULL_LIMIT, body.clientId, body.waiting) };
    } catch (err) {
      req.log.warn({ error: (err as Error).message }, 'push: could not read the changes after the cursor; the desktop pulls');
      return answer;
    }
  });

  app.get('/v1/sync/pull', async (req) => {
    const v = await authenticate(req, s.tokens, s.accounts);
    const q = validate(PullQuery, req.query, 'pull query');
    await s.sessions.seen(v.userId);
    return s.pull.pull(v, q.after, q.limit, q.clientId, q.waiting);
  });

  app.get('/v1/team/desktops', async (req) => {
    const v = await authenticate(req, s.tokens, s.accounts);
    return { desktops: await s.pull.desktops(v) };
  });

  // The live channel: when the team's feed moves on, each desktop gets what she may see of it (or a wake-up).
  const live = new LiveFeed(s.pool, app.log);
  // Every open channel and whose it is: closed when her token expires or her account changes.
  const sockets = new Map<WebSocket, LiveViewer>();
  s.notifier.on('changed', (teamId, seq) => live.changed(teamId, seq));
  s.notifier.on('knowledge', (seq) => {
    for (const ws of sockets.keys()) ws.send(JSON.stringify({ type: 'knowledge', seq }));
  });
  // Notifications may have been lost while the listener was away: every channel's account is checked again too.
  s.notifier.on('all', () => {
    live.all();
    void recheck(() => true);
  });
  s.notifier.on('account', (userId) => void recheck((v) => v.userId === userId));
  /**
   * Closes the channels whose account no longer lets them in (disabled, moved, or her sessions ended after the
   * token was issued), with 4401: the desktop asks for a fresh token and either comes back or is signed out.
   */
  const recheck = async (which: (v: LiveViewer) => boolean): Promise<void> => {
    for (const [ws, v] of [...sockets].filter(([, v]) => which(v))) {
      const user = await s.users.withQueues(v.userId).catch(() => undefined);
      if (user === undefined) continue;
      if (!user || user.disabled || user.team_id !== v.teamId || user.role !== v.role || predatesReset(v.issuedAt, user.sessions_reset_at)) {
        app.log.info({ user: v.username }, 'live channel closed: account changed');
        ws.close(4401, 'account changed');
      }
    }
  };
  app.get('/v1/sync/live', { websocket: true }, (socket, req) => {
    // Registered before the token is checked: a socket that closes meanwhile is never left in the map.
    let closed = false;
    let expiry: NodeJS.Timeout | undefined;
    socket.on('close', () => {
      closed = true;
      clearTimeout(expiry);
      sockets.delete(socket);
      live.remove(socket);
    });
    authenticate(req, s.tokens, s.accounts).then(
      (v) => {
        if (closed) return;
        if (v.teamId === null) return socket.close(4403, 'no team');
        sockets.set(socket, { userId: v.userId, username: v.username, teamId: v.teamId, role: v.role, issuedAt: v.issuedAt });
        live.add(socket, { ...v, teamId: v.teamId }, v.expiresAt);
        // A channel lives no longer than the token that opened it: the desktop reconnects with a fresh one.
        expiry = setTimeout(() => {
          req.log.info({ user: v.username }, 'live channel closed: token expired');
          socket.close(4401, 'token expired');
        }, Math.max(0, v.expiresAt - Date.now()));
        req.log.info({ user: v.username }, 'live channel open');
        // Being connected is being seen (a callback stays with its agent while her desktop is here).
        const seen = () => void s.sessions.seen(v.userId).catch((err: Error) => req.log.warn({ error: err.message }, 'could not note the desktop as seen'));
        seen();
        socket.on('message', seen);
        // Where the team's feed stands, read after the socket joined (so nothing later is missed): a desktop whose
        // last pull got there has nothing to fetch, and a reconnecting floor does not pull twice.
        // It names the published knowledge's position too: a desktop that was away (its server process restarted,
        // the network down) pulls what was published meanwhile, and only then.
        s.pool.query<{ feed_seq: string; knowledge: string }>('SELECT t.feed_seq, k.seq AS knowledge FROM teams t, knowledge_feed k WHERE t.id = $1 AND k.id = 1', [v.teamId]).then(
          (r) => {
            const seq = Number(r.rows[0]?.feed_seq ?? -1);
            if (seq >= 0) live.known(socket, seq);
            socket.send(JSON.stringify(r.rows[0] ? { type: 'changed', seq, knowledge: Number(r.rows[0].knowledge) } : { type: 'changed', seq }));
          },
          () => socket.send(JSON.stringify({ type: 'changed', seq: -1 })),
        );
      },
      () => socket.close(4401, 'sign in again'),
    );
  });
  app.addHook('onClose', async () => {
    for (const ws of live.sockets) ws.close(1001, 'server stopping');
  });
}
