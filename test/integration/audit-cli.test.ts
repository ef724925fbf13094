import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { auditKeys } from '../../config/audit-key';
import { createApiKey } from '../../db/apikeys';
import { AuditLog, type AuditLogDoc, auditEntryOf, auditLogId, hashAuditEntry } from '../../db/audit-log';
import { hashDecision, sealDecision } from '../../db/decision-log';
import { type DecisionRecord, Registration, type RegistrationDoc } from '../../db/registrations';
import { closeRegistration } from '../../services/commands';
import { publishTestPolicy, seedPartners, submission } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { registration, submitAndDecide } from '../support/lifecycle';

const run = promisify(execFile);
let system: TestSystem;
let checkpointDir: string;

beforeAll(async () => {
  system = await startTestSystem('audit');
  checkpointDir = await mkdtemp(path.join(os.tmpdir(), 'dealreg-checkpoints-'));
  await seedPartners();
  await publishTestPolicy({ model: 'open', timing: { protection: 'PT1H', expiryReminder: 'PT10M' } });
});
afterAll(async () => system?.shutdown());

/** Runs `npm run audit -- <args>` the way an auditor would, against this test's database. */
function audit(...args: string[]) {
  return auditWith({}, ...args);
}

function auditWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const root = path.resolve(__dirname, '..', '..');
  return run(path.join(root, 'node_modules', '.bin', 'tsx'), ['services/audit-cli.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      MONGODB_URI: system.mongodbUri,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
      DEALREG_AUDIT_CHECKPOINT_DIR: checkpointDir,
      ...env,
    },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

/**
 * What a database writer can do without the audit key: edit, then recompute every hash of the chain
 * and the head, exactly as the code does (signatures are left as they were, or dropped).
 */
async function rewriteChain(
  id: string,
  edit: (decisions: DecisionRecord[]) => void,
  options: { dropSignatures?: boolean; set?: Partial<RegistrationDoc> } = {},
) {
  const doc = await registration(id);
  const decisions = structuredClone(doc.decisions);
  edit(decisions);
  let prevHash = '0'.repeat(64);
  const rewritten = decisions.map((decision) => {
    const { hash: _old, ...rest } = decision;
    const entry = options.dropSignatures
      ? (({ signature: _s, keyId: _k, factsHash: _f, ...unsigned }) => unsigned)(rest)
      : rest;
    const unhashed = { ...entry, prevHash };
    prevHash = hashDecision(unhashed);
    return { ...unhashed, hash: prevHash };
  });
  await Registration.updateOne(
    { _id: id },
    { $set: { decisions: rewritten, lastDecisionHash: prevHash, status: rewritten.at(-1)?.toStatus, ...options.set } },
  ).exec();
}

test('prints the timeline, verifies the signed chain, the global log and the history, and replays it', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission());
  const { keyId } = await createApiKey({
    role: 'reseller',
    resellerId: 'value-var',
    label: 'Rita at Value VAR',
    createdBy: 'test',
  });
  await closeRegistration(
    system.temporal,
    approved._id,
    { role: 'reseller', actor: { kind: 'key', id: keyId } },
    { outcome: 'won' },
  );
  await system.temporal.workflow.getHandle(approved.workflowId).result();
  const report = await audit(approved._id);
  expect(report.stdout).toContain('Hash chain: intact (2 entries)');
  expect(report.stdout).toContain('Global audit log: every signed decision is there');
  expect(report.stdout).toContain('Decisions against the workflow history: all agree');
  expect(report.stdout).toContain('weighRegistration completed: verdict approve');
  expect(report.stdout).toContain('recordStep completed: approved');
  expect(report.stdout).toContain('update close accepted');
  expect(report.stdout).toContain('Replay against the current workflow code: deterministic');
  // Who closed it, named when read (entries hold the id only).
  expect(report.stdout).toContain(`by reseller key ${keyId} (Rita at Value VAR)`);
  expect(report.code).toBe(0);

  // Someone edits a stored decision: the chain no longer verifies and the command says so.
  await Registration.updateOne({ _id: approved._id }, { $set: { 'decisions.0.explanation': 'edited later' } }).exec();
  const tampered = await audit(approved._id);
  expect(tampered.stdout).toContain('Hash chain: BROKEN at entry 0');
  expect(tampered.code).toBe(1);
}, 120_000);

test('a changed status with every hash and the head recomputed is caught', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission());
  await rewriteChain(approved._id, (decisions) => {
    decisions[0]!.toStatus = 'rejected';
    decisions[0]!.reasonCode = 'already-registered';
  });
  const report = await audit(approved._id);
  expect(report.stdout).toContain('Hash chain: BROKEN at entry 0: signature does not verify');
  expect(report.stdout).toContain('stored rejected (already-registered), the workflow recorded approved');
  expect(report.code).toBe(1);
}, 120_000);

test('a changed customer is caught, though no decision was touched', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission());
  await Registration.updateOne(
    { _id: approved._id },
    { $set: { customer: { ...approved.customer, name: 'Someone Else Entirely Inc' } } },
  ).exec();
  const report = await audit(approved._id);
  expect(report.stdout).toContain('Hash chain: BROKEN at entry 0: the registration’s core facts');
  expect(report.code).toBe(1);
}, 120_000);

test('a rewritten chain with its signatures stripped (as if legacy) is caught by the global log', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission());
  await rewriteChain(
    approved._id,
    (decisions) => {
      decisions[0]!.toStatus = 'rejected';
    },
    { dropSignatures: true },
  );
  const report = await audit(approved._id);
  expect(report.stdout).toContain('1 unsigned (legacy)');
  expect(report.stdout).toContain('Global audit log: MISMATCH');
  expect(report.stdout).toContain('that is not in the chain');
  expect(report.code).toBe(1);
}, 120_000);

test('a decision re-signed with the key but differing from the workflow’s result is reported', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission());
  const doc = await registration(approved._id);
  const { hash: _h, signature: _s, keyId: _k, factsHash: _f, ...unsealed } = doc.decisions[0]!;
  const resealed = sealDecision(
    { ...unsealed, toStatus: 'rejected', reasonCode: 'already-registered' },
    doc,
    auditKeys(),
  );
  await Registration.updateOne(
    { _id: approved._id },
    {
      $set: {
        decisions: [resealed],
        lastDecisionHash: resealed.hash,
        status: 'rejected',
        reasonCode: 'already-registered',
      },
    },
  ).exec();
  const report = await audit(approved._id);
  expect(report.stdout).toContain('Hash chain: intact (1 entries)');
  expect(report.stdout).toContain('Decisions against the workflow history: MISMATCH');
  expect(report.stdout).toContain(
    'entry 0 (decision): stored rejected (already-registered), the workflow recorded approved',
  );
  expect(report.code).toBe(1);
}, 120_000);

describe('the global audit log against its checkpoints', () => {
  const entryAt = async (position: number) =>
    (await AuditLog.findById(auditLogId(position)).lean<AuditLogDoc>().exec()) as AuditLogDoc;
  const head = async () => (await AuditLog.findOne().sort({ _id: -1 }).lean<AuditLogDoc>().exec()) as AuditLogDoc;

  test('a checkpoint is written outside the database, and verifies', async () => {
    await submitAndDecide(system, 'value-var', submission());
    await submitAndDecide(system, 'value-var', submission());
    const checked = await audit('--checkpoint');
    expect(checked.stdout).toMatch(/^Intact: /m);
    expect(checked.stdout).toContain(`Checkpoint written: ${checkpointDir}`);
    expect(checked.code).toBe(0);
    const [folder] = await readdir(checkpointDir);
    expect(await readdir(path.join(checkpointDir, folder!))).toContain(`${auditLogId((await head()).position)}.json`);
    expect((await audit()).code).toBe(0);

    // An auditor with only the public key verifies, and cannot sign a checkpoint.
    const publicKey = (await audit('--public-key')).stdout.trim();
    const auditor = { DEALREG_AUDIT_KEY_FILE: path.join(checkpointDir, 'none'), DEALREG_AUDIT_PUBLIC_KEY: publicKey };
    expect(await auditWith(auditor)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Intact: /m) });
    expect((await auditWith(auditor, '--checkpoint')).code).toBe(2);
  }, 120_000);

  test('an entry forged after the checkpoint, hashes recomputed, is caught', async () => {
    await submitAndDecide(system, 'value-var', submission());
    const forged = await head();
    const entry = { ...auditEntryOf(forged), toStatus: 'rejected' as const };
    await AuditLog.updateOne(
      { _id: forged._id },
      { $set: { toStatus: 'rejected', hash: hashAuditEntry(entry) } },
    ).exec();
    const report = await audit();
    expect(report.stdout).toContain(`BROKEN at position ${forged.position}: signature does not verify`);
    expect(report.code).toBe(1);
    // Writing a checkpoint over a broken log is refused.
    expect((await audit('--checkpoint')).stdout).not.toContain('Checkpoint written');
    await AuditLog.replaceOne({ _id: forged._id }, forged).exec();
    expect((await audit()).code).toBe(0);
  }, 120_000);

  test('a deleted entry after the checkpoint, and the log cut back behind it, are caught', async () => {
    await audit('--checkpoint');
    const checkpointed = await head();
    await submitAndDecide(system, 'value-var', submission());
    await submitAndDecide(system, 'value-var', submission());
    const middle = await entryAt(checkpointed.position + 1);
    await AuditLog.deleteOne({ _id: middle._id }).exec();
    const gap = await audit();
    expect(gap.stdout).toContain(`BROKEN at position ${middle.position}: missing, while position`);
    expect(gap.code).toBe(1);

    // Cut back to before the checkpoint: what remains verifies on its own, but not against the checkpoint.
    await AuditLog.deleteMany({ position: { $gte: checkpointed.position } }).exec();
    const cut = await audit();
    expect(cut.stdout).toContain(`BROKEN at position ${checkpointed.position}: the checkpoint’s entry is missing`);
    expect(cut.code).toBe(1);
  }, 120_000);
});
