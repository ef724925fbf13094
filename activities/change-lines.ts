import { Registration } from '../db/registrations';
import { drawSequence } from '../db/sequences';
import { diffOpportunity, registrationSearchText } from '../domain/opportunity-change';
import type { OpportunityChange } from '../domain/registration';
import type { ClaimedChange } from '../workflows/definitions';
import { loadRegistration } from './registration-facts';

/**
 * The first part of a change (the registration's workflow, its only writer, runs it inside one step): the
 * diff against the document, and for the product lines it adds, as a new registration would be accepted:
 * claimed on the document first, then numbered (docs/DESIGN.md, "Changes"), so that any look at the deal
 * numbered after these lines finds the claim. Repeatable: a retry claims the same lines (a number drawn by
 * an attempt that died unused is only a gap).
 */
export async function claimChange({
  registrationId,
  change,
}: {
  registrationId: string;
  change: OpportunityChange;
}): Promise<ClaimedChange> {
  const doc = await loadRegistration(registrationId);
  const diff = diffOpportunity(doc.opportunity, change);
  const kept = Object.entries(doc.lineSequences ?? {}).filter(([line]) => !diff.removed.includes(line));
  const claimed = {
    ...diff,
    searchText: registrationSearchText(doc.customer, diff.opportunity),
    ...(kept.length > 0 && { lineSequences: Object.fromEntries(kept) }),
  };
  if (diff.added.length === 0) return claimed;
  await setClaim(registrationId, { productLines: diff.added });
  const sequence = await drawSequence(registrationId);
  await setClaim(registrationId, { productLines: diff.added, sequence });
  const added = Object.fromEntries(diff.added.map((line) => [line, sequence]));
  return { ...claimed, sequence, lineSequences: { ...claimed.lineSequences, ...added } };
}

/** The change is recorded or refused: its lines are no longer claimed (a look that waited on them goes on). */
export async function releaseLineClaim({ registrationId }: { registrationId: string }): Promise<void> {
  await Registration.updateOne({ _id: registrationId }, { $unset: { lineClaim: 1 } }).exec();
}

async function setClaim(registrationId: string, lineClaim: { productLines: string[]; sequence?: number }) {
  await Registration.updateOne({ _id: registrationId }, { $set: { lineClaim } }).exec();
}
