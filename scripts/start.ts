import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDevelopmentAuditKey } from '../config/audit-key';
import { auditCheckpointDir, auditKeyFile, type Config, ConfigError, parseConfig } from '../config/config';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { ensureConsoleBuilt } from './console-build';
import { describeSeeded, seedDemoDataIfEmpty } from './demo-data';
import { claimStack } from './dev-stack/pid-files';
import { spawnManaged } from './dev-stack/processes';
import { installStopHandlers, isStopping, stopAndExit } from './dev-stack/shutdown';
import {
  progress,
  projectRoot,
  type RunningStack,
  runDirOf,
  type StackProfile,
  startProfile,
  startStack,
  stopLeftoversOf,
} from './dev-stack/stack';
import { Supervisor } from './dev-stack/supervise';

/** How long the worker and the API may take to come up the first time (the worker bundles its workflows). */
const READY_TIMEOUT_MS = 300_000;

/**
 * `npm start`: the servers (unless TEMPORAL_ADDRESS / MONGODB_URI name existing ones), demo data in an
 * empty database, then the worker and the API as separate processes, each restarted when it crashes.
 * SIGINT or SIGTERM stops all of it, in order (API, worker, FerretDB, PostgreSQL, Temporal), at any moment.
 */
async function main(): Promise<void> {
  const supervisor = new Supervisor({
    say: progress,
    giveUp: (message) => void stopAndExit(1, `${message}; stopping dealreg`),
  });
  let stack: RunningStack | undefined;
  installStopHandlers({
    say: progress,
    stop: async (deadline) => {
      await (stack ? stack.stop(deadline) : supervisor.stop(deadline));
    },
  });

  const profile = startProfile(process.env);
  const runDir = runDirOf(profile);
  await mkdir(runDir, { recursive: true });
  await claimStack(runDir);
  await stopLeftoversOf(profile);
  stack = await startStack(profile, process.env, supervisor);
  const cfg = parseConfig(serviceEnv(profile, stack));
  await prepareData(cfg);
  await ensureConsoleBuilt();

  for (const [name, entry] of [
    ['worker', 'worker/main.ts'],
    ['api', 'api/main.ts'],
  ] as const) {
    await supervisor.start({
      name,
      stopTimeoutMs: 8_000,
      start: () =>
        spawnManaged({
          name,
          command: process.execPath,
          args: ['--import', 'tsx', entry],
          cwd: projectRoot,
          runDir,
          env: serviceEnv(profile, stack as RunningStack),
        }),
    });
  }
  const apiUrl = `http://${cfg.API_HOST === '0.0.0.0' ? '127.0.0.1' : cfg.API_HOST}:${cfg.API_PORT}`;
  await waitUntilReadyForRegistrations(apiUrl);
  printUrls(cfg, apiUrl, stack, runDir, profile);
}

function serviceEnv(profile: StackProfile, stack: RunningStack): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    MONGODB_URI: stack.mongodbUri,
    DEALREG_DATA_DIR: process.env.DEALREG_DATA_DIR ?? profile.dataDir,
    API_PORT: process.env.API_PORT ?? String(profile.apiPort ?? 3000),
    WORKER_METRICS_PORT: process.env.WORKER_METRICS_PORT ?? String(profile.workerMetricsPort ?? 9464),
    ...(stack.temporalUiUrl ? { TEMPORAL_UI_URL: stack.temporalUiUrl } : {}),
    ...(stack.smtpUrl ? { SMTP_URL: stack.smtpUrl } : {}),
  };
}

/** The audit key, indexes and, in an empty database, the demo data. */
async function prepareData(cfg: Config): Promise<void> {
  const createdKey = ensureDevelopmentAuditKey(cfg);
  if (createdKey)
    progress(
      `created a development audit key in ${createdKey}: a deployment sets DEALREG_AUDIT_KEY or DEALREG_AUDIT_KEY_FILE`,
    );
  await connectDatabase(cfg.MONGODB_URI);
  try {
    await ensureIndexes();
    const seeded = await seedDemoDataIfEmpty(cfg.DEALREG_ADMIN_KEY);
    if (seeded) process.stdout.write(describeSeeded(seeded, Boolean(cfg.DEALREG_ADMIN_KEY)));
  } finally {
    await disconnectDatabase();
  }
}

/** Ready means a registration can be taken: the API answers /readyz, which needs a worker polling too. */
async function waitUntilReadyForRegistrations(apiUrl: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let reason = 'the API does not answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      reason = ((await response.json()) as { reason?: string }).reason ?? `HTTP ${response.status}`;
    } catch {
      // Not listening yet, or restarting.
    }
    await sleep(500);
  }
  throw new Error(`dealreg was not ready within ${READY_TIMEOUT_MS / 1000} s (${reason})`);
}

function printUrls(cfg: Config, apiUrl: string, stack: RunningStack, runDir: string, profile: StackProfile): void {
  const lines = [
    '',
    'dealreg is running:',
    `  API            ${apiUrl}/api/v1`,
    `  OpenAPI        ${apiUrl}/api/v1/openapi.json`,
    `  Console        ${apiUrl}/console`,
    `  Temporal UI    ${stack.temporalUiUrl ?? cfg.TEMPORAL_UI_URL}`,
    ...(stack.mailWebUrl
      ? [
          `  Mail catcher   ${stack.mailWebUrl}${stack.mailWebUi ? '' : ' (Mailpit API only: its web interface could not be built)'}`,
        ]
      : []),
    `  Logs           ${runDir}`,
    `  Audit key      ${cfg.DEALREG_AUDIT_KEY ? 'DEALREG_AUDIT_KEY' : auditKeyFile(cfg)} (npm run audit -- --checkpoint writes to ${auditCheckpointDir(cfg)})`,
    '',
    `Ctrl-C stops everything; the data stays in ${profile.dataDir} for the next start.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  // A stop under way makes the start-up fail (nothing new may start): that is no error of its own.
  if (isStopping()) return;
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  void stopAndExit(1, message);
});
