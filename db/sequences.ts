import { model, Schema } from 'mongoose';
import pLimit from 'p-limit';
import { numberHint } from './hints';
import { insertEachOnce, insertOnce } from './insert-once';

/**
 * `sequence` numbers, taken by inserting a document whose `_id` is the number. A unique insert is the
 * one write that every MongoDB-wire server (FerretDB v1 included) applies atomically under concurrency;
 * `$inc` on a counter loses increments on FerretDB (scripts/probes/ferretdb-atomicity.ts).
 *
 * Numbers are probed upward one at a time from a hint that never exceeds the largest number taken, so
 * every number below a taken one is already taken: a number is never handed out after a larger one.
 */
interface SequenceDoc {
  /** The number in decimal: only a string `_id` is looked up by index on every FerretDB backend. */
  _id: string;
  value: number;
  registrationId: string;
  at: Date;
}

const sequenceSchema = new Schema<SequenceDoc>(
  {
    _id: { type: String, required: true },
    value: { type: Number, required: true },
    registrationId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
/** `sequences` held numeric ids, which FerretDB's SQLite backend scans for; db/upgrade.ts carries its top over. */
export const Sequence = model<SequenceDoc>('Sequence', sequenceSchema, 'sequencenumbers');

/** Where probing starts: never above the largest number taken. */
export const sequenceHint = numberHint('registrationSequence');

/**
 * The last number this process took, per database: a valid starting point, since it never exceeds the
 * largest taken there (keyed by database so that a process moving to another one never skips numbers).
 */
const lastTakenHere = new Map<string, number>();
/** After this many taken numbers in a row, other processes are drawing too: jump to the shared hint. */
const PROBES_BEFORE_REREAD = 8;

const sharedHint = () => sequenceHint.read();

/** Takes `value` for a registration, if nobody has; exported for the upgrade that carries old numbers over. */
export const takeSequence = (value: number, registrationId: string): Promise<boolean> =>
  insertOnce(Sequence, { _id: String(value), value, registrationId, at: new Date() });

const isTaken = async (value: number): Promise<boolean> =>
  (await Sequence.exists({ _id: String(value) }).exec()) !== null;

/**
 * Draws in one process run one at a time: concurrent draws from the same starting point would each probe
 * past the others' numbers (a burst of n costs n² inserts), and a number must never be taken while a
 * smaller one that this process is about to take is still free (see highestSequence).
 */
const oneDrawAtATime = pLimit(1);

export function drawSequence(registrationId: string): Promise<number> {
  return oneDrawAtATime(() => drawNext(registrationId));
}

async function drawNext(registrationId: string): Promise<number> {
  const database = Sequence.db.name;
  let candidate = (lastTakenHere.get(database) || (await sharedHint())) + 1;
  for (let probes = 1; ; probes += 1) {
    if (!(await takeSequence(candidate, registrationId))) {
      // Every number below a taken one is taken, so jumping past the shared hint skips nothing.
      candidate = probes % PROBES_BEFORE_REREAD === 0 ? Math.max(candidate, await sharedHint()) + 1 : candidate + 1;
      continue;
    }
    lastTakenHere.set(database, Math.max(lastTakenHere.get(database) ?? 0, candidate));
    // Advisory, for other processes: not awaited, and a lost update only makes their probing longer.
    void sequenceHint.raise(candidate).catch(() => undefined);
    return candidate;
  }
}

/**
 * The largest number taken so far (0 if none): from the hint, then up by point reads, doubling the step
 * and halving back, which stays a handful of lookups however far the hint lags (every number below a
 * taken one is taken, so "taken" is monotone).
 */
export async function highestSequence(): Promise<number> {
  let low = Math.max(lastTakenHere.get(Sequence.db.name) ?? 0, await sharedHint());
  let step = 1;
  while (await isTaken(low + step)) {
    low += step;
    step *= 2;
  }
  let high = low + step; // not taken
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await isTaken(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** Candidates tried in one insert while a block is drawn. */
const BLOCK_BATCH = 1000;

/**
 * `count` numbers for one job (an import), in ascending order, above every number taken before the job
 * first drew: the numbers are taken under `holder` (not a registration id), so a resumed job finds those
 * it took already and takes only the rest. Candidates are inserted a batch at a time from the top up, so
 * every number below a taken one stays taken; one that another process takes meanwhile is passed over.
 */
export function drawBlock(holder: string, count: number): Promise<number[]> {
  return oneDrawAtATime(async () => {
    const held = await Sequence.find({ registrationId: holder }, { value: 1 }).lean<SequenceDoc[]>().exec();
    const numbers = held.map((doc) => doc.value).sort((a, b) => a - b);
    let candidate = (await highestSequence()) + 1;
    while (numbers.length < count) {
      const batch = Array.from({ length: Math.min(BLOCK_BATCH, count - numbers.length) }, (_, at) => candidate + at);
      const at = new Date();
      const taken = await insertEachOnce(
        Sequence,
        batch.map((value) => ({ _id: String(value), value, registrationId: holder, at })),
      );
      numbers.push(...batch.filter((_, index) => taken[index]));
      candidate += batch.length;
    }
    const top = numbers.at(-1);
    if (top !== undefined) {
      lastTakenHere.set(Sequence.db.name, Math.max(lastTakenHere.get(Sequence.db.name) ?? 0, top));
      await sequenceHint.raise(top);
    }
    return numbers.slice(0, count);
  });
}
