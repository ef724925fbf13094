import { model, Schema } from 'mongoose';

/**
 * One document per customer lookup key, listing the registrations that hold or may hold a deal under it.
 * The conflict check reads these by `_id`, which every MongoDB-wire server answers from an index
 * (FerretDB's SQLite backend answers nothing else from one), so its cost does not grow with history.
 */
interface DealKeyDoc {
  _id: string;
  registrationIds: string[];
}

const DealKey = model<DealKeyDoc>(
  'DealKey',
  new Schema<DealKeyDoc>(
    { _id: { type: String, required: true }, registrationIds: { type: [String], default: [] } },
    { versionKey: false },
  ),
  'dealkeys',
);

export async function listUnderKeys(registrationId: string, keys: readonly string[]): Promise<void> {
  await Promise.all(
    keys.map((key) =>
      DealKey.updateOne({ _id: key }, { $addToSet: { registrationIds: registrationId } }, { upsert: true }).exec(),
    ),
  );
}

export async function unlistFromKeys(registrationId: string, keys: readonly string[]): Promise<void> {
  await Promise.all(
    keys.map((key) => DealKey.updateOne({ _id: key }, { $pull: { registrationIds: registrationId } }).exec()),
  );
}

/** Ids listed under any of the keys (point reads by `_id`, never a scan). */
export async function registrationIdsUnderKeys(keys: readonly string[]): Promise<string[]> {
  const docs = await Promise.all(keys.map((key) => DealKey.findById(key).lean<DealKeyDoc>().exec()));
  return [...new Set(docs.flatMap((doc) => doc?.registrationIds ?? []))];
}
