import { bucketOf, listingKey } from '../db/listing';
import {
  type FactsSource,
  Registration,
  type RegistrationDoc,
  registrationBucketing,
  registrationFacts,
} from '../db/registrations';
import { highestSequence } from '../db/sequences';
import { terminalStatuses } from '../domain/registration';
import type { ActualOutcome, RegistrationSnapshot } from '../domain/simulation';

type StoredDecision = Pick<RegistrationDoc['decisions'][number], 'kind' | 'toStatus' | 'reasonCode' | 'at'> & {
  trace: { rule: string; decisive?: boolean }[];
};

/** A stored registration as far as the replay reads it: what `replayProjection` asks the database for. */
export type StoredForReplay = FactsSource &
  Pick<RegistrationDoc, 'submittedAt' | 'endedAt'> & { decisions: StoredDecision[] };

/**
 * Only the fields the replay reads: the engine's facts, the times, and of each decision what tells the
 * actual outcome. Explanations, traces' sentences, search text and keys stay in the database; they are
 * most of a stored registration.
 */
export const replayProjection = {
  _id: 1,
  status: 1,
  resellerId: 1,
  partnerType: 1,
  distributorId: 1,
  customer: 1,
  'opportunity.productLines': 1,
  program: 1,
  sequence: 1,
  submittedAt: 1,
  endedAt: 1,
  'decisions.kind': 1,
  'decisions.toStatus': 1,
  'decisions.reasonCode': 1,
  'decisions.at': 1,
  'decisions.trace.rule': 1,
  'decisions.trace.decisive': 1,
} as const;

const isTerminal = (status: string): status is NonNullable<ActualOutcome['endStatus']> =>
  (terminalStatuses as readonly string[]).includes(status);

/**
 * What actually happened, as the simulator reads it: the status the first engine decision gave,
 * and when and how the registration stopped holding its deal. One withdrawn before any decision
 * keeps its final status, which the simulator counts as undecided.
 */
export function actualOutcomeOf(doc: Pick<StoredForReplay, 'status' | 'decisions' | 'endedAt' | 'submittedAt'>): {
  actual: ActualOutcome;
  decisiveRule?: string;
} {
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

export interface StoredWalk {
  /** The highest sequence number when the walk began: about how many registrations it will read. */
  top: number;
  /** Pages in acceptance order (each a few listing buckets); registrations accepted later are left out. */
  pages: AsyncGenerator<RegistrationSnapshot[]>;
}

/**
 * Every accepted registration, in sequence order, one listing bucket (128) at a time, each read with the
 * replay's projection. It walks the unfiltered scope's buckets (`*|<bucket>`, db/listing.ts) upward:
 * every query is an equality on an indexed field, which every server (FerretDB v1 included) answers
 * from its index, and memory holds two buckets whatever the store's size. One read is in flight at a
 * time, the next one while the caller replays the last: the database serves every other request of
 * the API too, and more reads at once made both the simulation and those requests slower (bench).
 */
export async function walkStoredRegistrations(): Promise<StoredWalk> {
  const top = await highestSequence();
  const lastBucket = bucketOf(top, registrationBucketing);
  const read = (bucket: number) => {
    const reading = Registration.find({ listKeys: listingKey('*', bucket) })
      .select(replayProjection)
      .lean<StoredForReplay[]>()
      .exec()
      .then((docs) => docs.filter((doc) => doc.sequence !== undefined && doc.sequence <= top).map(snapshotOf));
    // A walk stopped early (the time limit) leaves its last read unawaited: its failure is nobody's.
    reading.catch(() => undefined);
    return reading;
  };
  async function* pages(): AsyncGenerator<RegistrationSnapshot[]> {
    let next = lastBucket >= 0 ? read(0) : undefined;
    for (let bucket = 0; next !== undefined; bucket += 1) {
      const page = await next;
      next = bucket < lastBucket ? read(bucket + 1) : undefined;
      if (page.length > 0) yield page;
    }
  }
  return { top, pages: pages() };
}
