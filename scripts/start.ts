import path from 'node:path';
import { ensureDevelopmentAuditKey } from '../config/audit-key';
import { auditCheckpointDir, auditKeyFile, ConfigError, parseConfig } from '../config/config';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { upgradeStoredData } from '../db/upgrade';
import { ensureConsoleBuilt } from './console-build';
import { seedDemoDataIfEmpty } from './demo-data';
import { type ManagedProcess, spawnManaged, waitUntilReady } from './dev-stack/processes';
import { profiles, progress, projectRoot, startStack } from './dev-stack/stack';

/**
 * `npm start`: the two servers (unless TEMPORAL_ADDRESS / MONGODB_URI name existing ones), demo data
 * in an empty database, then the worker and the API as separate processes. Ctrl-C stops all of it,
 * in order: API, worker, Temporal, FerretDB.
 */
async function main(): Promise<void> {
  const profile = profiles.dev;
  const stack = await startStack(profile);
  const children: ManagedProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    progress('stopping…');
    for (const child of [...children].reverse()) await child.stop();
    await stack.stop();
    progress('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const env = {
      ...process.env,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      MONGODB_URI: stack.mongodbUri,
      DEALREG_DATA_DIR: process.env.DEALREG_DATA_DIR ?? profile.dataDir,
      WORKER_METRICS_PORT: process.env.WORKER_METRICS_PORT ?? '9464',
      ...(stack.temporalUiUrl ? { TEMPORAL_UI_URL: stack.temporalUiUrl } : {}),
      ...(stack.smtpUrl ? { SMTP_URL: stack.smtpUrl } : {}),
    };
    const cfg = parseConfig(env);
    const createdKey = ensureDevelopmentAuditKey(cfg);
    if (createdKey)
      progress(
        `created a development audit key in ${createdKey}: a deployment sets DEALREG_AUDIT_KEY or DEALREG_AUDIT_KEY_FILE`,
      );
    await connectDatabase(cfg.MONGODB_URI);
    await ensureIndexes();
    const upgraded = await upgradeStoredData();
    for (const [step, changed] of Object.entries(upgraded)) progress(`upgraded stored data: ${step} (${changed})`);
    const seeded = await seedDemoDataIfEmpty(cfg.DEALREG_ADMIN_KEY);
    await disconnectDatabase();
    await ensureConsoleBuilt();

    const runDir = path.join(profile.dataDir, 'run');
    for (const [name, entry] of [
      ['worker', 'worker/main.ts'],
      ['api', 'api/main.ts'],
    ] as const) {
      const child = await spawnManaged({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', entry],
        cwd: projectRoot,
        runDir,
        env,
      });
      children.push(child);
      child.exited.then((exitCode) => {
        if (!stopping) {
          progress(`${name} exited unexpectedly (code ${exitCode}); see ${child.logFile}`);
          void stopAll(1);
        }
      });
    }
    const apiUrl = `http://${cfg.API_HOST === '0.0.0.0' ? '127.0.0.1' : cfg.API_HOST}:${cfg.API_PORT}`;
    await waitUntilReady(children[1], 'the API', async () => (await fetch(`${apiUrl}/readyz`)).ok, 120_000);

    if (seeded) printKeys(seeded, Boolean(cfg.DEALREG_ADMIN_KEY));
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
      'Ctrl-C stops everything; the data stays in .data/dev for the next start.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`dealreg: ${error.message}\n`);
    else process.stderr.write(`dealreg: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

function printKeys(keys: Awaited<ReturnType<typeof seedDemoDataIfEmpty>> & object, adminFromEnv: boolean): void {
  const rows = keys
    .filter((k) => !(k.role === 'admin' && adminFromEnv))
    .map((k) => `  ${k.role.padEnd(16)} ${(k.boundTo ?? '').padEnd(22)} ${k.key}`);
  process.stdout.write(
    [
      '',
      'Demo data seeded. These API keys are shown this once (only their hashes are stored):',
      ...rows,
      adminFromEnv ? '  admin            (the key in DEALREG_ADMIN_KEY)' : '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(`dealreg: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
