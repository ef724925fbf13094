import { model, Schema } from 'mongoose';
import { insertOnce } from './insert-once';
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
  /** Where the entry went in the global audit log (db/audit-log.ts), once it did: it is appended once. */
  auditPosition?: number;
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
      auditPosition: Number,
    },
    { versionKey: false, minimize: false },
  ),
  'chainpositions',
);

export const chainPositionId = (registrationId: string, prevHash: string) => `${registrationId}#${prevHash}`;

export type ChainEntry = Omit<ChainPositionDoc, '_id' | 'registrationId' | 'at' | 'auditPosition'>;

/** Takes the place after `prevHash` for `entry`; otherwise returns whoever holds it. */
export async function claimChainPosition(
  registrationId: string,
  entry: ChainEntry,
): Promise<{ won: true } | { won: false; holder: ChainPositionDoc | null }> {
  const _id = chainPositionId(registrationId, entry.record.prevHash);
  if (await insertOnce(ChainPosition, { _id, registrationId, ...entry, at: new Date() })) return { won: true };
  return { won: false, holder: await ChainPosition.findById(_id).lean<ChainPositionDoc>().exec() };
}

/** Notes that the claim's entry is in the global audit log; only its one writer sets this. */
export async function recordAuditPosition(registrationId: string, prevHash: string, auditPosition: number) {
  await ChainPosition.updateOne({ _id: chainPositionId(registrationId, prevHash) }, { $set: { auditPosition } }).exec();
}
