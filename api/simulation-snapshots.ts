import { type FactsSource, Registration, type RegistrationDoc, registrationFacts } from '../db/registrations';
import { terminalStatuses } from '../domain/registration';
import type { ActualOutcome, RegistrationSnapshot } from '../domain/simulation';

type StoredForReplay = FactsSource & Pick<RegistrationDoc, 'submittedAt' | 'endedAt' | 'decisions'>;

const isTerminal = (status: string): status is NonNullable<ActualOutcome['endStatus']> =>
  (terminalStatuses as readonly string[]).includes(status);

/**
 * What actually happened, as the simulator reads it: the status the first engine decision gave,
 * and when and how the registration stopped holding its deal. One withdrawn before any decision
 * keeps its final status, which the simulator counts as undecided.
 */
export function actualOutcomeOf(doc: StoredForReplay): { actual: ActualOutcome; decisiveRule?: string } {
  const first = doc.decisions.find((entry) => entry.kind === 'decision');
  const ended = isTerminal(doc.status);
  const actual: ActualOutcome = {
    status: first ? first.toStatus : doc.status,
    ...(first?.reasonCode ? { reasonCode: first.reasonCode } : {}),
    ...(first ? { decidedAt: first.at } : {}),
    ...(ended ? { endStatus: doc.status as NonNullable<ActualOutcome['endStatus']> } : {}),
    ...(ended ? { endedAt: (doc.endedAt ?? new Date(doc.decisions.at(-1)?.at ?? doc.submittedAt)).toISOString() } : {}),
  };
  // An endedAt written as a Date by one writer and a string by another must read the same.
  if (actual.endedAt) actual.endedAt = new Date(actual.endedAt).toISOString();
  const decisiveRule = first?.trace.find((step) => step.decisive)?.rule;
  return { actual, ...(decisiveRule ? { decisiveRule } : {}) };
}

export function snapshotOf(doc: StoredForReplay): RegistrationSnapshot {
  const { actual, decisiveRule } = actualOutcomeOf(doc);
  const { status: _current, ...facts } = registrationFacts(doc);
  return {
    ...facts,
    submittedAt: new Date(doc.submittedAt).toISOString(),
    actual,
    ...(decisiveRule ? { actualDecisiveRule: decisiveRule } : {}),
  };
}

/** Every accepted registration (those with a sequence), read as the simulator replays them. */
export async function storedSnapshots(): Promise<RegistrationSnapshot[]> {
  const docs = await Registration.find({ sequence: { $exists: true } })
    .select({
      status: 1,
      resellerId: 1,
      partnerType: 1,
      distributorId: 1,
      customer: 1,
      opportunity: 1,
      program: 1,
      sequence: 1,
      submittedAt: 1,
      endedAt: 1,
      decisions: 1,
    })
    .lean<StoredForReplay[]>()
    .exec();
  return docs.map(snapshotOf);
}
