import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { model, Schema } from 'mongoose';
import { terminalStatuses } from '../domain/registration';
import type { RegistrationSnapshot } from '../domain/simulation';
import {
  decodeReplayBucket,
  encodeReplayBucket,
  type ReplayEnd,
  settledForReplay,
} from '../domain/simulation/replay-record';
import { insertEachOnce, insertOnce } from './insert-once';
import { bucketOf } from './listing';
import { type RegistrationDoc, registrationBucketing } from './registrations';

/**
 * Buckets per group: the simulation reads a group's records (and its end records) with one equality
 * query on an indexed field, which every server answers from its index, FerretDB v1 included.
 */
export const REPLAY_GROUP_BUCKETS = 64;
export const replayGroupOf = (bucket: number) => Math.floor(bucket / REPLAY_GROUP_BUCKETS);

/**
 * How a record holds its bucket's text (`encodeReplayBucket`). 1: as a string. 2: deflated, as binary:
 * about a ninth of the bytes (62 KB of JSON become 7 KB for the bench's registrations), which every
 * tier between the disk and the replay (PostgreSQL, FerretDB's JSON, BSON) otherwise copies and
 * parses, for 0.1 ms of inflating. Records of format 1 are still read.
 */
const REPLAY_RECORD_FORMAT = 2;

/**
 * One listing bucket's registrations as the policy simulation replays them, written once (unique
 * insert by `_id`) when every one of them is settled (`settledForReplay`) and never changed: two
 * writers of one bucket write the same facts, and the first insert wins.
 */
export interface ReplayRecordDoc {
  _id: string;
  bucket: number;
  group: number;
  format: number;
  count: number;
  /** Format 1. */
  snapshots?: string;
  /** Format 2: a Buffer when written, the driver's Binary (its bytes in `buffer`) when read. */
  packed?: Uint8Array | { buffer: Uint8Array };
  writtenAt: Date;
}

/** A registration's end, written once by its workflow when it ended (see `recordReplayEnd`). */
export interface ReplayEndDoc {
  _id: string;
  group: number;
  endedAt: string;
  endStatus: ReplayEnd['endStatus'];
}

const recordSchema = new Schema<ReplayRecordDoc>(
  {
    _id: { type: String, required: true },
    bucket: { type: Number, required: true },
    group: { type: Number, required: true },
    format: { type: Number, required: true },
    count: { type: Number, required: true },
    snapshots: { type: String },
    packed: { type: Buffer },
    writtenAt: { type: Date, required: true },
  },
  { versionKey: false },
);
recordSchema.index({ group: 1 });

const endSchema = new Schema<ReplayEndDoc>(
  {
    _id: { type: String, required: true },
    group: { type: Number, required: true },
    endedAt: { type: String, required: true },
    endStatus: { type: String, required: true },
  },
  { versionKey: false },
);
endSchema.index({ group: 1 });

export const ReplayRecord = model<ReplayRecordDoc>('ReplayRecord', recordSchema, 'replayrecords');
export const ReplayEndModel = model<ReplayEndDoc>('ReplayEnd', endSchema, 'replayends');

export const replayRecordId = (bucket: number) => `b${String(bucket).padStart(9, '0')}`;

/**
 * A bucket below the top's, by one whole bucket, is full: every sequence in it was drawn long enough
 * ago for its registration to be listed (a number is listed in the same write that stores it).
 */
export const bucketIsClosed = (bucket: number, topSequence: number) =>
  bucket < bucketOf(topSequence, registrationBucketing) - 1;

/** The record of a closed bucket whose registrations are all settled; undefined while one is not. */
export function replayRecordOf(
  bucket: number,
  snapshots: readonly RegistrationSnapshot[],
): ReplayRecordDoc | undefined {
  if (snapshots.length === 0 || !snapshots.every(settledForReplay)) return undefined;
  return {
    _id: replayRecordId(bucket),
    bucket,
    group: replayGroupOf(bucket),
    format: REPLAY_RECORD_FORMAT,
    count: snapshots.length,
    packed: deflateRawSync(encodeReplayBucket([...snapshots].sort((a, b) => a.sequence - b.sequence))),
    writtenAt: new Date(),
  };
}

/** No bucket's text comes near this (128 registrations of bounded fields): a record past it is not ours. */
const MAX_BUCKET_TEXT_BYTES = 64 * 1024 * 1024;

type StoredRecord = Pick<ReplayRecordDoc, '_id' | 'format' | 'snapshots' | 'packed'>;

/** How each format this code reads holds its text; a record of another (a newer release's) is read as if missing. */
const textOfFormat: Record<number, (record: StoredRecord) => string | undefined> = {
  1: (record) => record.snapshots,
  2: (record) => {
    if (record.packed === undefined) return undefined;
    const bytes = record.packed instanceof Uint8Array ? record.packed : record.packed.buffer;
    return inflateRawSync(bytes, { maxOutputLength: MAX_BUCKET_TEXT_BYTES }).toString('utf8');
  },
};

export const readableReplayFormat = (format: number) => Object.hasOwn(textOfFormat, format);

/** The snapshots a record holds, in sequence order, whichever format wrote it. */
export function snapshotsOfRecord(record: StoredRecord) {
  const text = textOfFormat[record.format]?.(record);
  if (text === undefined) throw new Error(`replay record ${record._id}: format ${record.format} is not known`);
  return decodeReplayBucket(text);
}

export async function writeReplayRecord(record: ReplayRecordDoc): Promise<boolean> {
  return insertOnce(ReplayRecord, record);
}

const isTerminal = (status: string): status is ReplayEnd['endStatus'] =>
  (terminalStatuses as readonly string[]).includes(status);

/**
 * Called by the registration's one writer after each decision entry: when it ended, its end is
 * inserted once, so a bucket record written while it still held its deal is read with its end.
 */
export async function recordReplayEnd(
  registration: Pick<RegistrationDoc, '_id' | 'status' | 'sequence' | 'endedAt'>,
  entryAt: string,
): Promise<void> {
  if (registration.sequence === undefined || !isTerminal(registration.status)) return;
  await insertOnce(ReplayEndModel, {
    _id: registration._id,
    group: replayGroupOf(bucketOf(registration.sequence, registrationBucketing)),
    endedAt: new Date(registration.endedAt ?? entryAt).toISOString(),
    endStatus: registration.status,
  });
}

/** `recordReplayEnd` for many registrations, in one command. */
export async function recordReplayEnds(
  ended: ReadonlyArray<{ registration: Pick<RegistrationDoc, '_id' | 'status' | 'sequence' | 'endedAt'>; at: string }>,
): Promise<void> {
  const ends = ended.flatMap(({ registration, at }) =>
    registration.sequence === undefined || !isTerminal(registration.status)
      ? []
      : [
          {
            _id: registration._id,
            group: replayGroupOf(bucketOf(registration.sequence, registrationBucketing)),
            endedAt: new Date(registration.endedAt ?? at).toISOString(),
            endStatus: registration.status,
          },
        ],
  );
  await insertEachOnce(ReplayEndModel, ends);
}

/** A group's records and the ends of its registrations. */
export async function readReplayGroup(
  group: number,
): Promise<{ records: ReplayRecordDoc[]; ends: Map<string, ReplayEnd> }> {
  const [records, ends] = await Promise.all([
    ReplayRecord.find({ group }).lean<ReplayRecordDoc[]>().exec(),
    ReplayEndModel.find({ group }).lean<ReplayEndDoc[]>().exec(),
  ]);
  return {
    records,
    ends: new Map(
      ends.map((end) => [end._id, { registrationId: end._id, endedAt: end.endedAt, endStatus: end.endStatus }]),
    ),
  };
}
