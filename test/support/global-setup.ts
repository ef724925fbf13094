import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ensureDevelopmentAuditKey } from '../../config/audit-key';
import { parseConfig } from '../../config/config';
import { profiles, startStack, stopLeftoverServers } from '../../scripts/dev-stack/stack';

/**
 * Starts real Temporal and FerretDB servers for the integration tests (their own ports and data folder,
 * so a running `npm start` is never touched), and bundles the workflows once for every test file.
 */
export default async function globalSetup(): Promise<void> {
  const profile = profiles.test;
  const external = Boolean(process.env.TEMPORAL_ADDRESS && process.env.MONGODB_URI);
  if (!external) {
    // A run that was killed may have left its servers behind; they are found through the pid files we are about to wipe.
    await stopLeftoverServers(profile);
    await rm(profile.dataDir, { recursive: true, force: true });
  }
  await mkdir(profile.dataDir, { recursive: true });
  // Decisions are signed and webhook secrets sealed with a key outside the database: the tests get one
  // of their own (and a place for audit checkpoints) unless one is configured.
  process.env.DEALREG_DATA_DIR ??= profile.dataDir;
  ensureDevelopmentAuditKey(parseConfig(process.env));
  const stack = await startStack(profile);
  (globalThis as { __dealregStack?: typeof stack }).__dealregStack = stack;
  process.env.TEMPORAL_ADDRESS = stack.temporalAddress;
  process.env.MONGODB_URI = stack.mongodbUri;
  // For tests of the stack's PostgreSQL (FerretDB's storage): its superuser URL and its server log.
  if (stack.postgresUrl) process.env.DEALREG_TEST_POSTGRES_URL = stack.postgresUrl;
  if (stack.postgresLogFile) process.env.DEALREG_TEST_POSTGRES_LOG = stack.postgresLogFile;
  // The mail tests send through SMTP_URL and read what arrived through Mailpit's API.
  if (stack.smtpUrl) process.env.SMTP_URL = stack.smtpUrl;
  if (stack.mailWebUrl) process.env.DEALREG_TEST_MAILPIT_URL = stack.mailWebUrl;

  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
  });
  const bundlePath = path.join(profile.dataDir, 'workflow-bundle.js');
  await writeFile(bundlePath, bundle.code);
  process.env.DEALREG_TEST_WORKFLOW_BUNDLE = bundlePath;
}
