import { type Model, model, models, Schema } from 'mongoose';

interface HintDoc {
  _id: string;
  value: number;
}

/** One model per collection that holds hints (`counters` unless said otherwise). */
function hintModel(collection: string): Model<HintDoc> {
  const name = `Hint_${collection}`;
  return (
    (models[name] as Model<HintDoc> | undefined) ??
    model<HintDoc>(
      name,
      new Schema<HintDoc>(
        { _id: { type: String, required: true }, value: { type: Number, required: true } },
        { versionKey: false },
      ),
      collection,
    )
  );
}

/**
 * A number that only rises (the largest sequence, policy version or audit position taken), kept as a
 * starting point for probing by unique insert. FerretDB applies `$max` without atomicity, so a
 * concurrent raise may be lost: that makes the next probe longer, never wrong.
 */
export function numberHint(id: string, collection = 'counters') {
  const hints = hintModel(collection);
  return {
    read: async (): Promise<number> => (await hints.findById(id).lean<HintDoc>().exec())?.value ?? 0,
    raise: async (value: number): Promise<void> => {
      await hints.updateOne({ _id: id }, { $max: { value } }, { upsert: true }).exec();
    },
  };
}
