import type { CurrentAccounts } from '../db/current-accounts';
import { bucketOf, listingKey } from '../db/listing';
import {
  type FactsSource,
  Registration,
  type RegistrationDoc,
  registrationBucketing,
  registrationFacts,
} from '../db/registrations';
import {
  bucketIsClosed,
  REPLAY_GROUP_BUCKETS,
  readableReplayFormat,
  readReplayGroup,
  replayGroupOf,
  replayRecordOf,
  snapshotsOfRecord,
  writeReplayRecord,
} from '../db/replay-records';
import { highestSequence } from '../db/sequences';
import { terminalStatuses } from '../domain/registration';
import type { ActualOutcome, RegistrationSnapshot } from '../domain/simulation';
import { applyReplayEnds } from '../domain/simulation/replay-record';

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
  account: 1,
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
  /** Pages in acceptance order (one listing bucket each); registrations accepted later are left out. */
  pages: AsyncGenerator<RegistrationSnapshot[]>;
  /** Replay records this walk wrote so far, for buckets it found settled. */
  readonly sealed: number;
}

/** The bucket's registrations read whole (with the replay's projection): the still-live tail. */
function readBucket(bucket: number, top: number): Promise<RegistrationSnapshot[]> {
  return Registration.find({ listKeys: listingKey('*', bucket) })
    .select(replayProjection)
    .lean<StoredForReplay[]>()
    .exec()
    .then((docs) => docs.filter((doc) => doc.sequence !== undefined && doc.sequence <= top).map(snapshotOf));
}

/**
 * Every accepted registration, in sequence order, one listing bucket (128) at a time. A bucket whose
 * registrations are all settled is read from its replay record (db/replay-records.ts), 64 buckets per
 * query, with the ends that came after it; the rest, the still-live tail, from the registrations
 * themselves (`*|<bucket>`, db/listing.ts), and a closed bucket read that way whose registrations
 * turn out settled gets its record written, so the next walk reads it compactly. Every query is an
 * equality on an indexed field, which every server (FerretDB v1 included) answers from its index. One
 * read is in flight at a time, the next one while the caller replays the last: the database serves
 * every other request of the API too, and more reads at once made both slower (bench).
 */
export async function walkStoredRegistrations(): Promise<StoredWalk> {
  const top = await highestSequence();
  const lastBucket = bucketOf(top, registrationBucketing);
  const lastGroup = replayGroupOf(lastBucket);
  const readGroup = (group: number) => {
    const reading = readReplayGroup(group);
    // A walk stopped early (the time limit) leaves its last read unawaited: its failure is nobody's.
    reading.catch(() => undefined);
    return reading;
  };
  async function* pages(): AsyncGenerator<RegistrationSnapshot[]> {
    let nextGroup = lastBucket >= 0 ? readGroup(0) : undefined;
    for (let group = 0; nextGroup !== undefined; group += 1) {
      const { records, ends } = await nextGroup;
      nextGroup = group < lastGroup ? readGroup(group + 1) : undefined;
      // A record this release cannot read (a newer one wrote it) is passed over: its bucket is read whole.
      const byBucket = new Map(
        records.filter((record) => readableReplayFormat(record.format)).map((record) => [record.bucket, record]),
      );
      const first = group * REPLAY_GROUP_BUCKETS;
      for (let bucket = first; bucket < first + REPLAY_GROUP_BUCKETS && bucket <= lastBucket; bucket += 1) {
        const record = byBucket.get(bucket);
        const page = record
          ? applyReplayEnds(snapshotsOfRecord(record), ends).filter((s) => s.sequence <= top)
          : await readBucket(bucket, top);
        if (!record && bucketIsClosed(bucket, top)) {
          const sealed = replayRecordOf(bucket, page);
          if (sealed && (await writeReplayRecord(sealed))) walk.sealed += 1;
        }
        if (page.length > 0) yield page;
      }
    }
  }
  const walk = { top, pages: pages(), sealed: 0 };
  return walk;
}

/**
 * Writes the record of every closed bucket that has none and whose registrations are all settled
 * (the upgrade step for registrations stored before records existed; the walk does the same as it
 * goes). Returns how many it wrote. It reads every such bucket whole: run it off the request path.
 */
export async function buildReplayRecords(): Promise<number> {
  const walk = await walkStoredRegistrations();
  for (;;) {
    const next = await walk.pages.next();
    if (next.done) return walk.sealed;
  }
}

/**
 * The page as the candidate routes it: each registration by the vendor's account it is now, not the one
 * recorded at its acceptance (an account may have been created, corrected or reassigned since), and by
 * its declaration when it is none now.
 */
export async function withCurrentAccounts(
  page: readonly RegistrationSnapshot[],
  accounts: CurrentAccounts,
): Promise<RegistrationSnapshot[]> {
  return Promise.all(
    page.map(async (snapshot) => {
      const { account: then, ...rest } = snapshot;
      const now = await accounts.factsOf(snapshot.customer);
      return { ...rest, ...(now && { account: now }), accountAtAcceptance: then ?? null };
    }),
  );
}
