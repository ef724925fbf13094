import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { loadRegistrations } from '../../activities/registration-facts';
import { registrationIdsUnderKeys } from '../../db/dealkeys';
import { type RegistrationDoc, registrationFacts } from '../../db/registrations';
import { decide } from '../../domain/allocation';
import { customerIdentity, lookupKeys } from '../../domain/matching';
import type { Policy } from '../../domain/policy/schema';
import { seededRandom } from '../dealreg/customers';
import { type LatencySummary, summarize } from '../load/stats';
import { storedRegistration } from './documents';

export interface CheckTimings {
  checks: number;
  totalMs: LatencySummary;
  /** Reading the `dealkeys` entries under the subject's keys. */
  keyLookupMs: LatencySummary;
  /** Reading the candidate registrations by `_id`. */
  loadCandidatesMs: LatencySummary;
  /** The allocation engine. */
  decideMs: LatencySummary;
  meanCandidates: number;
  /** The subjects that were the same customer as a stored live registration. */
  sameCustomerChecks: number;
  /** Share of the machine's busy CPU used by processes not ours while timing (others' tests). */
  othersCpuShare?: number;
  loadAverage?: number;
}

/**
 * Certain customer keys (UEI, domain) of live stored registrations, for half the subjects to share.
 * They are read from `dealkeys` at three places in the table (skip is done by the server scanning), not
 * by `_id`: on FerretDB that read is itself a scan, and it would cost as much as the checks.
 */
export async function someLiveCustomerKeys(stored: number, wanted: number): Promise<string[]> {
  const db = mongoose.connection.db;
  if (!db) return [];
  const approxEntries = stored * 0.2 * 3;
  const keys: string[] = [];
  for (const at of [0.1, 0.5, 0.9]) {
    const entries = await db
      .collection<{ key: string }>('dealkeys')
      .find({}, { projection: { key: 1 } })
      .skip(Math.floor(approxEntries * at))
      .limit(60)
      .toArray();
    keys.push(
      ...entries
        .map((entry) => entry.key)
        .filter((key) => /^(uei|domain):/.test(key))
        .slice(0, Math.ceil(wanted / 3)),
    );
  }
  return keys;
}

/** The subject's customer, made the same customer as a stored one by sharing its UEI or domain. */
export function sharingKey(subject: RegistrationDoc, key: string): void {
  const [kind, value] = key.split(':') as [string, string];
  const customer = { ...subject.customer };
  if (kind === 'uei') customer.identifiers = { uei: value.toUpperCase() };
  else customer.domain = value;
  subject.customer = customer;
  subject.lookupKeys = lookupKeys(customerIdentity(customer));
}

/**
 * Times the conflict check for fresh registrations against `stored` registrations, calling what the
 * activity calls (activities/decide.ts): the ids under the subject's keys, those registrations by
 * `_id`, the ones holding a deal, then `decide()`. Half the subjects are new customers, half the same
 * customer as a live registration (so candidates are found and compared).
 */
export async function timeConflictChecks(
  stored: number,
  checks: number,
  policy: Policy,
  maxSeconds: number,
): Promise<CheckTimings> {
  const random = seededRandom(stored + checks);
  const liveKeys = await someLiveCustomerKeys(stored, Math.ceil(checks / 2) + 3);
  const total: number[] = [];
  const lookup: number[] = [];
  const load: number[] = [];
  const engine: number[] = [];
  let candidates = 0;
  let sameCustomer = 0;
  // One check first to warm connections and caches; then at least three timed, at most `checks` or the time box.
  const warmUp = 1;
  const deadline = Date.now() + maxSeconds * 1000;
  for (let i = 0; i < checks + warmUp && (i < warmUp + 3 || Date.now() < deadline); i += 1) {
    const subject = storedRegistration(stored + 10_000_000 + i, random, policy, Date.now());
    subject.status = 'pending';
    const twin = i % 2 === 0 ? liveKeys[(i / 2) % Math.max(1, liveKeys.length)] : undefined;
    if (twin) sharingKey(subject, twin);
    const t0 = performance.now();
    const ids = (await registrationIdsUnderKeys(subject.lookupKeys)).filter((id) => id !== subject._id);
    const t1 = performance.now();
    const others = await loadRegistrations(ids);
    const holders = others.filter((other) => other.status === 'approved' || other.status === 'escalated');
    const t2 = performance.now();
    decide({ subject: registrationFacts(subject), policy, policyVersion: 1, holders: holders.map(registrationFacts) });
    const t3 = performance.now();
    if (i < warmUp) continue;
    total.push(t3 - t0);
    lookup.push(t1 - t0);
    load.push(t2 - t1);
    engine.push(t3 - t2);
    candidates += others.length;
    if (twin) sameCustomer += 1;
  }
  return {
    checks: total.length,
    totalMs: summarize(total),
    keyLookupMs: summarize(lookup),
    loadCandidatesMs: summarize(load),
    decideMs: summarize(engine),
    meanCandidates: candidates / Math.max(1, total.length),
    sameCustomerChecks: sameCustomer,
  };
}
