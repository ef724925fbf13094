import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ensureDevelopmentAuditKey } from '../../config/audit-key';
import { parseConfig } from '../../config/config';
import { installStopHandlers, killUnmanagedChildren, stopLiveProcesses } from '../../scripts/dev-stack/shutdown';
import { profiles, progress, type RunningStack, startStack, stopLeftoversOf } from '../../scripts/dev-stack/stack';
import { Supervisor } from '../../scripts/dev-stack/supervise';

/**
 * Starts real Temporal and FerretDB servers for the integration tests (their own ports and data folder,
 * so a running `npm start` is never touched), and bundles the workflows once for every test file.
 * SIGINT or SIGTERM to jest stops them, after jest's workers, and then what the tests started themselves.
 */
export default async function globalSetup(): Promise<void> {
  const profile = profiles.test;
  const supervisor = new Supervisor({ say: progress, giveUp: progress });
  let stack: RunningStack | undefined;
  installStopHandlers({
    say: progress,
    signalExitCode: 130,
    stop: async (deadline) => {
      killUnmanagedChildren();
      await (stack ? stack.stop(deadline) : supervisor.stop(deadline));
      await stopLiveProcesses(deadline);
      // Jest's workers are gone; what the tests started themselves is found through its pid files.
      await stopLeftoversOf(profile, { recursive: true, whose: 'started by a test' });
    },
  });
  const external = Boolean(process.env.TEMPORAL_ADDRESS && process.env.MONGODB_URI);
  if (!external) {
    // A run that was killed may have left its servers behind (and the tests' own, in subfolders);
    // they are found through the pid files we are about to wipe.
    await stopLeftoversOf(profile, { recursive: true });
    await rm(profile.dataDir, { recursive: true, force: true });
  }
  await mkdir(profile.dataDir, { recursive: true });
  // Decisions are signed and webhook secrets sealed with a key outside the database: the tests get one
  // of their own (and a place for audit checkpoints) unless one is configured.
  process.env.DEALREG_DATA_DIR ??= profile.dataDir;
  ensureDevelopmentAuditKey(parseConfig(process.env));
  stack = await startStack(profile, process.env, supervisor);
  (globalThis as { __dealregStack?: RunningStack }).__dealregStack = stack;
  process.env.TEMPORAL_ADDRESS = stack.temporalAddress;
  process.env.MONGODB_URI = stack.mongodbUri;
  // For tests of the stack's PostgreSQL (FerretDB's storage): its superuser URL and its server log.
  if (stack.postgresUrl) process.env.DEALREG_TEST_POSTGRES_URL = stack.postgresUrl;
  if (stack.postgresLogFile) process.env.DEALREG_TEST_POSTGRES_LOG = stack.postgresLogFile;

  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
  });
  const bundlePath = path.join(profile.dataDir, 'workflow-bundle.js');
  await writeFile(bundlePath, bundle.code);
  process.env.DEALREG_TEST_WORKFLOW_BUNDLE = bundlePath;
}
