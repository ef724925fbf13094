import mongoose from 'mongoose';
import { unlistFromKeys } from './dealkeys';
import { wakeQueue } from './delivery-claims';
import { Escalation, type EscalationDoc, escalationBucketing, markEscalationListFloor } from './escalations';
import { insertOnce } from './insert-once';
import { listingKeys } from './listing';
import { Outbox } from './outbox';
import { PolicyModel, policyDocId, recordLatest } from './policies';
import { Registration, type RegistrationDoc, registrationListKeys } from './registrations';
import { sequenceHint, takeSequence } from './sequences';

/**
 * Brings data stored by earlier versions to today's shape, once per database: each step leaves a marker
 * in `counters` and is skipped when it finds its marker. Run before any workflow runs (npm start does;
 * a deployment runs its first upgraded worker alone), because the backfills write documents that are
 * otherwise written only by their workflows.
 */
export interface UpgradeDeps {
  /** Starts the workflow of a registration stored by an earlier version's API (see legacy-intake). */
  startLegacyRegistration(registration: RegistrationDoc): Promise<void>;
}

/** Steps that need Temporal run only where it is given (the worker), and stay to do until then. */
const stepsWithTemporal: Record<string, (deps: UpgradeDeps) => Promise<number>> = {
  /**
   * Submissions that an earlier version's API left half done when it died, from its `intake` list (its
   * sweeper finished them; registrations are now stored by their workflows, so nothing is added to the
   * list). One that was numbered gets its workflow; one that was not was never accepted (no 202 was
   * sent) and is discarded.
   */
  'legacy-intake': async (deps) => {
    const intake = mongoose.connection.collection<{ _id: string }>('intake');
    let count = 0;
    for (const entry of await intake.find({}).toArray()) {
      const registration = await Registration.findById(entry._id).lean<RegistrationDoc>().exec();
      if (registration?.sequence !== undefined) await deps.startLegacyRegistration(registration);
      else if (registration) {
        await unlistFromKeys(registration._id, registration.lookupKeys);
        await Registration.deleteOne({ _id: registration._id }).exec();
      }
      await intake.deleteOne({ _id: entry._id });
      count += 1;
    }
    return count;
  },
};

const steps: Record<string, () => Promise<number>> = {
  // Numeric `_id`s are looked up by no index on FerretDB's SQLite backend.
  'policy-string-ids': async () => {
    const legacy = (await PolicyModel.collection.find({}).toArray()).filter((doc) => typeof doc._id === 'number');
    for (const doc of legacy) {
      const version = doc._id as unknown as number;
      await insertOnce(PolicyModel, { ...doc, _id: policyDocId(version), version } as never);
      await PolicyModel.collection.deleteOne({ _id: doc._id });
      await recordLatest(version);
    }
    return legacy.length;
  },
  // `sequences` held numeric ids; `sequencenumbers` starts above its largest, so no number is given twice.
  'sequence-string-ids': async () => {
    const old = mongoose.connection.collection<{ _id: number; registrationId: string }>('sequences');
    const [top] = await old.find({}).sort({ _id: -1 }).limit(1).toArray();
    if (!top) return 0;
    await takeSequence(top._id, top.registrationId);
    await sequenceHint.raise(top._id);
    return top._id;
  },
  'registration-list-keys': async () => {
    let count = 0;
    for await (const doc of Registration.find({ listKeys: { $exists: false } })
      .lean<RegistrationDoc>()
      .cursor()) {
      await Registration.updateOne({ _id: doc._id }, { $set: { listKeys: registrationListKeys(doc) } }).exec();
      count += 1;
    }
    return count;
  },
  'escalation-list-keys': async () => {
    let count = 0;
    let earliest = Number.POSITIVE_INFINITY;
    for await (const doc of Escalation.find({ listKeys: { $exists: false } })
      .lean<EscalationDoc>()
      .cursor()) {
      const listKeys = listingKeys({ status: doc.status }, new Date(doc.createdAt).getTime(), escalationBucketing);
      await Escalation.updateOne({ _id: doc._id }, { $set: { listKeys } }).exec();
      earliest = Math.min(earliest, new Date(doc.createdAt).getTime());
      count += 1;
    }
    if (count > 0) await markEscalationListFloor(new Date(earliest));
    return count;
  },
  // Registrations stored before replay records: the simulation would otherwise read them whole.
  'replay-records': async () => (await import('../api/simulation-snapshots')).buildReplayRecords(),
  // Messages queued before per-webhook queues: their queues are woken once, so a dispatcher reads them.
  'outbox-queue-wakes': async () => {
    const queued = await Outbox.find({}, { webhookId: 1 }).lean<Array<{ webhookId: string }>>().exec();
    const webhooks = [...new Set(queued.map((message) => message.webhookId))];
    for (const webhookId of webhooks) await wakeQueue(webhookId);
    return webhooks.length;
  },
};

const markers = () => mongoose.connection.collection<{ _id: string; at: Date; changed: number }>('counters');

/** Runs the steps not yet done here; returns what each changed. */
export async function upgradeStoredData(deps?: UpgradeDeps): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  const runnable = {
    ...steps,
    ...(deps
      ? Object.fromEntries(Object.entries(stepsWithTemporal).map(([name, step]) => [name, () => step(deps)]))
      : {}),
  };
  for (const [name, step] of Object.entries(runnable)) {
    const marker = `upgrade:${name}`;
    if (await markers().findOne({ _id: marker })) continue;
    done[name] = await step();
    await markers()
      .insertOne({ _id: marker, at: new Date(), changed: done[name] })
      .catch(() => undefined);
  }
  return done;
}
