import { model, Schema } from 'mongoose';

interface CounterDoc {
  _id: string;
  value: number;
}

const Counter = model<CounterDoc>(
  'Counter',
  new Schema<CounterDoc>(
    { _id: { type: String, required: true }, value: { type: Number, required: true } },
    { versionKey: false },
  ),
  'counters',
);

/** Atomically takes the next number of a named counter (one document, `$inc`: safe across processes). */
export async function nextCounterValue(name: string): Promise<number> {
  const counter = await Counter.findOneAndUpdate(
    { _id: name },
    { $inc: { value: 1 } },
    { upsert: true, new: true, lean: true },
  ).exec();
  if (!counter) throw new Error(`counter ${name} could not be incremented`);
  return counter.value;
}
