import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import stringify from 'safe-stable-stringify';
import type { RegistrationStatus } from '../domain/registration';
import { type ChainEntry, claimChainPosition } from './chain-positions';
import {
  type DecisionRecord,
  GENESIS_HASH,
  Registration,
  type RegistrationDoc,
  registrationListKeys,
} from './registrations';
import { guardedById, serverAppliesGuardsAtomically } from './server-traits';

export type DecisionDraft = Omit<DecisionRecord, 'prevHash' | 'hash' | 'fromStatus' | 'toStatus' | 'at'> & {
  at?: string;
};

/** sha256 over the canonical JSON of the entry without its own hash; the previous hash is inside it. */
export function hashDecision(record: Omit<DecisionRecord, 'hash'>): string {
  return createHash('sha256')
    .update(stringify(record) ?? '')
    .digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** Index of the first entry that does not verify. */
  brokenAt?: number;
  problem?: string;
}

/** Recomputes every link: each entry must hash to its `hash` and point at its predecessor's. */
export function verifyDecisionChain(decisions: readonly DecisionRecord[], lastHash?: string): ChainCheck {
  let previous = GENESIS_HASH;
  for (const [index, entry] of decisions.entries()) {
    const { hash, ...rest } = entry;
    if (entry.prevHash !== previous)
      return {
        ok: false,
        entries: decisions.length,
        brokenAt: index,
        problem: 'prevHash does not match the previous entry',
      };
    if (hashDecision(rest) !== hash)
      return {
        ok: false,
        entries: decisions.length,
        brokenAt: index,
        problem: 'entry content does not match its hash',
      };
    previous = hash;
  }
  if (lastHash !== undefined && lastHash !== previous) {
    return {
      ok: false,
      entries: decisions.length,
      problem: 'the registration head hash does not match the last entry (an entry was removed)',
    };
  }
  return { ok: true, entries: decisions.length };
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
  set?: Partial<Pick<RegistrationDoc, 'protectedUntil' | 'decidedAt' | 'extensionsUsed' | 'escalationId' | 'endedAt'>>;
}

/**
 * Appends one decision and changes the status in a single-document update. Only the registration's own
 * workflow calls this, one step at a time, so there is one writer; a repeated step is a no-op: the
 * decision key must not be there yet (a retried activity writes nothing twice) and the status must
 * still be one of `from`. The place in the chain is claimed first (db/chain-positions.ts), so two
 * attempts of one step that overlap (one outlived its timeout) never both append; on MongoDB the update
 * is also guarded by status and chain head (db/server-traits.ts).
 * Returns the registration as it stands after the decision.
 */
export async function applyTransition(
  request: TransitionRequest,
  /** The document as the caller read it, saving a read where the guards would catch it if stale. */
  justRead?: RegistrationDoc,
): Promise<{ registration: RegistrationDoc; applied: boolean }> {
  for (let attempt = 0; attempt < MAX_ROUNDS; attempt += 1) {
    // Where the guard is not atomic the checks below are made on the document as it is now, not as
    // the caller read it seconds ago.
    const current =
      attempt === 0 && justRead && serverAppliesGuardsAtomically()
        ? justRead
        : await Registration.findById(request.registrationId).lean<RegistrationDoc>().exec();
    if (!current) throw new Error(`registration ${request.registrationId} does not exist`);
    if (current.decisionKeys.includes(request.decision.key)) return { registration: current, applied: false };
    if (!request.from.includes(current.status)) throw new TransitionRefused(current._id, current.status, request.to);

    const entry = chainEntryFor(request, current);
    const claim = await claimChainPosition(current._id, entry);
    if (claim.won) {
      const updated = await writeChainEntry(current, entry);
      if (updated) return { registration: updated, applied: true };
      continue;
    }
    // Someone holds this place: another attempt of a step, writing now, or dead since it claimed.
    if (claim.holder && Date.now() - new Date(claim.holder.at).getTime() > ABANDONED_CLAIM_MS) {
      await writeChainEntry(current, claim.holder);
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

function chainEntryFor(request: TransitionRequest, current: RegistrationDoc): ChainEntry {
  const at = request.decision.at ?? new Date().toISOString();
  const unhashed: Omit<DecisionRecord, 'hash'> = dropUndefined({
    ...request.decision,
    at,
    fromStatus: current.status,
    toStatus: request.to,
    prevHash: current.lastDecisionHash,
  });
  const record: DecisionRecord = { ...unhashed, hash: hashDecision(unhashed) };
  return {
    record,
    set: {
      ...request.set,
      status: request.to,
      listKeys: registrationListKeys({ ...current, status: request.to }),
      ...(record.reasonCode ? { reasonCode: record.reasonCode } : {}),
      explanation: record.explanation,
      resellerExplanation: record.resellerExplanation,
      updatedAt: new Date(at),
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
