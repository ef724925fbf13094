import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { insertEachOnce } from '../../db/insert-once';
import { Registration } from '../../db/registrations';
import { serverAppliesGuardsAtomically } from '../../db/server-traits';
import { toolPath } from '../../scripts/dev-stack/tools';
import { submitRegistration } from '../../services/submit-registration';
import { registrationStateQuery } from '../../workflows/definitions';
import { publishTestPolicy, seedPartners, submission } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('foundation');
  await seedPartners();
  await publishTestPolicy();
});

afterAll(async () => {
  await system?.shutdown();
});

test('a registration runs as a real workflow on the dev server and its decision is stored in FerretDB', async () => {
  const { registration } = await submitRegistration(system, 'value-var', submission({ uei: 'ABCDEF123456' }));
  expect(registration.status).toBe('pending');
  expect(registration.sequence).toBeGreaterThan(0);

  const decided = await eventually(async () => {
    const doc = await Registration.findById(registration._id).lean().exec();
    return doc?.status === 'approved' ? doc : undefined;
  }, 'the registration to be approved');
  expect(decided.decisions).toHaveLength(1);
  expect(decided.protectedUntil).toBeInstanceOf(Date);

  const handle = system.temporal.workflow.getHandle(registration.workflowId);
  // The document is written by the decision's activity, which the workflow hears of a moment later.
  const state = await eventually(async () => {
    const seen = await handle.query(registrationStateQuery);
    return seen.status === 'pending' ? undefined : seen;
  }, 'the workflow to hear of its decision');
  expect(state.status).toBe('approved');
  const description = await handle.describe();
  expect(description.taskQueue).toBe(system.taskQueue);
});

test('search attributes follow the registration, so `temporal workflow list --query` finds it', async () => {
  const { registration } = await submitRegistration(system, 'small-boutique', submission({ uei: 'QWERTY123456' }));
  const query = `DealregStatus = "approved" AND DealregResellerId = "small-boutique" AND DealregCustomerKeys = "uei:QWERTY123456"`;
  const found = await eventually(async () => {
    for await (const execution of system.temporal.workflow.list({ query })) {
      if (execution.workflowId === registration.workflowId) return execution;
    }
    return undefined;
  }, 'the registration in Temporal visibility');
  expect(found.searchAttributes.DealregDistributorId).toEqual(['dist-a']);

  // The same query through the Temporal CLI that auditors use.
  const { stdout } = await promisify(execFile)(toolPath('temporal'), [
    'workflow',
    'list',
    '--address',
    process.env.TEMPORAL_ADDRESS!,
    '--query',
    query,
    '--output',
    'json',
  ]);
  expect(stdout).toContain(registration.workflowId);
});

test('the database is recognized as FerretDB, whose filters beyond _id are not atomic, so guards are not sent', () => {
  expect(serverAppliesGuardsAtomically()).toBe(false);
});

test('insertEachOnce inserts in one command what is not stored yet and tells which it inserted', async () => {
  interface Probe {
    _id: string;
    note: string;
  }
  const ProbeModel = mongoose.model<Probe>(
    'InsertEachProbe',
    new mongoose.Schema<Probe>({ _id: String, note: { type: String, required: true } }, { versionKey: false }),
    'inserteachprobes',
  );
  const probes = (ids: string[]) => ids.map((id) => ({ _id: `probe|${id}`, note: id }));
  expect(await insertEachOnce(ProbeModel, probes(['a', 'b']))).toEqual([true, true]);
  expect(await insertEachOnce(ProbeModel, probes(['a', 'c', 'b', 'd']))).toEqual([false, true, false, true]);
  expect(await insertEachOnce(ProbeModel, [])).toEqual([]);
  // A document the schema refuses stops the call before anything is stored (insertMany would skip it).
  await expect(
    insertEachOnce(ProbeModel, [...probes(['e']), { _id: 'probe|f', note: { not: 'a string' } } as never]),
  ).rejects.toThrow(/note/);
  const stored = await ProbeModel.find().lean<Probe[]>().exec();
  expect(stored.map((doc) => doc._id).sort()).toEqual(['a', 'b', 'c', 'd'].map((id) => `probe|${id}`));
});
