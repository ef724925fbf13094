import { setTimeout as sleep } from 'node:timers/promises';
import { Registration } from '../../db/registrations';
import type { RegistrationStatus } from '../../domain/registration';
import { progress } from '../../scripts/dev-stack/stack';

export interface StoredOutcome {
  _id: string;
  status: RegistrationStatus;
  reasonCode?: string;
  decidedAt?: Date;
  /** When the decision was stored: the document's last write, which a run's short lives make their first decision. */
  updatedAt?: Date;
  sequence?: number;
}

/**
 * Waits until no registration is pending any more, or until the count has not moved for
 * `stallSeconds` (reported, not hidden: a stall is a finding). Polls once a second, lightly.
 */
export async function waitForDecisions(stallSeconds = 90): Promise<{ pending: number; waitedSeconds: number }> {
  const started = Date.now();
  let last = Number.POSITIVE_INFINITY;
  let lastChange = Date.now();
  for (;;) {
    const pending = await Registration.countDocuments({ status: 'pending' }).exec();
    if (pending === 0) return { pending, waitedSeconds: (Date.now() - started) / 1000 };
    if (pending < last) {
      last = pending;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > stallSeconds * 1000) {
      progress(`${pending} registrations still pending after ${stallSeconds}s without progress`);
      return { pending, waitedSeconds: (Date.now() - started) / 1000 };
    }
    await sleep(1000);
  }
}

/** Every registration's outcome and decision time, read once (the benchmark database holds only this run). */
export async function readOutcomes(): Promise<Map<string, StoredOutcome>> {
  const docs = await Registration.find({}, { status: 1, reasonCode: 1, decidedAt: 1, updatedAt: 1, sequence: 1 })
    .lean<StoredOutcome[]>()
    .exec();
  return new Map(docs.map((doc) => [doc._id, doc]));
}

/** `approved`, `rejected:wrong-route`, `escalated:possible-duplicate`, …: what the mix produced. */
export function outcomeLabel(outcome: StoredOutcome | undefined): string {
  if (!outcome) return 'missing';
  return outcome.reasonCode ? `${outcome.status}:${outcome.reasonCode}` : outcome.status;
}
