import type { EscalationDoc } from '../db/escalations';
import type { RegistrationDoc } from '../db/registrations';
import { reviewKey } from '../domain/lifecycle-entries';
import { compareCustomers } from '../domain/matching';
import { lineSequence } from '../domain/opportunity-change';

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

/**
 * A transfer's receiver is approved a step before its holder ends `transferred`: the two are one holder
 * in between, as long as the holder's end names the receiver (or the holder is still on its way there).
 */
function transferPair(a: RegistrationDoc, b: RegistrationDoc): boolean {
  const [holder, receiver] = a.transferredFrom === b._id ? [b, a] : b.transferredFrom === a._id ? [a, b] : [];
  if (!holder || !receiver) return false;
  if (holder.status === 'approved') return true;
  return holder.decisions.some((entry) => entry.event === 'transferred' && entry.transfer?.to === receiver._id);
}

/** A dispute decided `distinct`: the disputing partner's new registration is a separate deal from the holder's. */
function declaredDistinct(a: RegistrationDoc, b: RegistrationDoc): boolean {
  const names = (holder: RegistrationDoc, receiver: RegistrationDoc) =>
    holder.decisions.some(
      (entry) => entry.dispute?.outcome === 'distinct' && entry.dispute.receiverId === receiver._id,
    );
  return names(a, b) || names(b, a);
}

/**
 * When it held each product line: its held interval, cut where a change (`change` entries) added or removed
 * the line. The lines before the first change are read back from the changes' `before`.
 */
export function heldLineIntervals(doc: RegistrationDoc): Map<string, HeldInterval[]> {
  const held = heldInterval(doc);
  const found = new Map<string, HeldInterval[]>();
  if (!held) return found;
  const add = (line: string, from: number, to: number) => {
    if (from < to) found.set(line, [...(found.get(line) ?? []), { from, to }]);
  };
  const changes = doc.decisions.filter((entry) => entry.change?.after.productLines);
  const first = changes[0]?.change?.before.productLines ?? doc.opportunity.productLines;
  const opened = new Map<string, number>(first.map((line) => [line, held.from]));
  for (const entry of changes) {
    const at = Math.min(Math.max(Date.parse(entry.at), held.from), held.to);
    const next = entry.change?.after.productLines ?? [];
    for (const [line, from] of [...opened]) {
      if (next.includes(line)) continue;
      add(line, from, at);
      opened.delete(line);
    }
    for (const line of next) if (!opened.has(line)) opened.set(line, at);
  }
  for (const [line, from] of opened) add(line, from, held.to);
  return found;
}

/** Whether two registrations held one product line at one moment. */
function heldALineTogether(a: RegistrationDoc, b: RegistrationDoc): boolean {
  const theirs = heldLineIntervals(b);
  for (const [line, intervals] of heldLineIntervals(a))
    if (intervals.some((mine) => (theirs.get(line) ?? []).some((other) => overlap(mine, other)))) return true;
  return false;
}

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
  const found = { certain: [] as string[], probable: [] as string[] };
  for (const [a, b] of pairsSharingAKey(held.map(({ doc }) => doc))) {
    if (transferPair(a, b) || declaredDistinct(a, b) || !heldALineTogether(a, b)) continue;
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
 * have been freed since (expired, withdrawn); so is a transfer's receiver, which holds by a channel manager's
 * word, not by its number.
 */
export function laterSequenceWon(docs: readonly RegistrationDoc[]): string[] {
  // A line a change added holds from that change on, placed by the change's own sequence.
  const holders = new Map<string, Array<{ sequence: number; interval: HeldInterval }>>();
  for (const doc of docs) {
    if (doc.sequence === undefined || doc.transferredFrom !== undefined) continue;
    const keys = doc.lookupKeys.filter((key) => certainKeyPattern.test(key));
    for (const [line, intervals] of heldLineIntervals(doc)) {
      const held = intervals.map((interval) => ({ sequence: lineSequence(doc, line), interval }));
      for (const key of keys) holders.set(`${key}|${line}`, [...(holders.get(`${key}|${line}`) ?? []), ...held]);
    }
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
