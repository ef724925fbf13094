import { model, Schema } from 'mongoose';

/**
 * `sequence` numbers, taken by inserting a document whose `_id` is the number. A unique insert is the
 * one write that every MongoDB-wire server (FerretDB v1 included) applies atomically under concurrency;
 * `$inc` on a counter loses increments on FerretDB (scripts/probes/ferretdb-atomicity.ts).
 *
 * Numbers are probed upward one at a time from a hint that never exceeds the largest number taken, so
 * every number below a taken one is already taken: a number is never handed out after a larger one.
 */
interface SequenceDoc {
  _id: number;
  registrationId: string;
  at: Date;
}

const sequenceSchema = new Schema<SequenceDoc>(
  {
    _id: { type: Number, required: true },
    registrationId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// Asked only about submissions that were interrupted between drawing and recording their number.
sequenceSchema.index({ registrationId: 1 });
const Sequence = model<SequenceDoc>('Sequence', sequenceSchema, 'sequences');

interface HintDoc {
  _id: string;
  value: number;
}

/** Only a starting point for probing: a lost or late update makes probing longer, never wrong. */
const SequenceHint = model<HintDoc>(
  'SequenceHint',
  new Schema<HintDoc>(
    { _id: { type: String, required: true }, value: { type: Number, required: true } },
    { versionKey: false },
  ),
  'counters',
);

const HINT_ID = 'registrationSequence';

export async function drawSequence(registrationId: string): Promise<number> {
  const hint = (await SequenceHint.findById(HINT_ID).lean<HintDoc>().exec())?.value ?? 0;
  for (let candidate = hint + 1; ; candidate += 1) {
    try {
      await Sequence.create({ _id: candidate, registrationId, at: new Date() });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) continue;
      throw error;
    }
    await SequenceHint.updateOne({ _id: HINT_ID }, { $max: { value: candidate } }, { upsert: true })
      .exec()
      .catch(() => undefined); // a racing first upsert; the hint is advisory
    return candidate;
  }
}

/** The smallest number a registration drew, if its submission got that far. */
export async function drawnSequenceOf(registrationId: string): Promise<number | undefined> {
  const drawn = await Sequence.find({ registrationId }).sort({ _id: 1 }).limit(1).lean<SequenceDoc[]>().exec();
  return drawn[0]?._id;
}
