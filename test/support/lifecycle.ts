import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Escalation, type EscalationDoc } from '../../db/escalations';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import type { RegistrationStatus, RegistrationSubmission } from '../../domain/registration';
import { submitRegistration } from '../../services/submit-registration';
import { escalationStateQuery, escalationWorkflowId } from '../../workflows/definitions';
import { eventually, type TestSystem } from './harness';
import { historyToFixture } from './history-fixtures';

export async function registration(id: string): Promise<RegistrationDoc> {
  const doc = await Registration.findById(id).lean<RegistrationDoc>().exec();
  if (!doc) throw new Error(`registration ${id} not found`);
  return doc;
}

export function waitForStatus(id: string, status: RegistrationStatus, timeoutMs = 20_000): Promise<RegistrationDoc> {
  return eventually(
    async () => {
      const doc = await registration(id);
      return doc.status === status ? doc : undefined;
    },
    `registration ${id} to be ${status}`,
    timeoutMs,
  );
}

/** Submits and waits for the first decision (any status but pending). */
export async function submitAndDecide(
  system: TestSystem,
  resellerId: string,
  body: RegistrationSubmission,
): Promise<RegistrationDoc> {
  const { registration: submitted } = await submitRegistration(system, resellerId, body);
  return eventually(async () => {
    const doc = await registration(submitted._id);
    return doc.status === 'pending' ? undefined : doc;
  }, `registration ${submitted._id} to be decided`);
}

export function waitForEscalation(
  id: string,
  check: (doc: EscalationDoc) => boolean,
  what: string,
  timeoutMs = 20_000,
) {
  return eventually(
    async () => {
      const doc = await Escalation.findById(id).lean<EscalationDoc>().exec();
      return doc && check(doc) ? doc : undefined;
    },
    `escalation ${id}: ${what}`,
    timeoutMs,
  );
}

/** Waits until the escalation's workflow runs and knows `count` contenders (so an Update finds it ready). */
export async function waitForEscalationWorkflow(system: TestSystem, escalationId: string, count: number) {
  await eventually(async () => {
    const state = await system.temporal.workflow
      .getHandle(escalationWorkflowId(escalationId))
      .query(escalationStateQuery);
    return state.contenders.length === count ? state : undefined;
  }, `escalation ${escalationId} workflow with ${count} contenders`);
  return waitForEscalation(escalationId, (e) => e.contenders.length === count, `${count} contenders`);
}

/** Waits for a workflow to complete and returns its result. */
export function workflowResult(system: TestSystem, workflowId: string) {
  return system.temporal.workflow.getHandle(workflowId).result();
}

/**
 * The current shape's recorded lives. A change that old histories could not replay ships as README
 * "Changing workflows" says; until no run of the old shape is open, its lives stay beside these.
 */
const fixturesDir = path.resolve(__dirname, '..', 'fixtures', 'histories');

/**
 * With DEALREG_RECORD_HISTORIES=1 (npm run record-histories), saves a finished workflow's history as a
 * replay fixture: test/unit/workflows/replay.test.ts replays every fixture against the current workflow code.
 */
export async function recordHistory(system: TestSystem, name: string, workflowId: string): Promise<void> {
  if (process.env.DEALREG_RECORD_HISTORIES !== '1') return;
  const handle = system.temporal.workflow.getHandle(workflowId);
  // Fixtures are whole lives: the test ends the registration before recording it.
  await Promise.race([
    handle.result(),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${workflowId} has not finished`)), 15_000)),
  ]);
  const history = await handle.fetchHistory();
  await mkdir(fixturesDir, { recursive: true });
  await writeFile(path.join(fixturesDir, `${name}.json`), `${JSON.stringify(historyToFixture(history), null, 1)}\n`);
}
