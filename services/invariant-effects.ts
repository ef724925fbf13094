import pLimit from 'p-limit';
import stringify from 'safe-stable-stringify';
import { everyListing, keysListing } from '../db/dealkeys';
import { InsightFactModel, modelOfVersion } from '../db/insights';
import { findEachById } from '../db/point-reads';
import { policyVersion } from '../db/policies';
import { slotHeldBy } from '../db/quota';
import type { RegistrationDoc } from '../db/registrations';
import { factsOfDecision, type InsightFact } from '../domain/insights/facts';
import { limitsFor } from '../domain/policy/schema';
import { isActiveStatus } from '../domain/registration';

/**
 * What a registration's steps leave outside its document, checked against what the document says:
 * its customer keys, its quota slot and its program-health facts. Point reads by `_id`, a dozen or so
 * per registration; `exhaustive` also reads the whole collections once to find what nothing accounts for.
 */

const limit = pLimit(16);

/** Listed under every key while active (it may hold its deal), under none once ended. */
export async function checkListings(docs: readonly RegistrationDoc[], exhaustive: boolean): Promise<string[]> {
  const found = await Promise.all(
    docs.map((doc) =>
      limit(async () => {
        const listed = await keysListing(doc._id, doc.lookupKeys);
        if (isActiveStatus(doc.status)) {
          const missing = doc.lookupKeys.filter((key) => !listed.includes(key));
          return missing.length > 0 ? [`${doc._id} (${doc.status}): not listed under ${missing.join(', ')}`] : [];
        }
        return listed.length > 0 ? [`${doc._id} (${doc.status}): still listed under ${listed.join(', ')}`] : [];
      }),
    ),
  );
  if (!exhaustive) return found.flat();
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const strays = (await everyListing())
    .filter(({ key, registrationId }) => {
      return byId.get(registrationId)?.lookupKeys.includes(key) !== true;
    })
    .map(
      ({ key, registrationId }) => `${registrationId}: listed under ${key}, which it does not have or is not stored`,
    );
  return [...found.flat(), ...strays];
}

/**
 * A registration accepted under an active limit holds one slot (its holder record and the slot naming it)
 * while active; an ended one holds none. One accepted without a limit may or may not have been given a
 * slot since (the first submission under a limit counts the reseller's registrations), so only its end is checked.
 */
export async function checkQuotaSlots(docs: readonly RegistrationDoc[]): Promise<string[]> {
  const found = await Promise.all(
    docs.map((doc) =>
      limit(async () => {
        const held = await slotHeldBy('active', doc._id);
        if (!isActiveStatus(doc.status)) return held ? [`${doc._id} (${doc.status}): still holds ${held.slot}`] : [];
        const version = await policyVersion(doc.policyVersion);
        const limited = limitsFor(version?.policy.limits, doc.partnerType).activePerReseller !== undefined;
        if (!limited) return [];
        if (!held) return [`${doc._id} (${doc.status}): accepted under a limit, holds no slot`];
        if (held.slotHolder !== doc._id)
          return [`${doc._id}: its slot ${held.slot} names ${held.slotHolder ?? 'nobody'}`];
        return [];
      }),
    ),
  );
  return found.flat();
}

/** The facts of a fact, as both the step and `npm run insights:rebuild` derive them. */
const comparable = (fact: InsightFact) => stringify({ ...fact, at: new Date(fact.at).toISOString() }) ?? '';

/** The facts each entry makes (domain/insights/facts.ts), stored exactly so; with `exhaustive`, none besides. */
export async function checkFacts(docs: readonly RegistrationDoc[], exhaustive: boolean): Promise<string[]> {
  const expected = (
    await Promise.all(
      docs.map(async (doc) => {
        const model = await modelOfVersion(doc.policyVersion);
        return doc.decisions.flatMap((entry) => factsOfDecision(doc, entry, model));
      }),
    )
  ).flat();
  const stored = await findEachById(
    InsightFactModel,
    expected.map((fact) => fact._id),
  );
  const problems = expected.flatMap((fact) => {
    const found = stored.get(fact._id);
    if (!found) return [`${fact._id}: missing`];
    return comparable(found) === comparable(fact) ? [] : [`${fact._id}: stored ${comparable(found)}`];
  });
  if (!exhaustive) return problems;
  const known = new Set(expected.map((fact) => fact._id));
  const checked = new Set(docs.map((doc) => doc._id));
  const strays = (await InsightFactModel.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec())
    .map((fact) => fact._id)
    .filter((id) => checked.has(id.split('|')[0] ?? '') && !known.has(id))
    .map((id) => `${id}: no entry makes it`);
  return [...problems, ...strays];
}
