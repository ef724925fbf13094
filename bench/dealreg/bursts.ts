import { Registration } from '../../db/registrations';
import { progress } from '../../scripts/dev-stack/stack';
import type { Outcome } from '../load/driver';
import { type LatencySummary, summarize } from '../load/stats';
import { waitForDecisions } from './decisions';
import { type DealregDriver, sender } from './load-phase';
import type { MixPlanner, PlannedRegistration } from './mix';

/** Seconds from a burst's first send to each registration's stored decision (its document's `updatedAt`). */
export interface BurstFigures {
  /** Median decision time of a lone registration, nothing else going on (five sent one after another). */
  loneMs: number;
  /** 20 registrations of 20 distinct deals sent at once: when the last was decided. */
  distinctLastMs: number;
  /** Those twenty's acknowledgements (the 202 of POST /registrations), from the burst's first send. */
  distinctAckMs: LatencySummary;
  /** 20 registrations of one deal sent at once: when the last was decided. */
  oneDealLastMs: number;
  /** Lone registrations of other deals sent together with a 20-way contest: their median decision time. */
  loneDuringContestMs: number;
  /** Registrations a burst sent that were not accepted (each one a finding). */
  refused: number;
}

const BURST = 20;

/** Sends at once; returns when they were sent, the ids accepted and when each accepted one was answered (202). */
async function sendAll(driver: DealregDriver, plan: PlannedRegistration[]) {
  const send = sender(driver);
  const sentAt = Date.now();
  const outcomes: Array<Outcome<string> & { ackMs: number }> = await Promise.all(
    plan.map(async (planned) => ({ ...(await send(planned)), ackMs: Date.now() - sentAt })),
  );
  const accepted = outcomes.filter((o) => o.ok && o.value);
  return {
    sentAt,
    ids: accepted.map((o) => o.value as string),
    ackMs: accepted.map((o) => o.ackMs),
    refused: outcomes.filter((o) => !o.ok).length,
  };
}

/** When each registration's first decision was stored (not `decidedAt`, taken when the check ended). */
async function decisionStoredAt(ids: string[]): Promise<number[]> {
  await waitForDecisions(60);
  const docs = await Registration.find({ _id: { $in: ids } }, { updatedAt: 1 })
    .lean<Array<{ updatedAt?: Date }>>()
    .exec();
  return docs.map((doc) => (doc.updatedAt ? doc.updatedAt.getTime() : Number.NaN));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Twenty registrations of distinct deals from the planner, or the same twenty made one deal. */
function distinctDeals(planner: MixPlanner, count: number): PlannedRegistration[] {
  return planner
    .plan('hybrid', count * 4)
    .filter((planned) => planned.kind === 'distinct')
    .slice(0, count);
}
function oneDeal(planner: MixPlanner, count: number): PlannedRegistration[] {
  const [first, ...rest] = distinctDeals(planner, count);
  if (!first) return [];
  // Each keeps its reseller and distributor (affiliated); all name one customer and product line.
  return [first, ...rest].map((planned) => ({
    ...planned,
    body: {
      ...planned.body,
      customer: first.body.customer,
      opportunity: { ...planned.body.opportunity, productLines: first.body.opportunity.productLines },
    },
  }));
}

/**
 * The bursts of the one-owner issue, under the policy in force (hybrid), with nothing else running: is a
 * contested deal decided about as fast as distinct ones, and does a contest cost anyone else anything?
 */
export async function runBursts(driver: DealregDriver, planner: MixPlanner): Promise<BurstFigures> {
  progress(
    `bursts: a lone registration, ${BURST} distinct deals at once, ${BURST} on one deal, a lone one during a contest`,
  );
  let refused = 0;
  const lone: number[] = [];
  for (const planned of distinctDeals(planner, 5)) {
    const sent = await sendAll(driver, [planned]);
    refused += sent.refused;
    lone.push(...(await decisionStoredAt(sent.ids)).map((at) => at - sent.sentAt));
  }
  const lastOf = async (plan: PlannedRegistration[]) => {
    const sent = await sendAll(driver, plan);
    refused += sent.refused;
    return { lastMs: Math.max(...(await decisionStoredAt(sent.ids))) - sent.sentAt, ackMs: summarize(sent.ackMs) };
  };
  const distinct = await lastOf(distinctDeals(planner, BURST));
  const oneDealLastMs = (await lastOf(oneDeal(planner, BURST))).lastMs;

  // Three bystanders, for a median: one alone may be escalated by routing and so have no decision time.
  const bystanders = distinctDeals(planner, 3);
  const contest = oneDeal(planner, BURST);
  const [alone, contested] = await Promise.all([sendAll(driver, bystanders), sendAll(driver, contest)]);
  refused += alone.refused + contested.refused;
  const decided = (await decisionStoredAt(alone.ids)).filter((at) => !Number.isNaN(at));
  const loneDuringContestMs = median(decided.map((at) => at - alone.sentAt));
  return {
    loneMs: median(lone),
    distinctLastMs: distinct.lastMs,
    distinctAckMs: distinct.ackMs,
    oneDealLastMs,
    loneDuringContestMs,
    refused,
  };
}
