import { model, Schema } from 'mongoose';

/**
 * Registrations whose submission is under way: written before the registration, removed once its
 * workflow runs. If the API dies in between, the worker's sweeper finishes the job (or discards a
 * registration that never got its sequence and so was never accepted). Small by construction.
 */
interface IntakeDoc {
  _id: string;
  at: Date;
}

export const Intake = model<IntakeDoc>(
  'Intake',
  new Schema<IntakeDoc>(
    { _id: { type: String, required: true }, at: { type: Date, required: true } },
    { versionKey: false },
  ),
  'intake',
);
