import { auditKeys } from '../config/audit-key';
import { apiPublicUrl, config } from '../config/config';
import { createLogger } from '../config/logger';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { createApp } from './app';
import { bootstrapAdminKey } from './bootstrap-admin';
import { rateLimitStoresFor } from './rate-limit';
import { listen } from './server';
import { connectApiTemporalClient } from './temporal';

async function main(): Promise<void> {
  const cfg = config();
  const logger = createLogger('dealreg-api', cfg.LOG_LEVEL);
  // Webhook secrets are sealed with it: fail now rather than at the first PUT /webhooks.
  auditKeys();
  await connectDatabase(cfg.MONGODB_URI);
  await ensureIndexes();
  const { adminKey, revoked } = await bootstrapAdminKey(cfg.DEALREG_ADMIN_KEY);
  if (revoked.length > 0) logger.warn({ revoked }, 'DEALREG_ADMIN_KEY changed: the previous bootstrap key is revoked');
  if (adminKey === 'none') logger.warn('DEALREG_ADMIN_KEY is not set: no admin key was bootstrapped');
  const temporal = await connectApiTemporalClient(cfg);
  const rateLimitStores = await rateLimitStoresFor(cfg);
  const app = createApp({ temporal, taskQueue: cfg.TEMPORAL_TASK_QUEUE, logger, config: cfg, rateLimitStores });
  const running = await listen(app, cfg.API_HOST, cfg.API_PORT, logger);
  logger.info({ url: apiPublicUrl(cfg), adminKey, rateLimitStore: rateLimitStores.kind }, 'dealreg API listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    let exitCode = 0;
    try {
      await running.shutdown();
    } catch (error) {
      logger.error({ err: error }, 'the server did not close cleanly');
      exitCode = 1;
    }
    // Connections close only after the last request is answered: those requests still needed them.
    await temporal.connection.close().catch(() => undefined);
    await rateLimitStores.close().catch(() => undefined);
    await disconnectDatabase().catch(() => undefined);
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `dealreg API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
