import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { closeRegistration } from '../../client/commands';
import { Registration } from '../../db/registrations';
import { publishTestPolicy, seedPartners, submission } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { submitAndDecide } from '../support/lifecycle';

const run = promisify(execFile);
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('audit');
  await seedPartners();
  await publishTestPolicy({ model: 'open', timing: { protection: 'PT1H', expiryReminder: 'PT10M' } });
});
afterAll(async () => system?.shutdown());

/** Runs `npm run audit -- <id>` the way an auditor would, against this test's database. */
function audit(registrationId: string) {
  const root = path.resolve(__dirname, '..', '..');
  return run(path.join(root, 'node_modules', '.bin', 'tsx'), ['client/audit-cli.ts', registrationId], {
    cwd: root,
    env: { ...process.env, MONGODB_URI: system.mongodbUri, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

test('prints the timeline, verifies the hash chain and replays the history', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission());
  await closeRegistration(system.temporal, approved._id, { kind: 'reseller', keyId: 'key_x' }, 'won');
  await system.temporal.workflow.getHandle(approved.workflowId).result();
  const report = await audit(approved._id);
  expect(report.stdout).toContain('Hash chain: intact (2 entries)');
  expect(report.stdout).toContain('decideRegistration completed: approved');
  expect(report.stdout).toContain('update close accepted');
  expect(report.stdout).toContain('Replay against the current workflow code: deterministic');
  expect(report.code).toBe(0);

  // Someone edits a stored decision: the chain no longer verifies and the command says so.
  await Registration.updateOne({ _id: approved._id }, { $set: { 'decisions.0.explanation': 'edited later' } }).exec();
  const tampered = await audit(approved._id);
  expect(tampered.stdout).toContain('Hash chain: BROKEN at entry 0');
  expect(tampered.code).toBe(1);
}, 120_000);
