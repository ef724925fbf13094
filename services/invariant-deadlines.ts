import type { EscalationDoc } from '../db/escalations';
import type { RegistrationDoc } from '../db/registrations';
import { reviewKey } from '../domain/lifecycle-entries';

/**
 * Every registration at rest within its deadlines: an escalated one no later than its escalation's second
 * review deadline (where the policy decides), an approved one no later than its protection's end, unless
 * an extension is before a channel manager, and then no later than that review's second deadline. Each by
 * `marginMs`, the time a step may take to be recorded once its timer fired.
 */
export function pastDeadlines(
  docs: readonly RegistrationDoc[],
  escalations: ReadonlyMap<string, EscalationDoc>,
  now: number,
  marginMs: number,
): string[] {
  const late = (deadline: Date | string) => now - new Date(deadline).getTime() - marginMs;
  const seconds = (ms: number) => `${Math.round((ms + marginMs) / 1000)} s`;
  return docs.flatMap((doc) => {
    if (doc.status === 'escalated') {
      const escalation = doc.escalationId ? escalations.get(doc.escalationId) : undefined;
      if (!escalation)
        return [`${doc._id}: escalated into ${doc.escalationId ?? 'no escalation'}, which is not stored`];
      const overdue = late(escalation.secondReviewDueAt);
      return overdue > 0 ? [`${doc._id}: escalated ${seconds(overdue)} past ${escalation._id}'s second deadline`] : [];
    }
    if (doc.status !== 'approved' || !doc.protectedUntil) return [];
    const review = openExtensionReview(doc);
    if (review) {
      const escalation = escalations.get(review);
      if (!escalation) return [`${doc._id}: its extension review ${review} is not stored`];
      const overdue = late(escalation.secondReviewDueAt);
      return overdue > 0 ? [`${doc._id}: extension review ${review} ${seconds(overdue)} past its second deadline`] : [];
    }
    const overdue = late(doc.protectedUntil);
    return overdue > 0 ? [`${doc._id}: approved ${seconds(overdue)} past protectedUntil`] : [];
  });
}

/** The extension review a registration's last request opened, while no review's word on it is recorded. */
export function openExtensionReview(doc: RegistrationDoc): string | undefined {
  const request = [...doc.decisions].reverse().find((entry) => entry.event === 'extension-requested');
  if (!request?.escalationId) return undefined;
  const answered = doc.decisions.some((entry) => entry.key === reviewKey(request.escalationId as string));
  return answered ? undefined : request.escalationId;
}

/** Every escalation a registration's entries name (the ones it was escalated into, and its extension reviews). */
export function escalationIdsOf(docs: readonly RegistrationDoc[]): string[] {
  const ids = new Set<string>();
  for (const doc of docs) {
    if (doc.escalationId) ids.add(doc.escalationId);
    for (const entry of doc.decisions) if (entry.escalationId) ids.add(entry.escalationId);
  }
  return [...ids];
}
