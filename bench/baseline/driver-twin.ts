import { randomBytes } from 'node:crypto';
import { type Db, MongoClient, MongoServerError } from 'mongodb';
import { customerIdentity, lookupKeys } from '../../domain/matching';
import type { RegistrationSubmission } from '../../domain/registration';
import { progress } from '../../scripts/dev-stack/stack';
import { type UsageWindow, type WatchedProcess, watchUsage } from '../infra/proc-stats';
import { epochMs, type LoadResult, runClosedLoop } from '../load/driver';
import { measureTwinBursts, type TwinBursts, type TwinStarted } from './twin-bursts';

export interface DriverTwinRun {
  /** Each sample's latency is its answer (the acceptance's writes done); `completedAt` its decision written. */
  load: LoadResult<unknown>;
  completedAt: Map<number, number>;
  usage: UsageWindow;
  bursts: TwinBursts;
}

const isDuplicateKey = (error: unknown) => error instanceof MongoServerError && error.code === 11000;

/** A unique insert that may find its key taken, as db/insert-once.ts: whoever inserts first. */
async function insertOnce(db: Db, collection: string, doc: { _id: string } & Record<string, unknown>) {
  try {
    await db.collection<{ _id: string }>(collection).insertOne(doc);
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}

/** The indexes dealreg's models declare on the collections the twin's commands read by more than `_id`. */
async function createIndexes(db: Db): Promise<void> {
  await db.collection('dealkeys').createIndex({ key: 1 });
  await db.collection('quotaslots').createIndex({ holder: 1 });
  await db.collection('accounts').createIndex({ nameKeys: 1 });
  await db.collection('registrations').createIndex({ sequence: 1 });
  await db.collection('registrations').createIndex({ listKeys: 1 });
  await db.collection('auditlog').createIndex({ registrationId: 1 });
  await db.collection('dealwatches').createIndex({ resellerId: 1 });
}

const byId = (id: string) => ({ _id: id as never });
const raiseHint = (db: Db, collection: string, id: string, value: number) =>
  db.collection(collection).updateOne(byId(id), { $max: { value } }, { upsert: true });

/**
 * A registration's database commands, in dealreg's order, for a distinct deal under a policy without
 * limits, as read from the code each method names and checked against the API's and the worker's command
 * monitoring while the benchmark sent registrations one at a time (2026-12-07, 19 registrations: the API
 * 4 reads, the worker about 40 commands with 3.4 lookup keys on average; this class sends the same per
 * key). Not reproduced: the conflict check's reads of other registrations (a distinct deal has none),
 * retries of unique inserts a concurrent writer took first (sequence, audit log, feed entries), the
 * worker's idle outbox polling, and everything Temporal does.
 */
class RegistrationCommands {
  private sequence = 0;
  private auditPosition = 0;

  constructor(private readonly db: Db) {}

  /** The API's reads before the workflow starts: api/auth.ts (the key), partner-cache.ts, product-catalogue.ts. */
  async admit(): Promise<void> {
    await this.db.collection('apikeys').findOne(byId('key'));
    await Promise.all([
      this.db.collection('resellers').findOne(byId('reseller')),
      this.db.collection('vendormarkers').findOne(byId('catalogue')),
    ]);
  }

  /** activities/accept.ts `storeSubmission`, first attempt. */
  async accept(body: RegistrationSubmission): Promise<{ id: string; keys: string[] }> {
    const { db } = this;
    const id = `reg_${randomBytes(12).toString('hex')}`;
    const identity = customerIdentity(body.customer);
    const keys = lookupKeys(identity);
    // currentPolicy(): the head probe, a point read of the next version (absent), while accountCandidates()
    // reads a point per certain key and an equality per name key (nothing found).
    await Promise.all([
      db.collection('policies').findOne(byId('v99')),
      ...identity.certainKeys.map((key) => db.collection('accountkeys').findOne(byId(key))),
      ...[identity.nameKey, ...identity.blockingKeys].map((key) =>
        db.collection('accounts').find({ nameKeys: key }).limit(50).toArray(),
      ),
    ]);
    // reserveQuota() with the policy read above; takeSlotsOnce(): the holder's key slots, then per lookup
    // key slot 1 taken by a unique insert (db/quota.ts: free keys need no hint).
    const quota = db.collection('quotaslots');
    await quota.find({ holder: id, kind: 'key' }, { projection: { _id: 1 } }).toArray();
    await Promise.all(
      keys.map(async (key) => {
        const counter = `${body.distributorId}|key|${key}|${id}`;
        await insertOnce(db, 'quotaslots', { _id: `${counter}|1`, holder: id, kind: 'key', at: new Date() });
      }),
    );
    // listUnderKeys(): one unordered insert of the deal-key entries.
    await db.collection('dealkeys').insertMany(
      keys.map((key) => ({ _id: `${key}|${id}` as never, key, registrationId: id })),
      { ordered: false },
    );
    // drawSequence(): the number taken by a unique insert, the shared hint raised (not awaited).
    const sequence = ++this.sequence;
    await insertOnce(db, 'sequencenumbers', {
      _id: String(sequence),
      value: sequence,
      registrationId: id,
      at: new Date(),
    });
    // insertOnce(Registration): the document with the fields the acceptance derives.
    const at = new Date();
    await db.collection('registrations').insertOne({
      _id: id as never,
      status: 'pending',
      ...body,
      searchText: `${body.customer.name} ${body.opportunity.productLines.join(' ')}`,
      lookupKeys: keys,
      customerKeys: identity.certainKeys,
      listKeys: [`reseller:${body.resellerId ?? ''}:${sequence}`, `distributor:${body.distributorId}:${sequence}`],
      sequence,
      submittedAt: at,
      extensionsUsed: 0,
      policyVersion: 1,
      decisions: [],
      decisionKeys: [],
      lastDecisionHash: 'genesis',
      workflowId: `registration-${id}`,
      updatedAt: at,
    });
    void raiseHint(db, 'counters', 'sequence', sequence).catch(() => undefined);
    return { id, keys };
  }

  /** services/watch-deal.ts `endWatchesOnResubmission`: the API's read after the acceptance, before its 202. */
  async endWatches(body: RegistrationSubmission): Promise<void> {
    await this.db
      .collection('dealwatches')
      .find({ resellerId: body.resellerId ?? '' })
      .toArray();
  }

  /** activities/weigh.ts `weighIn`: the registration read, then the listings under each of its keys. */
  async check({ id, keys }: { id: string; keys: string[] }): Promise<void> {
    const { db } = this;
    await db.collection('registrations').findOne(byId(id));
    await Promise.all(
      keys.map((key) =>
        db
          .collection('dealkeys')
          .find({ key }, { projection: { registrationId: 1 } })
          .limit(2001)
          .toArray(),
      ),
    );
  }

  /** activities/record-step.ts `recordStep`: db/decision-log.ts `applyTransition`, then `completeEffects`. */
  async decide({ id }: { id: string }, body: RegistrationSubmission): Promise<void> {
    const { db } = this;
    const at = new Date();
    const entry = { key: `decision|${id}`, toStatus: 'approved', at, hash: randomBytes(32).toString('hex') };
    const registrations = db.collection('registrations');
    // applyTransition: the document read, the chain position claimed, the global audit log appended (its
    // head hint raised, not awaited) and its place noted, the head read again (FerretDB applies no guard
    // atomically), the entry and status written.
    await registrations.findOne(byId(id));
    await insertOnce(db, 'chainpositions', { _id: `${id}|genesis`, registrationId: id, record: entry, at });
    const position = ++this.auditPosition;
    await insertOnce(db, 'auditlog', { _id: String(position).padStart(12, '0'), registrationId: id, ...entry });
    await insertOnce(db, 'auditlogrefs', { _id: `${id}|genesis`, auditPosition: position });
    void raiseHint(db, 'auditloghint', 'head', position).catch(() => undefined);
    await registrations.findOne(byId(id), { projection: { lastDecisionHash: 1 } });
    await registrations.findOneAndUpdate(
      byId(id),
      {
        $set: {
          status: 'approved',
          decidedAt: at,
          protectedUntil: new Date(at.getTime() + 90 * 86_400_000),
          decisions: [entry],
          decisionKeys: [entry.key],
          lastDecisionHash: entry.hash,
          updatedAt: new Date(),
        },
        $unset: { reasonCode: 1 },
      },
      { returnDocument: 'after' },
    );
    // completeEffects: the decision's two insight facts, the partners' two events (reseller and
    // distributor), each appended to its feed: the two heads read, the entries inserted, the heads raised.
    await db.collection('insightfacts').insertMany(
      ['decided', 'approved'].map((fact) => ({ _id: `${id}|${fact}` as never, at })),
      { ordered: false },
    );
    const feeds = [`reseller:${body.resellerId ?? ''}`, `distributor:${body.distributorId}`];
    await db.collection('events').insertMany(
      feeds.map((feed) => ({ _id: `${id}|${feed}` as never, type: 'registration.approved', createdAt: at })),
      { ordered: false },
    );
    await Promise.all(
      feeds.map(async (feed) => {
        const head = await db.collection<{ _id: string; value?: number }>('listheads').findOne({ _id: feed });
        const next = (head?.value ?? 0) + 1;
        await insertOnce(db, 'listentries', { _id: `${feed}|${next}|${id}`, list: feed, ref: `${id}|${feed}`, at });
        await raiseHint(db, 'listheads', feed, next);
      }),
    );
  }
}

/**
 * The driver twin: a registration's database commands (RegistrationCommands) through the plain `mongodb`
 * driver, no Temporal, no mongoose, on the same FerretDB, in a database of its own. `concurrency` callers
 * each run one registration's commands to the end before the next: answered when the acceptance's writes
 * are done (where dealreg answers 202), done when the decision is written.
 */
export async function runDriverTwin(options: {
  mongodbUri: string;
  bodies: RegistrationSubmission[];
  concurrency: number;
  maxSeconds: number;
  servers: WatchedProcess[];
}): Promise<DriverTwinRun> {
  const client = new MongoClient(options.mongodbUri, { maxPoolSize: Math.max(options.concurrency, 16) });
  await client.connect();
  try {
    const db = client.db();
    await db.dropDatabase();
    await createIndexes(db);
    const commands = new RegistrationCommands(db);
    const register = async (body: RegistrationSubmission): Promise<TwinStarted & { doneAt: number }> => {
      await commands.admit();
      const accepted = await commands.accept(body);
      await commands.endWatches(body);
      const answeredAt = epochMs();
      await commands.check(accepted);
      await commands.decide(accepted, body);
      const doneAt = epochMs();
      return { answeredAt, doneAt, done: Promise.resolve(doneAt) };
    };
    progress(`driver twin: ${options.bodies.length} at concurrency ${options.concurrency}`);
    const usage = watchUsage(options.servers);
    const load = await runClosedLoop(options.bodies, options.concurrency, options.maxSeconds, async (body) => ({
      ok: true,
      status: 200,
      value: await register(body),
    }));
    const window = usage.stop();
    // The answer is the acceptance, not the whole registration the caller waited for.
    const completedAt = new Map<number, number>();
    for (const sample of load.samples) {
      const value = sample.value as { answeredAt: number; doneAt: number } | undefined;
      if (!sample.ok || !value) continue;
      sample.latencyMs = value.answeredAt - sample.sentAt;
      completedAt.set(sample.index, value.doneAt);
    }
    progress('driver twin: a lone one, then 20 at once');
    let next = 0;
    const bursts = await measureTwinBursts(() =>
      register(options.bodies[next++ % options.bodies.length] as RegistrationSubmission),
    );
    return { load, completedAt, usage: window, bursts };
  } finally {
    await client.close();
  }
}
