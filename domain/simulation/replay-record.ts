import type { ActualOutcome, RegistrationSnapshot } from './types';

/**
 * A listing bucket's registrations as the replay reads them, as one text (a JSON array of snapshots):
 * a database that decodes every field of every document it returns (FerretDB v1) decodes one value
 * instead of a hundred and twenty-eight registrations of about 3 KB each. How the text is stored is
 * the store's (db/replay-records.ts).
 */
export function encodeReplayBucket(snapshots: readonly RegistrationSnapshot[]): string {
  return JSON.stringify(snapshots);
}

export function decodeReplayBucket(text: string): RegistrationSnapshot[] {
  return JSON.parse(text) as RegistrationSnapshot[];
}

/**
 * A bucket's record may be written once nothing the replay reads of its registrations can change but
 * their end: every one has its first decision (or ended without one). Registrations still holding a
 * deal then are ended later by their end records (`applyReplayEnds`).
 */
export const settledForReplay = (snapshot: RegistrationSnapshot): boolean =>
  snapshot.actual.status !== 'pending' || snapshot.actual.endStatus !== undefined;

/** How a registration stopped holding its deal, written once when it did. */
export interface ReplayEnd {
  registrationId: string;
  endedAt: string;
  endStatus: NonNullable<ActualOutcome['endStatus']>;
}

/** The record's snapshots with the ends that came after it was written. */
export function applyReplayEnds(
  snapshots: readonly RegistrationSnapshot[],
  ends: ReadonlyMap<string, ReplayEnd>,
): RegistrationSnapshot[] {
  return snapshots.map((snapshot) => {
    const end = ends.get(snapshot.id);
    if (!end || snapshot.actual.endStatus !== undefined) return snapshot;
    return { ...snapshot, actual: { ...snapshot.actual, endStatus: end.endStatus, endedAt: end.endedAt } };
  });
}
