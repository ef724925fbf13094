import { type AllocationModel, allocationModels } from '../../domain/policy/schema';
import { progress } from '../../scripts/dev-stack/stack';
import { type LoadResult, type Outcome, runClosedLoop, runPaced } from '../load/driver';
import type { JsonClient } from '../load/http-client';
import { waitForDecisions } from './decisions';
import type { MixKind, PlannedRegistration } from './mix';
import { publishModelPolicy } from './seed';

/** One accepted registration as the load generator saw it. */
export interface AcceptedRegistration {
  id: string;
  model: AllocationModel;
  kind: MixKind;
  sentAt: number;
  ackMs: number;
}

export interface ModelRun {
  model: AllocationModel;
  load: LoadResult<string>;
}

export interface DealregDriver {
  client: JsonClient;
  adminKey: string;
  resellerKeys: Map<string, string>;
  runLabel: string;
  /** Idempotency-Keys are `<runLabel>-<n>`, numbered across every phase of the run. */
  sent: { count: number };
}

/** Sends one registration as its reseller; the answer's id is kept when accepted (202). */
export function sender(driver: DealregDriver) {
  return async (planned: PlannedRegistration): Promise<Outcome<string>> => {
    const key = driver.resellerKeys.get(planned.resellerId);
    const answer = await driver.client.request('POST', '/api/v1/registrations', planned.body, {
      authorization: `Bearer ${key}`,
      'idempotency-key': `${driver.runLabel}-${driver.sent.count++}`,
    });
    const body = answer.body as { id?: string; title?: string; detail?: string };
    const ok = answer.status === 202 && typeof body.id === 'string';
    // A refusal keeps its problem text, so the report can say what went wrong.
    return { ok, status: answer.status, value: ok ? body.id : `${body.title ?? ''}: ${body.detail ?? ''}` };
  };
}

/**
 * Saturation: each model's policy in force in turn, its registrations sent by `concurrency` senders
 * as fast as the answers come back.
 */
export async function runModels(
  driver: DealregDriver,
  plans: Map<AllocationModel, PlannedRegistration[]>,
  concurrency: number,
  maxSeconds: number,
): Promise<ModelRun[]> {
  const runs: ModelRun[] = [];
  const send = sender(driver);
  for (const model of allocationModels) {
    const plan = plans.get(model) ?? [];
    await publishModelPolicy(driver.client, driver.adminKey, model);
    progress(`registrations under the ${model} model: ${plan.length} at concurrency ${concurrency}`);
    runs.push({ model, load: await runClosedLoop(plan, concurrency, maxSeconds, send) });
  }
  return runs;
}

/**
 * Lone registrations (under the hybrid policy, published first): each sent once the one before it is
 * decided, so that its answer waits for nothing but itself (sent on the previous answer instead, it would
 * share the worker with that one's check and decision).
 */
export async function runOneAtATime(driver: DealregDriver, plan: PlannedRegistration[]): Promise<LoadResult<string>> {
  progress(`registrations one at a time, each after the one before is decided: ${plan.length}`);
  return runClosedLoop(plan, 1, 180, sender(driver), () => waitForDecisions(30));
}

/** Paced: registrations arriving at a fixed rate (the policy in force stays the last one published). */
export async function runPacedRegistrations(
  driver: DealregDriver,
  plan: PlannedRegistration[],
  ratePerSecond: number,
): Promise<LoadResult<string>> {
  progress(`paced registrations: ${plan.length} at ${ratePerSecond.toFixed(1)}/s`);
  return runPaced(plan, ratePerSecond, 512, sender(driver));
}

export function acceptedOf(load: LoadResult<string>, plan: PlannedRegistration[]): AcceptedRegistration[] {
  return load.samples
    .filter((sample) => sample.ok && sample.value)
    .map((sample) => {
      const planned = plan[sample.index] as PlannedRegistration;
      return {
        id: sample.value as string,
        model: planned.model,
        kind: planned.kind,
        sentAt: sample.sentAt,
        ackMs: sample.latencyMs,
      };
    });
}
