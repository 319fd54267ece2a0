import { buildApp } from '../app';
import { loadServerConfig } from '../config';
import { migrate } from '../db/migrate';
import { sweepDueCallbacks } from '../services/routing/callback-sweep';

/** The team server process: configuration, migrations, the HTTP/WebSocket service, the callback sweep. */
async function main(): Promise<void> {
  const config = loadServerConfig();
  const { app, services } = await buildApp(config);
  const { applied } = await migrate(services.pool);
  if (applied.length) app.log.info({ applied }, 'database migrated');
  await services.notifier.start();
  await app.listen({ host: config.host, port: config.port });
  const sweep = setInterval(() => {
    sweepDueCallbacks(services.pool, config.offlineAfterSeconds).then(
      (n) => n && app.log.info({ callbacks: n }, 'due callbacks fell to the team queue'),
      (err: Error) => app.log.warn({ error: err.message }, 'callback sweep failed; trying again'),
    );
  }, config.callbackSweepSeconds * 1000);
  const retention = setInterval(() => {
    services.recordings.sweep().then(
      (n) => n && app.log.info({ recordings: n }, 'recordings past their retention deleted'),
      (err: Error) => app.log.warn({ error: err.message }, 'recording retention sweep failed; trying again'),
    );
  }, config.recordingSweepSeconds * 1000);
  const stop = () => {
    clearInterval(sweep);
    clearInterval(retention);
    // Requests in flight get a few seconds to finish; a client holding a download open does not keep the process.
    setTimeout(() => {
      app.log.warn({}, 'stopping: requests still open after 5 s are cut');
      process.exit(0);
    }, 5000).unref();
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: Error) => {
  process.stderr.write(JSON.stringify({ level: 60, msg: 'team server could not start', error: err.message }) + '\n');
  process.exit(1);
});
