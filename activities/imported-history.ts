import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import pLimit from 'p-limit';
import { crashPoint } from '../config/crash-points';
import { CurrentAccounts } from '../db/current-accounts';
import { type HistoryRow, storeHistoryRows } from '../db/history-rows';
import { recordDecisionsFacts } from '../db/insights';
import { findEachById } from '../db/point-reads';
import { currentPolicy } from '../db/policies';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { recordReplayEnds } from '../db/replay-records';
import { importedClosedStatuses, importedEvents, transition } from '../domain/lifecycle';
import { importedEntry } from '../domain/lifecycle-entries';
import type { PolicyVersion } from '../domain/policy/schema';
import type { RegistrationWorkflowInput } from '../workflows/definitions';
import { historyOnlyRegistration, storeHistoryOnly } from './accept';
import { notifyHouseSeller } from './notify';
import { recordStep, requestOf } from './record-step';

/** A migrated registration that arrives in a status that ends its life at once: history only. */
export const isImportedClosed = (status: string): boolean =>
  (importedClosedStatuses as readonly string[]).includes(status);

/** Account look-ups at once while a batch's documents are made. */
const LOOKUPS_IN_FLIGHT = 8;

function arrivalOf({ registrationId, submission }: RegistrationWorkflowInput) {
  const { arrival } = submission;
  if (!arrival || !isImportedClosed(arrival.status))
    throw ApplicationFailure.nonRetryable(`${registrationId} is not a closed import`, 'NotHistory');
  return arrival;
}

/** The `imported` step that records where a closed import stood, on its pending document. */
function importedStep(input: RegistrationWorkflowInput, policyVersion: number) {
  const arrival = arrivalOf(input);
  const { onBehalfOf: _, ...actor } = input.submission.enteredBy;
  return transition(
    { status: 'pending', extensionsUsed: 0 },
    importedEvents[arrival.status],
    importedEntry({ status: 'pending', policyVersion }, arrival, actor),
    { timing: { protectionMs: 0, extensionPeriodMs: 0 }, now: new Date() },
  );
}

/**
 * A closed import, one at a time: the document, then its signed `imported` entry with every effect a
 * recorded end has, through the same `recordStep` a workflow uses. What `storeImportedHistories` falls
 * back on for a document an earlier attempt stored pending and left without its entry.
 */
export async function storeImportedHistory(input: RegistrationWorkflowInput): Promise<void> {
  const stored = await storeHistoryOnly(input, arrivalOf(input));
  await recordStep({ registrationId: input.registrationId, step: importedStep(input, stored.policyVersion) });
}

/**
 * Closed imports, written by the import itself and no workflow (nothing is left to happen to them), a
 * batch at a time: each document stored with its signed `imported` entry in one insert, after the entry
 * took its place and went into the global audit log (db/history-rows.ts), then the effects a recorded
 * end has, in bulk: insights facts, replay ends, the house seller's notice. Nothing is released and no
 * watcher told: a closed import is never listed under its deal's keys, takes no limit, and so holds
 * nothing anybody waits on. Every part is keyed (the document by its id, the entry by its place in the
 * chain, facts and ends by id), so a re-run or an attempt resumed after a crash writes nothing twice.
 */
export async function storeImportedHistories(inputs: readonly RegistrationWorkflowInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const stored = await findEachById(
    Registration,
    inputs.map((input) => input.registrationId),
  );
  const recorded: RegistrationDoc[] = [];
  for (const input of inputs) {
    const doc = stored.get(input.registrationId);
    if (!doc) continue;
    // Stored pending by the one-at-a-time path and left without its entry: that path completes it.
    if (doc.decisions.length === 0) await storeImportedHistory(input);
    else recorded.push(doc);
  }
  const policy = await currentPolicy(new Date());
  if (!policy) throw ApplicationFailure.nonRetryable('no allocation policy has been published yet', 'NoPolicy');
  const limit = pLimit(LOOKUPS_IN_FLIGHT);
  const fresh = inputs.filter((input) => !stored.has(input.registrationId));
  // The batch's accounts: none read when none is stored, read once when fewer than its customers' keys.
  const accounts = new CurrentAccounts(fresh.length, { names: true });
  const rows = await Promise.all(fresh.map((input) => limit(() => historyRow(input, policy, accounts))));
  recorded.push(...(await storeHistoryRows(rows, () => heartbeat())));
  await crashPoint('import:history-stored');
  await completeHistoryEffects(recorded);
}

async function historyRow(
  input: RegistrationWorkflowInput,
  policy: PolicyVersion,
  accounts: CurrentAccounts,
): Promise<HistoryRow> {
  heartbeat();
  const pending = await historyOnlyRegistration(input, arrivalOf(input), policy, (customer, similarity) =>
    accounts.lookUp(customer, similarity),
  );
  return { pending, request: requestOf(input.registrationId, importedStep(input, pending.policyVersion)) };
}

/** The effects of each closed import's `imported` entry, as stored (see `storeImportedHistories`). */
async function completeHistoryEffects(registrations: readonly RegistrationDoc[]): Promise<void> {
  const recorded = registrations.flatMap((registration) => {
    const entry = registration.decisions.find((decision) => decision.kind === 'imported');
    return entry ? [{ registration, entry }] : [];
  });
  await recordDecisionsFacts(recorded);
  heartbeat();
  await recordReplayEnds(recorded.map(({ registration, entry }) => ({ registration, at: entry.at })));
  for (const { registration, entry } of recorded) await notifyHouseSeller(registration, entry);
}
