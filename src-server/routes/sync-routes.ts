import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { PullQuery, PushRequest } from '../../src-shared/sync/contract';
import type { Services } from '../services';
import { authenticate } from './authenticate';
import { validate } from './validate';
import { LiveFeed } from '../services/sync/live-feed';

/** When a verified bearer token expires (ms since the epoch): the live channel sends nothing on it after that. */
function tokenExpiry(header: string | undefined): number {
  const exp = decodeJwt((header ?? '').slice(7)).exp;
  return typeof exp === 'number' ? exp * 1000 : 0;
}

export function syncRoutes(app: FastifyInstance, s: Services): void {
  app.post('/v1/sync/push', async (req) => {
    const v = await authenticate(req, s.tokens, s.users);
    const body = validate(PushRequest, req.body, 'push');
    await s.sessions.seen(v.userId);
    return s.push.push(v, body);
  });

  app.get('/v1/sync/pull', async (req) => {
    const v = await authenticate(req, s.tokens, s.users);
    const q = validate(PullQuery, req.query, 'pull query');
    await s.sessions.seen(v.userId);
    return s.pull.pull(v, q.after, q.limit, q.clientId, q.waiting);
  });

  app.get('/v1/team/desktops', async (req) => {
    const v = await authenticate(req, s.tokens, s.users);
    return { desktops: await s.pull.desktops(v) };
  });

  // The live channel: when the team's feed moves on, each desktop gets what she may see of it (or a wake-up).
  const live = new LiveFeed(s.pool, app.log);
  s.notifier.on('changed', (teamId, seq) => live.changed(teamId, seq));
  s.notifier.on('all', () => live.all());
  app.get('/v1/sync/live', { websocket: true }, (socket, req) => {
    // Registered before the token is checked: a socket that closes meanwhile is never left in the map.
    let closed = false;
    socket.on('close', () => {
      closed = true;
      live.remove(socket);
    });
    authenticate(req, s.tokens, s.users).then(
      (v) => {
        if (closed) return;
        if (v.teamId === null) return socket.close(4403, 'no team');
        live.add(socket, { ...v, teamId: v.teamId }, tokenExpiry(req.headers.authorization));
        // Being connected is being seen (a callback stays with its agent while her desktop is here).
        const seen = () => void s.sessions.seen(v.userId).catch((err: Error) => req.log.warn({ error: err.message }, 'could not note the desktop as seen'));
        seen();
        socket.on('message', seen);
        // Where the team's feed stands, read after the socket joined (so nothing later is missed): a desktop whose
        // last pull got there has nothing to fetch, and a reconnecting floor does not pull twice.
        s.pool.query<{ feed_seq: string }>('SELECT feed_seq FROM teams WHERE id = $1', [v.teamId]).then(
          (r) => socket.send(JSON.stringify({ type: 'changed', seq: Number(r.rows[0]?.feed_seq ?? -1) })),
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
