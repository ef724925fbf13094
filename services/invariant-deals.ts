import type { EscalationDoc } from '../db/escalations';
import type { RegistrationDoc } from '../db/registrations';
import { reviewKey } from '../domain/lifecycle-entries';
import { compareCustomers, sharedProductLines } from '../domain/matching';

/**
 * Who held which deal when: one holder per deal at every moment, and first come, first served where the
 * engine or the policy's deadline rule decides. Pure, over the registrations (and escalations) as stored.
 */

/** Keys that make two customers certainly one (identifiers and registrable domain), not name keys. */
const certainKeyPattern = /^(uei|duns|taxid|domain):/;
const conflictReasons = new Set(['already-registered', 'duplicate']);

/** When a registration held its deal: from its approval to the entry that ended it (open while approved). */
export interface HeldInterval {
  from: number;
  to: number;
}

export function heldInterval(doc: RegistrationDoc): HeldInterval | undefined {
  const start = doc.decisions.findIndex((entry) => entry.toStatus === 'approved');
  if (start < 0) return undefined;
  const end = doc.decisions.slice(start + 1).find((entry) => entry.toStatus !== 'approved');
  return {
    from: Date.parse(doc.decisions[start]!.at),
    to: end ? Date.parse(end.at) : Number.POSITIVE_INFINITY,
  };
}

const overlap = (a: HeldInterval, b: HeldInterval) => a.from < b.to && b.from < a.to;

/** Pairs of registrations that share a lookup key: the only ones that can be the same deal. */
function pairsSharingAKey(docs: readonly RegistrationDoc[]): Array<[RegistrationDoc, RegistrationDoc]> {
  const byKey = new Map<string, RegistrationDoc[]>();
  for (const doc of docs) for (const key of doc.lookupKeys) byKey.set(key, [...(byKey.get(key) ?? []), doc]);
  const seen = new Set<string>();
  const pairs: Array<[RegistrationDoc, RegistrationDoc]> = [];
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const [a, b] = [group[i] as RegistrationDoc, group[j] as RegistrationDoc];
        const pairId = [a._id, b._id].sort().join('+');
        if (seen.has(pairId)) continue;
        seen.add(pairId);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

/**
 * Pairs that held one deal at the same moment: approved over overlapping intervals, with a shared product
 * line and a certain customer match (`certain`), or only a probable one (`probable`, a fault only where no
 * channel manager can have said they differ). Escalated registrations hold nothing here.
 */
export function twoHolders(docs: readonly RegistrationDoc[]): { certain: string[]; probable: string[] } {
  const held = docs.flatMap((doc) => {
    const interval = heldInterval(doc);
    return interval ? [{ doc, interval }] : [];
  });
  const intervals = new Map(held.map(({ doc, interval }) => [doc._id, interval]));
  const found = { certain: [] as string[], probable: [] as string[] };
  for (const [a, b] of pairsSharingAKey(held.map(({ doc }) => doc))) {
    if (!overlap(intervals.get(a._id)!, intervals.get(b._id)!)) continue;
    if (sharedProductLines(a.opportunity.productLines, b.opportunity.productLines).length === 0) continue;
    const { strength } = compareCustomers(a.customer, b.customer, 0.9);
    if (strength === 'certain') found.certain.push(`${a._id}+${b._id}`);
    if (strength === 'probable') found.probable.push(`${a._id}+${b._id}`);
  }
  return found;
}

/** A deal is a certain customer key and a product line. */
function dealsOf(doc: RegistrationDoc): string[] {
  const keys = doc.lookupKeys.filter((key) => certainKeyPattern.test(key));
  return keys.flatMap((key) => doc.opportunity.productLines.map((line) => `${key}|${line}`));
}

/**
 * First come, first served by the engine: no registration was rejected as a conflict while a later one
 * (larger sequence) of its deal held it. A later holder approved after the rejection is fine: the deal may
 * have been freed since (expired, withdrawn).
 */
export function laterSequenceWon(docs: readonly RegistrationDoc[]): string[] {
  const holders = new Map<string, Array<{ sequence: number; interval: HeldInterval }>>();
  for (const doc of docs) {
    const interval = heldInterval(doc);
    if (doc.sequence === undefined || !interval) continue;
    for (const deal of dealsOf(doc))
      holders.set(deal, [...(holders.get(deal) ?? []), { sequence: doc.sequence, interval }]);
  }
  return docs
    .filter(
      (doc) => doc.sequence !== undefined && doc.status === 'rejected' && conflictReasons.has(doc.reasonCode ?? ''),
    )
    .filter((doc) => {
      const rejectedAt = Date.parse(
        [...doc.decisions].reverse().find((entry) => entry.toStatus === 'rejected')?.at ?? '',
      );
      return dealsOf(doc).some((deal) =>
        (holders.get(deal) ?? []).some(
          ({ sequence, interval }) =>
            sequence > (doc.sequence as number) && interval.from <= rejectedAt && rejectedAt < interval.to,
        ),
      );
    })
    .map((doc) => doc._id);
}

/**
 * First come, first served by the policy's deadline rule: an escalation the second deadline awarded to a
 * waiting contender (no approved holder kept the deal) rejected no contender accepted before the winner.
 */
export function firstComeLostAtDeadline(
  docs: readonly RegistrationDoc[],
  escalations: readonly EscalationDoc[],
): string[] {
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  return escalations.flatMap((escalation) => {
    const { resolution } = escalation;
    if (escalation.subject !== 'registration' || resolution?.kind !== 'award') return [];
    if (resolution.by.kind !== 'deadline' || resolution.by.id !== 'onSecondSlaBreach:first-come') return [];
    const winner = escalation.contenders.find((c) => c.registrationId === resolution.registrationId);
    if (winner?.role !== 'contender') return [];
    return escalation.contenders
      .filter((c) => c.role === 'contender' && c.sequence < winner.sequence)
      .filter((c) =>
        byId
          .get(c.registrationId)
          ?.decisions.some((entry) => entry.key === reviewKey(escalation._id) && entry.toStatus === 'rejected'),
      )
      .map(
        (c) =>
          `${c.registrationId} (rejected at ${escalation._id}'s deadline, awarded to later ${winner.registrationId})`,
      );
  });
}
