import type { Client } from '@temporalio/client';
import type { AllocationModel } from '../../domain/policy/schema';
import { checkInvariants } from '../../services/invariants';
import { type WatchedProcess, watchUsage } from '../infra/proc-stats';
import type { LoadResult } from '../load/driver';
import { JsonClient } from '../load/http-client';
import { summarize } from '../load/stats';
import { capacityProjection } from '../report/capacity';
import { phaseFigures } from '../report/figures';
import type { LoadFigures, ModelRow, PacedFigures } from '../report/load-figures';
import type { SoakVerdict } from '../report/soak-verdict';
import { runBursts } from './bursts';
import { outcomeLabel, readOutcomes, type StoredOutcome, waitForDecisions } from './decisions';
import { type AcceptedRegistration, acceptedOf, runModels, runOneAtATime, runPacedRegistrations } from './load-phase';
import type { MixPlanner, PlannedRegistration } from './mix';
import { pacedRateOf, saturationRateOf } from './pacing';
import type { DealregProcesses } from './processes';
import { startRoundTripCount } from './round-trips';
import { publishModelPolicy, seedPartners } from './seed';
import { runSoak } from './soak';
import { decisionBreakdown } from './timeline';

/** Concatenates the models' runs into one, as if sent back to back (the policy publishes between are short). */
function combined(runs: Array<{ load: LoadResult<string> }>): LoadResult<string> {
  let offset = 0;
  const samples = runs.flatMap(({ load }) => {
    const shifted = load.samples.map((sample) => ({ ...sample, index: sample.index + offset }));
    offset += load.samples.length + load.notSent;
    return shifted;
  });
  const seconds = runs.reduce((sum, { load }) => sum + load.seconds, 0);
  const startedAt = runs[0]?.load.startedAt ?? 0;
  const notSent = runs.reduce((sum, { load }) => sum + load.notSent, 0);
  return { samples, startedAt, endedAt: runs.at(-1)?.load.endedAt ?? startedAt, seconds, notSent };
}

/** When the decision was stored (the time a person sees it), not when the check ended (`decidedAt`). */
const decidedAtOf = (outcomes: Map<string, StoredOutcome>, id: string | undefined) => {
  const at = id ? outcomes.get(id)?.updatedAt : undefined;
  return at ? new Date(at).getTime() : undefined;
};

/** The decision time of each accepted sample, looked up by the sample's index. */
function decidedAtByIndex(load: LoadResult<string>, outcomes: Map<string, StoredOutcome>) {
  const idByIndex = new Map(load.samples.map((sample) => [sample.index, sample.value]));
  return (index: number) => decidedAtOf(outcomes, idByIndex.get(index));
}

export interface DealregRunOptions {
  processes: DealregProcesses;
  temporal: Client;
  plans: Map<AllocationModel, PlannedRegistration[]>;
  planner: MixPlanner;
  concurrency: number;
  maxPhaseSeconds: number;
  /** Whether to run the paced phase, at half the saturation this run measures (pacing.ts). */
  paced: boolean;
  pacedSeconds: number;
  /** Minutes of the soak at half saturation after the paced phase (0: none). */
  soakMinutes: number;
  watched: WatchedProcess[];
  runLabel: string;
  /** Read histories and check invariants (the sweep may skip the histories). */
  breakdown: boolean;
}

/** Seeds partners, drives the four models at saturation, then the paced phase; reads outcomes and checks invariants. */
export async function runDealreg(options: DealregRunOptions): Promise<LoadFigures['dealreg']> {
  const client = new JsonClient(options.processes.apiUrl, Math.max(options.concurrency, 64));
  try {
    const resellerKeys = await seedPartners(client, options.processes.adminKey);
    const driver = {
      client,
      adminKey: options.processes.adminKey,
      resellerKeys,
      runLabel: options.runLabel,
      sent: { count: 0 },
    };

    // One at a time first: the service time of a registration with nothing else going on.
    // Their round trips are counted too: with nothing else going on, each process's counters are theirs.
    const unloadedPlan = options.planner.plan('hybrid', 20);
    await publishModelPolicy(client, options.processes.adminKey, 'hybrid');
    const roundTripCount = await startRoundTripCount(options.processes.counterEndpoints, options.temporal);
    const unloadedUsage = watchUsage(options.watched);
    const unloadedLoad = await runOneAtATime(driver, unloadedPlan);
    await waitForDecisions();
    const unloadedWindow = unloadedUsage.stop();
    const roundTrips = await roundTripCount.finish(
      unloadedLoad.samples.flatMap((sample) => (sample.ok && sample.value ? [sample.value] : [])),
    );
    const unloaded = phaseFigures(
      'one at a time',
      unloadedLoad,
      unloadedWindow,
      decidedAtByIndex(unloadedLoad, await readOutcomes()),
    );

    const usage = watchUsage(options.watched);
    const runs = await runModels(driver, options.plans, options.concurrency, options.maxPhaseSeconds);
    const decisionWait = await waitForDecisions();
    const saturationUsage = usage.stop();
    let outcomes = await readOutcomes();
    const load = combined(runs);
    const accepted: AcceptedRegistration[] = runs.flatMap(({ model, load: modelLoad }) =>
      acceptedOf(modelLoad, options.plans.get(model) ?? []),
    );
    const saturation = phaseFigures('registrations', load, saturationUsage, decidedAtByIndex(load, outcomes));
    const perModel: ModelRow[] = runs.map(({ model, load: modelLoad }) => {
      const ok = modelLoad.samples.filter((sample) => sample.ok);
      const decisions = ok.flatMap((sample) => {
        const at = decidedAtOf(outcomes, sample.value);
        return at === undefined ? [] : [at - sample.sentAt];
      });
      return {
        model,
        accepted: ok.length,
        acceptedPerSecond: modelLoad.seconds > 0 ? ok.length / modelLoad.seconds : 0,
        ackMs: summarize(ok.map((sample) => sample.latencyMs)),
        decisionMs: summarize(decisions),
      };
    });

    let paced: PacedFigures | undefined;
    const rate = pacedRateOf(saturation);
    if (options.paced && options.pacedSeconds > 0 && rate !== undefined) {
      const count = Math.max(1, Math.round(rate * options.pacedSeconds));
      const plan = options.planner.plan('hybrid', count);
      const pacedUsage = watchUsage(options.watched);
      const pacedLoad = await runPacedRegistrations(driver, plan, rate);
      await waitForDecisions();
      const usageWindow = pacedUsage.stop();
      outcomes = await readOutcomes();
      accepted.push(...acceptedOf(pacedLoad, plan));
      const figures = phaseFigures(
        'paced registrations',
        pacedLoad,
        usageWindow,
        decidedAtByIndex(pacedLoad, outcomes),
      );
      paced = {
        ...figures,
        targetRate: rate,
        saturationRate: saturationRateOf(saturation) as number,
      };
    }

    let soak: SoakVerdict | undefined;
    if (options.soakMinutes > 0 && rate !== undefined) {
      const soaked = await runSoak(driver, options.planner, rate, options.soakMinutes, options.watched);
      await waitForDecisions();
      accepted.push(...acceptedOf(soaked.load, soaked.plan));
      soak = soaked.verdict;
    }

    // After the load, so that its registrations are decided and its queues empty.
    const bursts = await runBursts(driver, options.planner);

    const outcomeCounts: Record<string, number> = {};
    const byKind: Record<string, Record<string, number>> = {};
    const kindOf = new Map(accepted.map((a) => [a.id, a.kind]));
    for (const outcome of outcomes.values()) {
      const label = outcomeLabel(outcome);
      outcomeCounts[label] = (outcomeCounts[label] ?? 0) + 1;
      const kind = kindOf.get(outcome._id) ?? 'unknown';
      byKind[kind] ??= {};
      byKind[kind][label] = (byKind[kind][label] ?? 0) + 1;
    }
    const breakdown = options.breakdown ? await decisionBreakdown(options.temporal, accepted) : undefined;
    // No channel manager acts during the run: two approvals even on a name match are a fault.
    const invariants = await checkInvariants(
      options.temporal,
      accepted.map((a) => a.id),
      { probableMatchesAreConflicts: true, everyDecided: true },
    );
    accepted.push(...acceptedOf(unloadedLoad, unloadedPlan));
    return {
      unloaded,
      roundTrips,
      capacity: capacityProjection(saturation),
      saturation,
      perModel,
      paced,
      ...(soak ? { soak } : {}),
      bursts,
      outcomes: outcomeCounts,
      outcomesByKind: byKind,
      breakdown,
      invariants,
      decisionWait,
    };
  } finally {
    client.close();
  }
}
