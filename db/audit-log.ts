import { createHash, type KeyObject } from 'node:crypto';
import { model, Schema } from 'mongoose';
import pLimit from 'p-limit';
import stringify from 'safe-stable-stringify';
import { type AuditKeys, signText, verifyText } from '../config/audit-key';
import type { ReasonCode, RegistrationStatus } from '../domain/registration';
import { numberHint } from './hints';
import { insertOnce, isDuplicateKey } from './insert-once';
import { GENESIS_HASH } from './registrations';

/**
 * The global audit log: one entry per decision of any registration, insert-only, each chained to the
 * entry before it by hash and signed with the audit key (config/audit-key.ts). A database writer can
 * delete or rewrite entries but cannot sign the result; checkpoints kept outside the database
 * (services/audit-checkpoints.ts) catch a log cut short. The place of an entry is taken by unique insert
 * of its position (FerretDB v1 applies no other write atomically), so the log stays one line even
 * with many writers: a writer that finds its place taken reads the winner and follows it.
 */
export interface AuditLogEntry {
  position: number;
  registrationId: string;
  decisionKey: string;
  /** The hash of the registration's decision entry this records. */
  decisionHash: string;
  toStatus: RegistrationStatus;
  reasonCode?: ReasonCode;
  at: string;
  prevHash: string;
  keyId: string;
}

export interface AuditLogDoc extends AuditLogEntry {
  /** The position, zero-padded: only a string `_id` is looked up by index on every FerretDB backend. */
  _id: string;
  hash: string;
  signature: string;
}

const schema = new Schema<AuditLogDoc>(
  {
    _id: { type: String, required: true },
    position: { type: Number, required: true },
    registrationId: { type: String, required: true },
    decisionKey: { type: String, required: true },
    decisionHash: { type: String, required: true },
    toStatus: { type: String, required: true },
    reasonCode: String,
    at: { type: String, required: true },
    prevHash: { type: String, required: true },
    keyId: { type: String, required: true },
    hash: { type: String, required: true },
    signature: { type: String, required: true },
  },
  { versionKey: false },
);
// Only the audit of one registration asks this.
schema.index({ registrationId: 1 });
export const AuditLog = model<AuditLogDoc>('AuditLog', schema, 'auditlog');

/** Where to start looking for the head: a lost or late update makes the search longer, never wrong. */
const headHint = numberHint('head', 'auditloghint');

export const auditLogId = (position: number): string => String(position).padStart(15, '0');

export const hashAuditEntry = (entry: AuditLogEntry): string =>
  createHash('sha256')
    .update(stringify(entry) ?? '')
    .digest('hex');

const SIGNATURE_PURPOSE = 'audit-log';

/** The entry's fields alone, as they were hashed: a stored document also has `_id`, `hash` and `signature`. */
export function auditEntryOf(doc: AuditLogDoc): AuditLogEntry {
  const { _id, hash, signature, ...entry } = doc;
  return JSON.parse(JSON.stringify(entry)) as AuditLogEntry;
}

/** The last entry this process appended, per database: never beyond the head, so a start for the next. */
const lastHere = new Map<string, { position: number; hash: string }>();
/**
 * Appends from one process run one at a time: concurrent appends all aim at the same next position, so
 * n at once cost n² inserts that fail (a benchmark at saturation measured 170 failed inserts per
 * decision before this); in turn, each starts from the entry this process appended last.
 */
const oneAppendAtATime = pLimit(1);

async function readEntry(position: number): Promise<AuditLogDoc | null> {
  return AuditLog.findById(auditLogId(position)).lean<AuditLogDoc>().exec();
}

/** The head as far as a starting point shows; an entry missing under it (deleted) is stepped over downwards. */
async function startingHead(hint: number): Promise<{ position: number; hash: string }> {
  for (let position = hint; position > 0; position -= 1) {
    const doc = await readEntry(position);
    if (doc) return { position, hash: doc.hash };
  }
  return { position: 0, hash: GENESIS_HASH };
}

export type AuditDecision = Omit<AuditLogEntry, 'position' | 'prevHash' | 'keyId'>;

/** Appends one decision after the current head; returns its position. */
export function appendToAuditLog(decision: AuditDecision, keys: AuditKeys): Promise<number> {
  return oneAppendAtATime(() => appendAfterHead(decision, keys));
}

async function appendAfterHead(decision: AuditDecision, keys: AuditKeys): Promise<number> {
  const database = AuditLog.db.name;
  const mine = lastHere.get(database);
  // This process's last entry is a start that costs no read. The shared hint is read when there is
  // none, or once the position after it turns out taken: another process appended since.
  let head = mine ?? (await startingHead(await headHint.read()));
  let hintRead = mine === undefined;
  for (;;) {
    const position = head.position + 1;
    const entry: AuditLogEntry = JSON.parse(
      JSON.stringify({ ...decision, position, prevHash: head.hash, keyId: keys.keyId }),
    );
    const hash = hashAuditEntry(entry);
    const doc: AuditLogDoc = {
      ...entry,
      _id: auditLogId(position),
      hash,
      signature: signText(keys, SIGNATURE_PURPOSE, hash),
    };
    if (await insertOnce(AuditLog, doc)) {
      lastHere.set(database, { position, hash });
      // Advisory, for other processes: not awaited.
      void headHint.raise(position).catch(() => undefined);
      return position;
    }
    if (!hintRead) {
      hintRead = true;
      const hint = await headHint.read();
      if (hint > position) {
        head = await startingHead(hint);
        continue;
      }
    }
    const taken = await readEntry(position);
    head = taken ? { position, hash: taken.hash } : head;
  }
}

/** Appends decisions after the current head in their order, a run of positions per command; returns their positions. */
export function appendBlockToAuditLog(decisions: readonly AuditDecision[], keys: AuditKeys): Promise<number[]> {
  return oneAppendAtATime(() => appendBlockAfterHead(decisions, keys));
}

/** The documents of `decisions` chained one after another from `head`, signed. */
function chainedFrom(head: { position: number; hash: string }, decisions: readonly AuditDecision[], keys: AuditKeys) {
  let previous = head;
  return decisions.map((decision) => {
    const position = previous.position + 1;
    const entry: AuditLogEntry = JSON.parse(
      JSON.stringify({ ...decision, position, prevHash: previous.hash, keyId: keys.keyId }),
    );
    const hash = hashAuditEntry(entry);
    previous = { position, hash };
    return { ...entry, _id: auditLogId(position), hash, signature: signText(keys, SIGNATURE_PURPOSE, hash) };
  });
}

/**
 * As `appendAfterHead`, a block at a time: the run is inserted in order and stops at the first position
 * another process took (each insert still its own unique insert), so what went in is a chained prefix;
 * the rest follows the taken entry, as a single append would.
 */
async function appendBlockAfterHead(decisions: readonly AuditDecision[], keys: AuditKeys): Promise<number[]> {
  const database = AuditLog.db.name;
  const mine = lastHere.get(database);
  let head = mine ?? (await startingHead(await headHint.read()));
  let hintRead = mine === undefined;
  const positions: number[] = [];
  let rest = decisions;
  while (rest.length > 0) {
    const docs = chainedFrom(head, rest, keys);
    const inserted = await insertRunInOrder(docs);
    if (inserted > 0) {
      const last = docs[inserted - 1] as AuditLogDoc;
      head = { position: last.position, hash: last.hash };
      lastHere.set(database, head);
      positions.push(...docs.slice(0, inserted).map((doc) => doc.position));
      rest = rest.slice(inserted);
      continue;
    }
    if (!hintRead) {
      hintRead = true;
      const hint = await headHint.read();
      if (hint > head.position + 1) {
        head = await startingHead(hint);
        continue;
      }
    }
    const taken = await readEntry(head.position + 1);
    head = taken ? { position: taken.position, hash: taken.hash } : head;
  }
  // Advisory, for other processes: not awaited.
  void headHint.raise(head.position).catch(() => undefined);
  return positions;
}

/** Inserts the documents in order until one's position is taken; how many went in. */
async function insertRunInOrder(docs: readonly AuditLogDoc[]): Promise<number> {
  try {
    await AuditLog.insertMany(docs, { ordered: true });
    return docs.length;
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ index?: number; code?: number }> }).writeErrors;
    const first = Array.isArray(writeErrors) ? writeErrors[0] : undefined;
    if (!isDuplicateKey(error) && first?.code !== 11000) throw error;
    if (first?.index === undefined) throw error;
    return first.index;
  }
}

export interface AuditLogProblem {
  position: number;
  problem: string;
}

export interface AuditLogCheck {
  ok: boolean;
  /** The position verification started after (a checkpoint's, or 0). */
  from: number;
  head: { position: number; hash: string };
  entries: number;
  problems: AuditLogProblem[];
}

/** The stored entry, hashed and signed as it should be; a problem otherwise. */
export function checkAuditEntry(doc: AuditLogDoc, publicKey: KeyObject, keyId: string): string | undefined {
  if (doc._id !== auditLogId(doc.position)) return 'stored under another position';
  if (hashAuditEntry(auditEntryOf(doc)) !== doc.hash) return 'content does not match its hash';
  if (doc.keyId !== keyId) return `signed by another key (${doc.keyId})`;
  if (!verifyText(publicKey, SIGNATURE_PURPOSE, doc.hash, doc.signature)) return 'signature does not verify';
  return undefined;
}

const BATCH = 200;

/**
 * Verifies the log from `start` (a checkpoint: its position must hold its hash) to the end: every entry
 * hashed, signed and chained to the one before, and nothing after the first missing position.
 */
export async function verifyAuditLog(
  publicKey: KeyObject,
  keyId: string,
  start?: { position: number; hash: string },
): Promise<AuditLogCheck> {
  const problems: AuditLogProblem[] = [];
  const from = start?.position ?? 0;
  let previous = { position: 0, hash: GENESIS_HASH };
  if (start && start.position > 0) {
    const anchor = await readEntry(start.position);
    const problem = !anchor
      ? 'the checkpoint’s entry is missing (the log was cut short or the entry deleted)'
      : anchor.hash !== start.hash
        ? 'the checkpoint’s entry has another hash than the checkpoint recorded'
        : checkAuditEntry(anchor, publicKey, keyId);
    if (problem) problems.push({ position: start.position, problem });
    previous = { position: start.position, hash: start.hash };
  }
  let entries = 0;
  for (let next = from + 1; ; next += BATCH) {
    const ids = Array.from({ length: BATCH }, (_, i) => auditLogId(next + i));
    const found = new Map(
      (
        await AuditLog.find({ _id: { $in: ids } })
          .lean<AuditLogDoc[]>()
          .exec()
      ).map((doc) => [doc.position, doc]),
    );
    let ended = false;
    for (let position = next; position < next + BATCH; position += 1) {
      const doc = found.get(position);
      if (!doc) {
        ended = true;
        break;
      }
      entries += 1;
      const problem =
        checkAuditEntry(doc, publicKey, keyId) ??
        (doc.prevHash !== previous.hash ? 'does not follow the entry before it' : undefined);
      if (problem) problems.push({ position, problem });
      previous = { position, hash: doc.hash };
    }
    if (ended) break;
  }
  // Nothing may follow the end: an entry beyond a missing position means one was deleted.
  const beyond = await AuditLog.findOne({ _id: { $gt: auditLogId(previous.position + 1) } })
    .sort({ _id: 1 })
    .lean<AuditLogDoc>()
    .exec();
  if (beyond)
    problems.push({
      position: previous.position + 1,
      problem: `missing, while position ${beyond.position} exists (an entry was deleted)`,
    });
  return { ok: problems.length === 0, from, head: previous, entries, problems };
}

/** Every global entry recorded for one registration, oldest first. */
export async function auditEntriesOf(registrationId: string): Promise<AuditLogDoc[]> {
  return AuditLog.find({ registrationId }).sort({ _id: 1 }).lean<AuditLogDoc[]>().exec();
}
