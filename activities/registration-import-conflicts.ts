import { heartbeat } from '@temporalio/activity';
import pLimit from 'p-limit';
import { registrationIdsUnderKeys } from '../db/dealkeys';
import type { PlannedRow } from '../db/registration-imports';
import { type RegistrationDoc, registrationFacts } from '../db/registrations';
import { decide } from '../domain/allocation';
import type { RegistrationFacts } from '../domain/allocation/types';
import type { ImportConflict } from '../domain/lifecycle-entries';
import { customerIdentity, lookupKeys } from '../domain/matching';
import { MAX_LISTED_CONFLICTS, type MigrationReport } from '../domain/migration/report';
import type { ImportedRegistration } from '../domain/migration/rows';
import type { PolicyVersion } from '../domain/policy/schema';
import type { ReasonCode } from '../domain/registration';
import { isActiveStatus } from '../domain/registration';
import { loadRegistrations } from './registration-facts';

export const keysOf = (record: ImportedRegistration) => lookupKeys(customerIdentity(record.customer));

function factsOf(planned: PlannedRow): RegistrationFacts {
  const { record } = planned;
  return registrationFacts({
    _id: planned.registrationId,
    status: 'approved',
    resellerId: record.resellerId,
    partnerType: planned.partnerType,
    distributorId: record.distributorId,
    customer: record.customer,
    program: record.program,
    sequence: planned.sequence,
    opportunity: record.opportunity,
  });
}

/** One approved import the plan escalates: the live registrations and the file's imports it clashes with. */
interface Clash {
  row: PlannedRow;
  reasonCode?: ReasonCode;
  live: RegistrationDoc[];
}

/** The approved imports that claim one deal, joined together (a union-find over registration ids). */
class Claimants {
  private readonly parent = new Map<string, string>();

  root(id: string): string {
    let at = id;
    while (this.parent.has(at) && this.parent.get(at) !== at) at = this.parent.get(at) as string;
    return at;
  }

  join(a: string, b: string): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * What the approved rows will do, in numbering order: each weighed by the engine against the live
 * registrations holding its deal and against every approved import numbered before it. One that the
 * engine would not approve is escalated, and so is every import it clashed with: two approved imports on
 * one deal are both escalated, never the first kept silently. The claimants of one deal share one
 * escalation (named from the first of them by `escalationIdFor`), where a channel manager sees them side
 * by side with the live holders. Counts the rows into `report` and lists the conflicts; returns each
 * escalated row's conflict, by registration id, for its arrival.
 */
export async function planConflicts(
  planned: readonly PlannedRow[],
  policy: PolicyVersion,
  report: MigrationReport,
  escalationIdFor: (firstClaimant: string) => string,
): Promise<Map<string, ImportConflict>> {
  const earlierByKey = new Map<string, PlannedRow[]>();
  const claimants = new Claimants();
  const clashes = new Map<string, Clash>();
  const liveOf = await liveHolders(planned.filter((row) => row.record.status === 'approved'));
  for (const row of planned) {
    const { status } = row.record;
    if (status === 'pending' || status === 'escalated') report.decidedAfresh += 1;
    else if (status !== 'approved') report.closed += 1;
    if (status !== 'approved') continue;
    const keys = keysOf(row.record);
    const live = liveOf.get(row.registrationId) ?? [];
    const earlier = [...new Set(keys.flatMap((key) => earlierByKey.get(key) ?? []))];
    for (const key of keys) earlierByKey.set(key, [...(earlierByKey.get(key) ?? []), row]);
    const decision = decide({
      subject: { ...factsOf(row), status: 'pending' },
      policy: policy.policy,
      policyVersion: policy.version,
      holders: [...live.map(registrationFacts), ...earlier.map(factsOf)],
    });
    if (decision.outcome === 'approve') continue;
    const matched = new Set(decision.matches.map((match) => match.registrationId));
    clashes.set(row.registrationId, {
      row,
      ...(decision.reasonCode && { reasonCode: decision.reasonCode }),
      live: live.filter((other) => matched.has(other._id)),
    });
    for (const other of earlier.filter((imported) => matched.has(imported.registrationId))) {
      claimants.join(other.registrationId, row.registrationId);
      if (!clashes.has(other.registrationId)) clashes.set(other.registrationId, { row: other, live: [] });
    }
  }
  return conflictsOf(planned, clashes, claimants, report, escalationIdFor);
}

/** Point reads at once: the live holders of each approved row's deal, read before any is weighed. */
const READS_IN_FLIGHT = 16;
/**
 * The parties listed with each conflict, and the rows an arrival names: a deal claimed by hundreds of
 * rows (a file whose customers all look alike) must not make a report or a plan larger than a document.
 */
const MAX_LISTED_PARTIES = 20;

/** The live registrations (decided, not ended) holding each approved row's deal now; the plan adds none. */
async function liveHolders(approved: readonly PlannedRow[]): Promise<Map<string, RegistrationDoc[]>> {
  const limit = pLimit(READS_IN_FLIGHT);
  const read = await Promise.all(
    approved.map((row) =>
      limit(async () => {
        heartbeat();
        const docs = await loadRegistrations(await registrationIdsUnderKeys(keysOf(row.record)));
        const live = docs.filter(
          (other) => other._id !== row.registrationId && isActiveStatus(other.status) && other.status !== 'pending',
        );
        return [row.registrationId, live] as const;
      }),
    ),
  );
  return new Map(read);
}

function conflictsOf(
  planned: readonly PlannedRow[],
  clashes: ReadonlyMap<string, Clash>,
  claimants: Claimants,
  report: MigrationReport,
  escalationIdFor: (firstClaimant: string) => string,
): Map<string, ImportConflict> {
  // In numbering order, so each deal's escalation is named after its first claimant.
  const escalated = planned.filter((row) => clashes.has(row.registrationId));
  const groups = new Map<string, PlannedRow[]>();
  for (const row of escalated) {
    const root = claimants.root(row.registrationId);
    groups.set(root, [...(groups.get(root) ?? []), row]);
  }
  report.approved += planned.filter((row) => row.record.status === 'approved').length - escalated.length;
  report.escalated += escalated.length;
  report.conflictCount += escalated.length;
  const conflicts = new Map<string, ImportConflict>();
  for (const row of escalated) {
    const group = groups.get(claimants.root(row.registrationId)) ?? [row];
    const others = group.filter((other) => other !== row);
    conflicts.set(row.registrationId, {
      escalationId: escalationIdFor((group[0] as PlannedRow).registrationId),
      rows: others.slice(0, MAX_LISTED_PARTIES).map((other) => other.row),
    });
    if (report.conflicts.length >= MAX_LISTED_CONFLICTS) continue;
    const clash = clashes.get(row.registrationId) as Clash;
    // Every party of the deal: the live holders any claimant clashed with, and the other claimants.
    const live = new Map(
      group.flatMap((member) => clashes.get(member.registrationId)?.live ?? []).map((h) => [h._id, h]),
    );
    report.conflicts.push({
      row: row.row,
      registrationId: row.registrationId,
      resellerId: row.record.resellerId,
      ...(clash.reasonCode && { reasonCode: clash.reasonCode }),
      heldBy: [
        ...[...live.values()].map((holder) => ({ registrationId: holder._id, resellerId: holder.resellerId })),
        ...others.map((other) => ({
          registrationId: other.registrationId,
          resellerId: other.record.resellerId,
          row: other.row,
        })),
      ].slice(0, MAX_LISTED_PARTIES),
    });
  }
  return conflicts;
}
