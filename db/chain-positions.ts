import { model, Schema } from 'mongoose';
import { insertEachOnce, insertOnce } from './insert-once';
import { findEachById } from './point-reads';
import type { DecisionRecord, RegistrationDoc } from './registrations';

/**
 * One entry per place in a registration's decision chain, taken by unique insert (the one write that
 * FerretDB v1 applies atomically too): `_id` is the registration and the hash the new entry follows.
 * An activity attempt that outlived its timeout and its retry can therefore never both append: the
 * second finds the place taken. The claim carries its entry and the fields that go with it, so that if
 * its writer died between claiming and writing, a later attempt completes that write instead of being
 * stuck behind it. Kept, never deleted: a late attempt must keep finding the place taken.
 */
export interface ChainPositionDoc {
  _id: string;
  registrationId: string;
  record: DecisionRecord;
  /** The registration's fields that change with this entry, besides the chain itself. */
  set: Partial<RegistrationDoc>;
  unsetReasonCode: boolean;
  at: Date;
}

export const ChainPosition = model<ChainPositionDoc>(
  'ChainPosition',
  new Schema<ChainPositionDoc>(
    {
      _id: { type: String, required: true },
      registrationId: { type: String, required: true },
      record: { type: Schema.Types.Mixed, required: true },
      set: { type: Schema.Types.Mixed, required: true },
      unsetReasonCode: { type: Boolean, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'chainpositions',
);

export const chainPositionId = (registrationId: string, prevHash: string) => `${registrationId}#${prevHash}`;

export type ChainEntry = Omit<ChainPositionDoc, '_id' | 'registrationId' | 'at'>;

/** Takes the place after `prevHash` for `entry`; otherwise returns whoever holds it. */
export async function claimChainPosition(
  registrationId: string,
  entry: ChainEntry,
): Promise<{ won: true } | { won: false; holder: ChainPositionDoc | null }> {
  const _id = chainPositionId(registrationId, entry.record.prevHash);
  if (await insertOnce(ChainPosition, { _id, registrationId, ...entry, at: new Date() })) return { won: true };
  return { won: false, holder: await ChainPosition.findById(_id).lean<ChainPositionDoc>().exec() };
}

/**
 * Where a claimed entry went in the global audit log (db/audit-log.ts), once it did: whoever completes
 * an abandoned claim appends it only if this is missing. An insert, not an update of the claim: on
 * FerretDB an update filters by scanning, an `_id` read and an insert do not.
 */
interface AuditLogRefDoc {
  _id: string;
  auditPosition: number;
}

const AuditLogRef = model<AuditLogRefDoc>(
  'AuditLogRef',
  new Schema<AuditLogRefDoc>(
    { _id: { type: String, required: true }, auditPosition: { type: Number, required: true } },
    { versionKey: false },
  ),
  'auditlogrefs',
);

export async function recordAuditPosition(registrationId: string, prevHash: string, auditPosition: number) {
  await insertOnce(AuditLogRef, { _id: chainPositionId(registrationId, prevHash), auditPosition });
}

export async function auditPositionOf(registrationId: string, prevHash: string): Promise<number | undefined> {
  const ref = await AuditLogRef.findById(chainPositionId(registrationId, prevHash)).lean<AuditLogRefDoc>().exec();
  return ref?.auditPosition;
}

/**
 * First places in many chains at once (a migration's history rows), each its own unique insert: for
 * each registration, whether this call took it, and otherwise who holds it.
 */
export async function claimFirstPositions(
  claims: ReadonlyArray<{ registrationId: string; entry: ChainEntry }>,
): Promise<Map<string, { won: true } | { won: false; holder: ChainPositionDoc | null }>> {
  const at = new Date();
  const docs = claims.map(({ registrationId, entry }) => ({
    _id: chainPositionId(registrationId, entry.record.prevHash),
    registrationId,
    ...entry,
    at,
  }));
  const inserted = await insertEachOnce(ChainPosition, docs);
  const lost = docs.filter((_, index) => !inserted[index]);
  const holders = await findEachById(
    ChainPosition,
    lost.map((doc) => doc._id),
  );
  return new Map(
    docs.map((doc, index) => [
      doc.registrationId,
      inserted[index] ? { won: true as const } : { won: false as const, holder: holders.get(doc._id) ?? null },
    ]),
  );
}

export async function recordAuditPositions(
  refs: ReadonlyArray<{ registrationId: string; prevHash: string; auditPosition: number }>,
): Promise<void> {
  await insertEachOnce(
    AuditLogRef,
    refs.map((ref) => ({ _id: chainPositionId(ref.registrationId, ref.prevHash), auditPosition: ref.auditPosition })),
  );
}
