import { model, Schema } from 'mongoose';
import { insertOnce } from './insert-once';

/**
 * The earliest position a list can hold, so that a walk over its buckets starts or stops there instead
 * of at 1970. Written once per list, by whoever stores its first document (an insert: the first wins).
 */
const ListFloor = model<{ _id: string; at: Date }>(
  'ListFloor',
  new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { versionKey: false }),
  'counters',
);

/** Lists known to have their floor, per database, so that each process writes a floor at most once per list. */
const known = new Map<string, Set<string>>();

export async function markListFloor(list: string, at: Date): Promise<void> {
  const database = ListFloor.db.name;
  const lists = known.get(database) ?? new Set<string>();
  known.set(database, lists);
  if (lists.has(list)) return;
  await insertOnce(ListFloor, { _id: `listFloor:${list}`, at });
  lists.add(list);
}

/** The list's floor less `margin` (documents stored at the same moment by other processes), or undefined if empty. */
export async function listFloor(list: string, margin: number): Promise<number | undefined> {
  const floor = await ListFloor.findById(`listFloor:${list}`).lean<{ at: Date }>().exec();
  return floor ? floor.at.getTime() - margin : undefined;
}
