import type { DecisionRecord } from '../db/registrations';
import type { CompletedActivity } from './history';

/**
 * Compares each stored decision with what the registration's workflow recorded when it made it: the
 * history is Temporal's, so a status or reason edited in the database (hashes recomputed or not)
 * disagrees with it. Each decision key names the activity that wrote it.
 */
export interface HistoryMismatch {
  index: number;
  key: string;
  problem: string;
}

interface Recorded {
  status?: string;
  reasonCode?: string;
  /** requestExtension answers what it did, not a status. */
  extension?: string;
  protectedUntil?: string;
}

type Input = Record<string, unknown> & { fate?: { escalationId?: string } };

/** Which completed activity wrote a decision, and where in its result the outcome is. */
interface Writer {
  activity: string;
  /** Another activity that writes the same decision (the conflict check that waits by signal). */
  alsoBy?: string;
  matches: (input: Input) => boolean;
  extension?: string;
}

function writerOf(key: string): Writer {
  const [kind, detail] = [key.split(':')[0], key.slice(key.indexOf(':') + 1)];
  switch (kind) {
    case 'decision':
      return { activity: 'decideRegistration', alsoBy: 'checkRegistration', matches: () => true };
    case 'withdraw':
      return { activity: 'withdrawRegistration', matches: () => true };
    case 'close':
      return { activity: 'closeRegistration', matches: () => true };
    case 'expire':
      return { activity: 'expireRegistration', matches: (input) => input.protectedUntil === detail };
    case 'escalation':
      return { activity: 'recordEscalationFate', matches: (input) => input.fate?.escalationId === detail };
    case 'extension-request':
      return {
        activity: 'requestExtension',
        matches: (input) => String(input.ordinal) === detail,
        extension: 'escalated',
      };
    case 'extension':
      return {
        activity: 'requestExtension',
        matches: (input) => String(input.ordinal) === detail,
        extension: 'extended',
      };
    default:
      return { activity: '', matches: () => false };
  }
}

function recordedOf(result: unknown): Recorded {
  const value = (result ?? {}) as Recorded & { outcome?: Recorded; result?: string };
  const outcome = value.outcome ?? value;
  return {
    status: outcome.status,
    reasonCode: outcome.reasonCode,
    extension: value.result,
    protectedUntil: outcome.protectedUntil,
  };
}

/**
 * In runs that own their status the workflow decided each step and `recordStep` stored it: its result
 * names the entry's key and what the document said after it.
 */
function storedStep(decision: DecisionRecord, activities: readonly CompletedActivity[]): Recorded | undefined {
  const step = activities
    .filter((activity) => activity.name === 'recordStep' && (activity.result as { key?: string })?.key === decision.key)
    .at(-1);
  return step ? recordedOf(step.result) : undefined;
}

function stepMismatch(decision: DecisionRecord, recorded: Recorded): string | undefined {
  const said = (status?: string, reason?: string) => `${status ?? 'nothing'}${reason ? ` (${reason})` : ''}`;
  if (recorded.status !== decision.toStatus || (recorded.reasonCode ?? undefined) !== decision.reasonCode)
    return `stored ${said(decision.toStatus, decision.reasonCode)}, the workflow recorded ${said(recorded.status, recorded.reasonCode)}`;
  if (decision.protectedUntil !== undefined && recorded.protectedUntil !== decision.protectedUntil)
    return `stored protection until ${decision.protectedUntil}, the workflow recorded ${recorded.protectedUntil}`;
  return undefined;
}

export function compareWithHistory(
  decisions: readonly DecisionRecord[],
  activities: readonly CompletedActivity[],
): HistoryMismatch[] {
  const mismatches: HistoryMismatch[] = [];
  for (const [index, decision] of decisions.entries()) {
    const report = (problem: string) => mismatches.push({ index, key: decision.key, problem });
    const stored = storedStep(decision, activities);
    if (stored) {
      const problem = stepMismatch(decision, stored);
      if (problem) report(problem);
      continue;
    }
    const writer = writerOf(decision.key);
    const found = activities.filter(
      (activity) =>
        (activity.name === writer.activity || activity.name === writer.alsoBy) &&
        writer.matches((activity.input ?? {}) as Input) &&
        // A look that found an earlier registration to wait for decided nothing.
        !(activity.result && typeof activity.result === 'object' && 'waitFor' in activity.result),
    );
    const last = found.at(-1);
    if (!last) {
      report(`no completed ${writer.activity || 'activity'} in the workflow history records this decision`);
      continue;
    }
    const recorded = recordedOf(last.result);
    if (writer.extension) {
      if (recorded.extension !== writer.extension)
        report(`stored as ${writer.extension}, the workflow recorded ${recorded.extension ?? 'nothing'}`);
      else if (writer.extension === 'extended' && recorded.protectedUntil !== decision.protectedUntil)
        report(`stored protection until ${decision.protectedUntil}, the workflow recorded ${recorded.protectedUntil}`);
      continue;
    }
    if (recorded.status !== decision.toStatus || (recorded.reasonCode ?? undefined) !== decision.reasonCode)
      report(
        `stored ${decision.toStatus}${decision.reasonCode ? ` (${decision.reasonCode})` : ''}, the workflow recorded ${recorded.status ?? 'nothing'}${recorded.reasonCode ? ` (${recorded.reasonCode})` : ''}`,
      );
  }
  return mismatches;
}
