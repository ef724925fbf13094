import type { DecisionRecord } from '../db/registrations';
import type { RecordedStep } from '../workflows/definitions';
import type { CompletedActivity } from './history';

/**
 * Compares each stored decision with what the registration's workflow recorded when it made it: the
 * history is Temporal's, so a status or reason edited in the database (hashes recomputed or not)
 * disagrees with it. Every entry is written by the step activity `recordStep`, whose result names the
 * entry's key and what the document said after it.
 */
export interface HistoryMismatch {
  index: number;
  key: string;
  problem: string;
}

function recordedStepOf(decision: DecisionRecord, activities: readonly CompletedActivity[]): RecordedStep | undefined {
  return activities
    .filter((activity) => activity.name === 'recordStep')
    .map((activity) => activity.result as RecordedStep | undefined)
    .filter((result): result is RecordedStep => result?.key === decision.key)
    .at(-1);
}

/**
 * What the history says after the entry: its status and reason. Protection is compared only for the step
 * that set it (a later step may have moved it on).
 */
function mismatchOf(decision: DecisionRecord, step: RecordedStep): string | undefined {
  const said = (status?: string, reason?: string) => `${status ?? 'nothing'}${reason ? ` (${reason})` : ''}`;
  const { status, reasonCode, protectedUntil } = step.state;
  if (status !== decision.toStatus || (reasonCode ?? undefined) !== decision.reasonCode)
    return `stored ${said(decision.toStatus, decision.reasonCode)}, the workflow recorded ${said(status, reasonCode)}`;
  if (decision.protectedUntil !== undefined && protectedUntil !== decision.protectedUntil)
    return `stored protection until ${decision.protectedUntil}, the workflow recorded ${protectedUntil}`;
  return undefined;
}

export function compareWithHistory(
  decisions: readonly DecisionRecord[],
  activities: readonly CompletedActivity[],
): HistoryMismatch[] {
  const mismatches: HistoryMismatch[] = [];
  for (const [index, decision] of decisions.entries()) {
    const step = recordedStepOf(decision, activities);
    const problem = step
      ? mismatchOf(decision, step)
      : 'no completed recordStep in the workflow history records this decision';
    if (problem) mismatches.push({ index, key: decision.key, problem });
  }
  return mismatches;
}
