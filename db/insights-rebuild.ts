import { dimensionsOf, factsOfDecision, factsOfEscalation, type InsightFact } from '../domain/insights/facts';
import { Escalation, type EscalationDoc } from './escalations';
import { isDuplicateKey } from './insert-once';
import { dropInsights, forgetRollups, InsightFactModel, InsightRollup, modelOfVersion } from './insights';
import { Registration, type RegistrationDoc } from './registrations';

const BATCH = 1000;

/** Inserts a batch; a fact the running program inserted meanwhile is the same fact, so its duplicate is skipped. */
async function insertBatch(facts: InsightFact[]): Promise<void> {
  if (facts.length === 0) return;
  try {
    await InsightFactModel.insertMany(facts, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    if (!writeErrors?.every((e) => isDuplicateKey((e as { err?: unknown }).err ?? e))) throw error;
  }
}

export interface RebuildReport {
  registrations: number;
  escalations: number;
  facts: number;
}

/**
 * `npm run insights:rebuild`: drops every fact and rollup and derives the facts again from the
 * registrations' decision logs and the escalations, with the same functions the running program uses.
 * Rollups are dropped again at the end: one computed by a reader while the facts were incomplete goes.
 */
export async function rebuildInsights(): Promise<RebuildReport> {
  await dropInsights();
  const report: RebuildReport = { registrations: 0, escalations: 0, facts: 0 };
  let pending: InsightFact[] = [];
  const flush = async () => {
    report.facts += pending.length;
    await insertBatch(pending);
    pending = [];
  };
  const registrations = Registration.find().lean<RegistrationDoc[]>().cursor({ batchSize: 500 });
  for await (const registration of registrations as AsyncIterable<RegistrationDoc>) {
    report.registrations += 1;
    const model = await modelOfVersion(registration.policyVersion);
    for (const entry of registration.decisions) pending.push(...factsOfDecision(registration, entry, model));
    if (pending.length >= BATCH) await flush();
  }
  const escalations = Escalation.find().lean<EscalationDoc[]>().cursor({ batchSize: 500 });
  const byId = new Map<string, RegistrationDoc | null>();
  for await (const escalation of escalations as AsyncIterable<EscalationDoc>) {
    report.escalations += 1;
    const first = escalation.contenders.find((c) => c.role === 'contender') ?? escalation.contenders[0];
    if (!first) continue;
    const registration =
      byId.get(first.registrationId) ??
      (await Registration.findById(first.registrationId).lean<RegistrationDoc>().exec());
    byId.set(first.registrationId, registration);
    if (!registration) continue;
    const dimensions = dimensionsOf(registration, await modelOfVersion(registration.policyVersion));
    pending.push(...factsOfEscalation(escalation, dimensions));
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  await InsightRollup.deleteMany({}).exec();
  forgetRollups();
  return report;
}
