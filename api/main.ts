import type { Server } from 'node:http';
import { connectTemporalClient } from '../client/temporal';
import { apiPublicUrl, config } from '../config/config';
import { createLogger } from '../config/logger';
import { ApiKey, createApiKey, hashApiKey } from '../db/apikeys';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { createApp } from './app';

/** In-flight requests get this long to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 25_000;

/** Stores the bootstrap admin key from the environment unless its hash is stored already. */
async function bootstrapAdminKey(key: string | undefined): Promise<'created' | 'present' | 'none'> {
  if (!key) return 'none';
  if (await ApiKey.exists({ _id: hashApiKey(key) }).exec()) return 'present';
  try {
    await createApiKey({ role: 'admin', key, label: 'bootstrap (DEALREG_ADMIN_KEY)', createdBy: 'bootstrap' });
    return 'created';
  } catch (error) {
    // Another API process stored it at the same moment.
    if ((error as { code?: number }).code === 11000) return 'present';
    throw error;
  }
}

async function main(): Promise<void> {
  const cfg = config();
  const logger = createLogger('dealreg-api', cfg.LOG_LEVEL);
  await connectDatabase(cfg.MONGODB_URI);
  await ensureIndexes();
  const adminKey = await bootstrapAdminKey(cfg.DEALREG_ADMIN_KEY);
  if (adminKey === 'none') logger.warn('DEALREG_ADMIN_KEY is not set: no admin key was bootstrapped');
  const temporal = await connectTemporalClient(cfg);
  const app = createApp({ temporal, taskQueue: cfg.TEMPORAL_TASK_QUEUE, logger, config: cfg });

  const server: Server = app.listen(cfg.API_PORT, cfg.API_HOST, () => {
    logger.info({ url: apiPublicUrl(cfg), adminKey }, 'dealreg API listening');
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'the API could not listen');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('requests still running after the grace period: closing their connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close() waits for requests in flight; idle keep-alive connections are closed at once.
    server.close(async (error) => {
      clearTimeout(force);
      await temporal.connection.close().catch(() => undefined);
      await disconnectDatabase().catch(() => undefined);
      logger.info('stopped');
      process.exit(error ? 1 : 0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `dealreg API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
