import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { storeSubmission, termsOf } from '../../activities/accept';
import { recordStep } from '../../activities/record-step';
import { loadPolicyVersion } from '../../activities/registration-facts';
import { weighIn } from '../../activities/weigh';
import type { Caller } from '../../api/route-spec';
import { listRegistrationsPage } from '../../api/routes/registration-list';
import { registrationListQuerySchema } from '../../api/schemas/registration';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { engineEvents, transition } from '../../domain/lifecycle';
import { engineEntry } from '../../domain/lifecycle-entries';
import type { Policy } from '../../domain/policy/schema';
import { registrationSubmissionSchema } from '../../domain/registration';
import { prepareSubmission } from '../../services/submit-registration';
import { seededRandom } from '../dealreg/customers';
import type { LatencySummary } from '../load/stats';
import { sharingKey, someLiveCustomerKeys } from './conflict-check';
import { storedRegistration } from './documents';

export interface OperationTiming {
  ms: LatencySummary;
  /** Share of the machine's busy CPU used by processes not ours while timing (others' tests). */
  othersCpuShare?: number;
  loadAverage?: number;
}

/** Runs `step` once to warm up, then at least three times, at most `count` or until `seconds` pass. */
async function repeat(
  count: number,
  seconds: number,
  step: (index: number) => Promise<Partial<Record<string, number>>>,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = {};
  const deadline = Date.now() + seconds * 1000;
  for (let i = 0; i < count + 1 && (i < 4 || Date.now() < deadline); i += 1) {
    const parts = await step(i);
    if (i === 0) continue;
    for (const [name, ms] of Object.entries(parts)) {
      if (ms !== undefined) samples[name] = [...(samples[name] ?? []), ms];
    }
  }
  return samples;
}

/**
 * A registration's decision as its workflow takes it, without Temporal: the look at the deal (the weigh
 * activity), the step from the transition table, and the step activity that stores it with its effects.
 * Undefined when the look names an earlier undecided registration (seeded ones left pending have no
 * workflow to answer): that decided nothing.
 */
async function decideOutsideWorker(registration: RegistrationDoc): Promise<boolean> {
  const weighed = await weighIn(() => ({ workflowId: 'bench-growth', runId: randomUUID() }), {
    registrationId: registration._id,
    mode: 'decision',
    distinctFrom: [],
    attempt: 0,
  });
  if ('waitFor' in weighed) return false;
  const { timing } = termsOf(await loadPolicyVersion(registration.policyVersion));
  const step = transition(
    { status: 'pending', extensionsUsed: 0 },
    engineEvents[weighed.verdict.decision.outcome],
    engineEntry(weighed.verdict),
    { timing, now: new Date(weighed.at) },
  );
  await recordStep({ registrationId: registration._id, step });
  return true;
}

/**
 * Submissions as a registration's workflow stores them (its `dealkeys`, its sequence, the document:
 * the acceptance activity's `storeSubmission`), then the decision as its workflow takes it (the look at
 * the deal, the engine, the step stored with its facts and the partners' notifications).
 * Temporal is not involved: the load phase measures it. Half the subjects share a live customer's key.
 */
export async function timeSubmissionsAndDecisions(
  stored: number,
  count: number,
  seconds: number,
  policy: Policy,
): Promise<{ acknowledgement: number[]; decision: number[] }> {
  const random = seededRandom(stored + Date.now());
  const liveKeys = await someLiveCustomerKeys(stored, Math.ceil(count / 2) + 3);
  const salt = Math.floor(random() * 1e9);
  const samples = await repeat(count, seconds, async (i) => {
    const subject = storedRegistration(stored + 20_000_000 + salt + i, random, policy, Date.now());
    const twin = i % 2 === 0 ? liveKeys[(i / 2) % Math.max(1, liveKeys.length)] : undefined;
    if (twin) sharingKey(subject, twin);
    const body = registrationSubmissionSchema.parse({
      distributorId: subject.distributorId,
      customer: subject.customer,
      opportunity: subject.opportunity,
    });
    const t0 = performance.now();
    const registration = await storeSubmission(await prepareSubmission(subject.resellerId, body), {
      mayBeStored: false,
    });
    const t1 = performance.now();
    // The product's check: one that names an earlier undecided registration to wait for decided
    // nothing (seeded registrations left pending have no workflow to answer), so it is not a sample.
    const decided = await decideOutsideWorker(registration as unknown as RegistrationDoc);
    const t2 = performance.now();
    const acknowledgement = t1 - t0;
    return decided ? { acknowledgement, decision: t2 - t1 } : { acknowledgement };
  });
  return { acknowledgement: samples.acknowledgement ?? [], decision: samples.decision ?? [] };
}

/** The console's list filters, as a staff member uses them. */
export function consoleFilters(searchWord: string): Record<string, Record<string, string>> {
  return {
    'list, no filter': {},
    'list status=approved': { status: 'approved' },
    'list status=pending': { status: 'pending' },
    'list resellerId': { resellerId: 'integrator-1' },
    'list distributorId': { distributorId: 'dist-b' },
    'list resellerId+status': { resellerId: 'integrator-1', status: 'approved' },
    'list q text': { q: searchWord },
  };
}

/** A word of a stored customer's name near the top, as a staff member would search for one. */
export async function someCustomerWord(stored: number): Promise<string> {
  const doc = await Registration.findOne({ sequence: Math.max(1, stored - 1000) })
    .lean<RegistrationDoc>()
    .exec();
  return doc?.customer.name.split(/\s+/)[0]?.toLowerCase() ?? 'bench';
}

const staff: Caller = { keyId: 'bench', role: 'channel-manager' };

/** The first page of each filter, through the list route's own function (no HTTP). */
export async function timeListPage(filter: Record<string, string>, count: number, seconds: number): Promise<number[]> {
  const query = registrationListQuerySchema.parse(filter);
  const samples = await repeat(count, seconds, async () => {
    const t0 = performance.now();
    await listRegistrationsPage(staff, query);
    return { page: performance.now() - t0 };
  });
  return samples.page ?? [];
}

/** The backend's plan (through FerretDB's `explain`) for the point and list reads the hot path makes. */
export async function explainHotPath(stored: number): Promise<Record<string, unknown>> {
  const db = mongoose.connection.db;
  if (!db) return {};
  const plan = async (collection: string, filter: object) => {
    const answer = await db.command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' });
    const text = JSON.stringify(answer.queryPlanner ?? {});
    return {
      filterPushdown: answer.filterPushdown,
      nodes: [...new Set([...text.matchAll(/"(?:Node Type|Index Name)":"([^"]+)"/g)].map((m) => m[1]))],
      plan: answer.queryPlanner,
    };
  };
  const topBucket = Math.floor(stored / 128);
  return {
    dealkeysByKey: await plan('dealkeys', { key: 'word:bench' }),
    registrationById: await plan('registrations', { _id: 'reg_g00000000001' }),
    registrationsByListKey: await plan('registrations', { listKeys: `*|${topBucket}` }),
    registrationBySequence: await plan('registrations', { sequence: stored }),
    sequenceNumberById: await plan('sequencenumbers', { _id: String(stored) }),
    counterById: await plan('counters', { _id: 'registrationSequence' }),
    policyById: await plan('policies', { _id: 'v1' }),
    escalationsByListKey: await plan('escalations', { listKeys: 'status=open|0' }),
  };
}
