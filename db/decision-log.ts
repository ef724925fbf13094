import { createHash, type KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import stringify from 'safe-stable-stringify';
import { type AuditKeys, auditKeys, signText, verifyText } from '../config/audit-key';
import { crashPoint } from '../config/crash-points';
import type { RegistrationStatus } from '../domain/registration';
import { appendToAuditLog } from './audit-log';
import {
  auditPositionOf,
  type ChainEntry,
  type ChainPositionDoc,
  claimChainPosition,
  recordAuditPosition,
} from './chain-positions';
import {
  type DecisionRecord,
  GENESIS_HASH,
  Registration,
  type RegistrationDoc,
  registrationListKeys,
} from './registrations';
import { guardedById, serverAppliesGuardsAtomically } from './server-traits';

export type DecisionDraft = Omit<
  DecisionRecord,
  'prevHash' | 'hash' | 'fromStatus' | 'toStatus' | 'at' | 'factsHash' | 'keyId' | 'signature'
> & {
  at?: string;
};

/** sha256 over the canonical JSON of the entry without its hash and signature; the previous hash is inside it. */
export function hashDecision(record: Omit<DecisionRecord, 'hash'>): string {
  const { signature: _signature, ...hashed } = record;
  return createHash('sha256')
    .update(stringify(hashed) ?? '')
    .digest('hex');
}

/** What a decision entry vouches for besides itself: who registered which customer, when, in which place. */
export type CoreFacts = Pick<
  RegistrationDoc,
  '_id' | 'customer' | 'resellerId' | 'distributorId' | 'submittedAt' | 'sequence' | 'accountId' | 'account'
>;

export function hashCoreFacts(doc: CoreFacts): string {
  const facts = {
    registrationId: doc._id,
    customer: doc.customer,
    resellerId: doc.resellerId,
    distributorId: doc.distributorId,
    submittedAt: new Date(doc.submittedAt).toISOString(),
    sequence: doc.sequence,
    // The account a registration routes by, as known at acceptance: only when it has one, so that the
    // facts of every other registration hash as they always did.
    ...(doc.accountId !== undefined && { accountId: doc.accountId, account: doc.account }),
  };
  return createHash('sha256')
    .update(stringify(facts) ?? '')
    .digest('hex');
}

const SIGNATURE_PURPOSE = 'decision';

/** Hashes and signs an entry written after the registration's head, vouching for its core facts too. */
export function sealDecision(
  unsealed: Omit<DecisionRecord, 'hash' | 'factsHash' | 'keyId' | 'signature'>,
  registration: CoreFacts,
  keys: AuditKeys,
): DecisionRecord {
  const unhashed = dropUndefined({ ...unsealed, factsHash: hashCoreFacts(registration), keyId: keys.keyId });
  const hash = hashDecision(unhashed);
  return { ...unhashed, hash, signature: signText(keys, SIGNATURE_PURPOSE, hash) };
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** Index of the first entry that does not verify. */
  brokenAt?: number;
  problem?: string;
  /** Entries written before entries were signed (only counted when signatures are checked). */
  unsigned?: number;
}

export interface SignatureCheck {
  publicKey: KeyObject;
  keyId: string;
  /** The registration as stored now: each signed entry's facts hash must match it. */
  registration?: CoreFacts;
}

/**
 * Recomputes every link: each entry must hash to its `hash` and point at its predecessor's. With
 * `signatures`, each entry must also carry a valid signature of the audit key and vouch for the
 * registration's current core facts; entries from before signing verify as unsigned (legacy), but
 * none may follow a signed one.
 */
export function verifyDecisionChain(
  decisions: readonly DecisionRecord[],
  lastHash?: string,
  signatures?: SignatureCheck,
): ChainCheck {
  let previous = GENESIS_HASH;
  let unsigned = 0;
  let signedSeen = false;
  const currentFacts = signatures?.registration ? hashCoreFacts(signatures.registration) : undefined;
  const broken = (index: number | undefined, problem: string): ChainCheck => ({
    ok: false,
    entries: decisions.length,
    ...(index === undefined ? {} : { brokenAt: index }),
    problem,
  });
  for (const [index, entry] of decisions.entries()) {
    const { hash, ...rest } = entry;
    if (entry.prevHash !== previous) return broken(index, 'prevHash does not match the previous entry');
    if (hashDecision(rest) !== hash) return broken(index, 'entry content does not match its hash');
    if (signatures) {
      if (entry.signature === undefined) {
        if (signedSeen) return broken(index, 'unsigned entry after signed ones (its signature was removed)');
        unsigned += 1;
      } else {
        signedSeen = true;
        if (entry.keyId !== signatures.keyId) return broken(index, `signed by another key (${entry.keyId})`);
        if (!verifyText(signatures.publicKey, SIGNATURE_PURPOSE, hash, entry.signature))
          return broken(index, 'signature does not verify (the entry was rewritten without the audit key)');
        if (currentFacts !== undefined && entry.factsHash !== currentFacts)
          return broken(
            index,
            'the registration’s core facts (customer, reseller, distributor, submitted time, sequence, account) changed since this entry',
          );
      }
    }
    previous = hash;
  }
  if (lastHash !== undefined && lastHash !== previous) {
    return broken(undefined, 'the registration head hash does not match the last entry (an entry was removed)');
  }
  return { ok: true, entries: decisions.length, ...(signatures ? { unsigned } : {}) };
}

export class TransitionRefused extends Error {
  constructor(
    readonly registrationId: string,
    readonly currentStatus: RegistrationStatus,
    readonly wanted: RegistrationStatus,
  ) {
    super(`registration ${registrationId} is ${currentStatus}; it cannot become ${wanted}`);
    this.name = 'TransitionRefused';
  }
}

export interface TransitionRequest {
  registrationId: string;
  /** Statuses from which this transition is allowed. */
  from: readonly RegistrationStatus[];
  to: RegistrationStatus;
  decision: DecisionDraft;
  /** Other fields to set together with the status (protectedUntil, decidedAt, …). */
  set?: Partial<
    Pick<
      RegistrationDoc,
      | 'protectedUntil'
      | 'decidedAt'
      | 'extensionsUsed'
      | 'escalationId'
      | 'endedAt'
      | 'opportunity'
      | 'searchText'
      | 'lineSequences'
    >
  >;
}

/** The registration after a step's entry is in its chain, that entry, and whether this call wrote it. */
export interface AppliedTransition {
  registration: RegistrationDoc;
  entry: DecisionRecord;
  applied: boolean;
}

/**
 * Appends one decision and changes the status in a single-document update. Only the registration's own
 * workflow calls this, one step at a time, so there is one writer; a repeated step is a no-op that returns
 * the entry already written under its key (a retried activity writes nothing twice), and a step whose
 * `from` does not hold is refused. The place in the chain is claimed first (db/chain-positions.ts), so two
 * attempts of one step that overlap (one outlived its timeout) never both append; on MongoDB the update is
 * also guarded by status and chain head (db/server-traits.ts). What follows from the entry (facts,
 * notifications, the release of the deal) is the caller's to complete, from the entry returned.
 */
export async function applyTransition(
  request: TransitionRequest,
  /** The document as the caller read it, saving a read where the guards would catch it if stale. */
  justRead?: RegistrationDoc,
): Promise<AppliedTransition> {
  for (let attempt = 0; attempt < MAX_ROUNDS; attempt += 1) {
    // Where the guard is not atomic the checks below are made on the document as it is now, not as
    // the caller read it seconds ago.
    const current =
      attempt === 0 && justRead && serverAppliesGuardsAtomically()
        ? justRead
        : await Registration.findById(request.registrationId).lean<RegistrationDoc>().exec();
    if (!current) throw new Error(`registration ${request.registrationId} does not exist`);
    const written = current.decisions.find((d) => d.key === request.decision.key);
    if (written) return { registration: current, entry: written, applied: false };
    if (!request.from.includes(current.status)) throw new TransitionRefused(current._id, current.status, request.to);

    const entry = chainEntryFor(request, current);
    const claim = await claimChainPosition(current._id, entry);
    if (claim.won) {
      await crashPoint('step:chain-claimed');
      // The place is ours, so this entry will be the chain's (we write it, or whoever completes our
      // claim does): into the global log first, so that no decision is in a chain and not in the log.
      await appendToGlobalLog(current._id, entry);
      await crashPoint('step:logged');
      const updated = await writeChainEntry(current, entry);
      if (updated) return { registration: updated, entry: entry.record, applied: true };
      continue;
    }
    // Someone holds this place. An attempt of this same step (its key), dead since it claimed or still
    // writing, is completed at once: whoever writes it writes the claimed entry, so a retry after a crash
    // does not wait a minute. Another step's claim is left to its writer until it is older than any attempt runs.
    const { holder } = claim;
    const sameStep = holder?.record.key === entry.record.key;
    if (holder && (sameStep || Date.now() - new Date(holder.at).getTime() > ABANDONED_CLAIM_MS)) {
      if ((await auditPositionOf(current._id, holder.record.prevHash)) === undefined)
        await appendToGlobalLog(current._id, holder);
      await writeChainEntry(current, holder);
      continue;
    }
    await sleep(ROUND_PAUSE_MS);
  }
  throw new Error(`registration ${request.registrationId}: its next decision is being written by another attempt`);
}

/** Rounds of re-reading while another attempt holds the place: a few seconds, under the heartbeat timeout. */
const MAX_ROUNDS = 20;
const ROUND_PAUSE_MS = 200;
/** Longer than any activity attempt may run: a claim this old was left by a writer that died. */
const ABANDONED_CLAIM_MS = 60_000;

/**
 * Records a claimed entry in the global audit log. A writer that died after appending and before
 * noting it leaves the entry to be appended again by whoever completes its claim: the log may then
 * hold a decision twice, which the audit tolerates, but never miss one.
 */
async function appendToGlobalLog(registrationId: string, entry: Pick<ChainPositionDoc, 'record'>): Promise<void> {
  const { record } = entry;
  const position = await appendToAuditLog(globalLogEntryOf(registrationId, record), auditKeys());
  await recordAuditPosition(registrationId, record.prevHash, position);
}

/** What the global audit log keeps of a chain entry: which decision, its hash and outcome, when. */
export function globalLogEntryOf(registrationId: string, record: ChainPositionDoc['record']) {
  return {
    registrationId,
    decisionKey: record.key,
    decisionHash: record.hash,
    toStatus: record.toStatus,
    ...(record.reasonCode ? { reasonCode: record.reasonCode } : {}),
    at: record.at,
  };
}

/** The entry a step appends to `current`'s chain, sealed, with the fields it sets (also db/history-rows.ts). */
export function chainEntryFor(request: TransitionRequest, current: RegistrationDoc): ChainEntry {
  const at = request.decision.at ?? new Date().toISOString();
  const record = sealDecision(
    {
      ...request.decision,
      at,
      fromStatus: current.status,
      toStatus: request.to,
      prevHash: current.lastDecisionHash,
    },
    current,
    auditKeys(),
  );
  return {
    record,
    set: {
      ...request.set,
      status: request.to,
      listKeys: registrationListKeys({ ...current, status: request.to }),
      ...(record.reasonCode ? { reasonCode: record.reasonCode } : {}),
      explanation: record.explanation,
      resellerExplanation: record.resellerExplanation,
      // When the step is stored (its entry's `at` is when it was decided): the benchmark's decision clock.
      updatedAt: new Date(),
    },
    // A status that no longer has a reason (an extension of an approved registration) must not keep an old one.
    unsetReasonCode: !record.reasonCode,
  };
}

/**
 * Writes an entry onto `current`, whose head is the entry's `prevHash`. The chain arrays are set whole,
 * so that the claimant and an attempt completing its abandoned claim write the same document.
 */
async function writeChainEntry(current: RegistrationDoc, entry: ChainEntry): Promise<RegistrationDoc | null> {
  const { record } = entry;
  if (!serverAppliesGuardsAtomically()) {
    // The head is read again just before the write the server will not guard: an attempt that stalled
    // after its claim, while another completed it and later steps followed, must not write over them.
    const head = await Registration.findById(current._id, { lastDecisionHash: 1 })
      .lean<Pick<RegistrationDoc, 'lastDecisionHash'>>()
      .exec();
    if (head?.lastDecisionHash !== record.prevHash) return null;
  }
  const updated = await Registration.findOneAndUpdate(
    guardedById(current._id, { lastDecisionHash: record.prevHash }),
    {
      $set: {
        ...entry.set,
        decisions: [...current.decisions, record],
        decisionKeys: [...current.decisionKeys, record.key],
        lastDecisionHash: record.hash,
      },
      ...(entry.unsetReasonCode ? { $unset: { reasonCode: 1 } } : {}),
    },
    { new: true, lean: true },
  ).exec();
  return updated as RegistrationDoc | null;
}

/** Mongo drops undefined on write; hashing must see exactly what is stored, so drop it first. */
function dropUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
