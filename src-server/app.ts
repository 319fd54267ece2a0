import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { HttpError } from './http-error';
import { authRoutes } from './routes/auth-routes';
import { recordingRoutes } from './routes/recording-routes';
import { reportRoutes } from './routes/report-routes';
import { knowledgeRoutes } from './routes/knowledge-routes';
import { syncRoutes } from './routes/sync-routes';
import { teamRoutes } from './routes/team-routes';
import { buildServices, type Services } from './services';

/** The HTTP + WebSocket service over one database. Stateless: any number of processes may run side by side. */
export async function buildApp(config: ServerConfig): Promise<{ app: FastifyInstance; services: Services }> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers["recording-metadata"]', 'body.password', 'body.refreshToken'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
  });
  const services = buildServices(config, app.log);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof HttpError) {
      void reply.status(err.status).headers(err.headers).send({ error: err.code, message: err.message });
      return;
    }
    const status = err.statusCode;
    if (status && status >= 400 && status < 500) {
      req.log.warn({ error: err.message }, 'request refused');
      const message = status === 413 ? `The request is larger than ${config.bodyLimitBytes} bytes: send fewer changes at once.` : err.message;
      void reply.status(status).send({ error: status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST', message });
      return;
    }
    req.log.error({ error: err.message, stack: err.stack }, 'request failed');
    void reply.status(503).header('retry-after', '2').send({ error: 'UNAVAILABLE', message: 'The team server could not finish this; it will be retried.' });
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await services.pool.query('SELECT 1');
      return { ok: true };
    } catch (err) {
      return reply.status(503).send({ ok: false, database: (err as Error).message });
    }
  });
  authRoutes(app, services);
  syncRoutes(app, services);
  recordingRoutes(app, services, config);
  teamRoutes(app, services, config);
  knowledgeRoutes(app, services);
  reportRoutes(app, services);
  app.addHook('onClose', async () => {
    await services.notifier.stop();
    await services.pool.end();
    await services.reportsPool.end();
  });
  return { app, services };
}
