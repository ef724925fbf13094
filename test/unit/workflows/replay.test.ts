import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { historyFromFixture } from '../../support/history-fixtures';

/**
 * Every recorded life (test/fixtures/histories, written by `npm run record-histories`) replayed against
 * the current workflow code. A change that would break running workflows (a new activity before an old
 * one, a removed timer) fails here; make it with `patched()` instead (README, "Changing workflows").
 */
const fixturesDir = path.resolve(__dirname, '..', '..', 'fixtures', 'histories');
const fixtures = (readdirSync(fixturesDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.json'));
const startInputOf = (name: string) =>
  historyFromFixture(JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8'))).events[0]
    ?.workflowExecutionStartedEventAttributes;

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../../workflows'),
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
  });
}, 60_000);

test('there is a recorded history for every path', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
});

test('the workflow bundle leaves zod out: each workflow evaluates the modules it imports again', () => {
  // Measured by replaying one history 300 times: about 5 ms of CPU more per workflow with zod in.
  expect(bundle.code).not.toMatch(/node_modules\/zod\//);
});

test('every workflow type has recorded lives', () => {
  const types = new Set(fixtures.map((name) => startInputOf(name)?.workflowType?.name));
  expect([...types].sort()).toEqual([
    'disputeWorkflow',
    'escalationWorkflow',
    'policyChangeWorkflow',
    'registrationWorkflow',
  ]);
});

test.each(fixtures)('%s replays deterministically against the current workflows', async (name) => {
  const history = historyFromFixture(JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')));
  const workflowType = history.events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
  expect(workflowType).toMatch(/^(registrationWorkflow|escalationWorkflow|policyChangeWorkflow|disputeWorkflow)$/);
  await expect(
    Worker.runReplayHistory({ workflowBundle: bundle, replayName: name }, history, `replay-${name}`),
  ).resolves.toBeUndefined();
});
