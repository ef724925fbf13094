import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import stringify from 'safe-stable-stringify';
import { listUnderKeys, unlistFromKeys } from '../db/dealkeys';
import { insertOnce } from '../db/insert-once';
import { Intake } from '../db/intake';
import type { ResellerDoc } from '../db/partners';
import { currentPolicy } from '../db/policies';
import { GENESIS_HASH, Registration, type RegistrationDoc, registrationListKeys } from '../db/registrations';
import { claimOf, claimSequence, claimTakeover, drawnSequenceOf, drawSequence } from '../db/sequences';
import { customerIdentity, lookupKeys } from '../domain/matching';
import type { RegistrationSubmission } from '../domain/registration';
import { registrationWorkflowId } from '../workflows/definitions';
import type { registrationWorkflow } from '../workflows/registration';
import { searchAttributes } from '../workflows/search-attributes';
import { RequestRefused } from './errors';
import { distributorExists, findReseller } from './partner-cache';
import { reserveQuota } from './registration-quota';

export interface SubmitDeps {
  temporal: Client;
  taskQueue: string;
}

export interface SubmitResult {
  registration: RegistrationDoc;
  /** False when an Idempotency-Key repeat returned the registration that the first request created. */
  created: boolean;
}

/**
 * The id is derived from the reseller and its Idempotency-Key, so a repeat lands on the same document
 * and the same workflow id instead of racing a check-then-insert; without a key it is random.
 */
export function registrationIdFor(resellerId: string, idempotencyKey?: string): string {
  if (!idempotencyKey) return `reg_${randomBytes(12).toString('hex')}`;
  return `reg_${createHash('sha256').update(`${resellerId}\n${idempotencyKey}`).digest('hex').slice(0, 24)}`;
}

export function requestHashOf(body: RegistrationSubmission): string {
  return createHash('sha256')
    .update(stringify(body) ?? '')
    .digest('hex');
}

async function checkPartners(resellerId: string, distributorId: string): Promise<ResellerDoc> {
  const reseller = await findReseller(resellerId);
  if (!reseller) throw new RequestRefused(403, 'Unknown reseller', `reseller ${resellerId} is not registered`);
  if (!reseller.distributorIds.includes(distributorId) || !(await distributorExists(distributorId))) {
    throw new RequestRefused(422, 'Not affiliated', `this reseller does not buy through distributor ${distributorId}`, [
      { path: 'distributorId', message: `must be one of: ${reseller.distributorIds.join(', ')}` },
    ]);
  }
  return reseller;
}

/**
 * Accepts a registration. The order matters for first come, first served (docs/DESIGN.md): the
 * registration is findable through its customer keys before it draws its sequence, and its workflow
 * starts only after that. Every step can be repeated, so a retry after a crash completes the job.
 */
export async function submitRegistration(
  deps: SubmitDeps,
  resellerId: string,
  body: RegistrationSubmission,
  idempotencyKey?: string,
): Promise<SubmitResult> {
  const { registration, created } = await recordSubmission(resellerId, body, idempotencyKey);
  const accepted = registration.sequence === undefined ? await assignSequence(registration) : registration;
  // Idempotent: a repeat joins the workflow the first request started.
  await startWorkflow(deps, accepted);
  return { registration: accepted, created };
}

/** The first step: the registration stored as `pending` and listed under its customer keys. */
export async function recordSubmission(
  resellerId: string,
  body: RegistrationSubmission,
  idempotencyKey?: string,
): Promise<SubmitResult> {
  const reseller = await checkPartners(resellerId, body.distributorId);
  const id = registrationIdFor(resellerId, idempotencyKey);
  const requestHash = requestHashOf(body);

  // Only a keyed id can exist already: a random one is new by construction.
  const existing = idempotencyKey ? await Registration.findById(id).lean<RegistrationDoc>().exec() : null;
  if (existing && existing.requestHash !== requestHash) {
    throw new RequestRefused(
      422,
      'Idempotency-Key reused',
      'this Idempotency-Key was already used with a different request body; use a new key for a new registration',
    );
  }
  // The policy's limits: a place is taken before the first write and given back if nothing is stored.
  const quota = existing ? undefined : await reserveQuota(reseller, id);
  const registration =
    existing ??
    (await insertPending(id, reseller, body, requestHash, idempotencyKey).catch(async (error: unknown) => {
      await quota?.release();
      throw error;
    }));
  await listUnderKeys(id, registration.lookupKeys);
  return { registration, created: !existing };
}

async function insertPending(
  id: string,
  reseller: ResellerDoc,
  body: RegistrationSubmission,
  requestHash: string,
  idempotencyKey: string | undefined,
): Promise<RegistrationDoc> {
  // The version in force at the very instant recorded as submittedAt (a scheduled change switches there).
  const now = new Date();
  const policy = await currentPolicy(now);
  if (!policy)
    throw new RequestRefused(
      503,
      'No policy',
      'no allocation policy has been published yet; an admin must PUT /policy',
    );
  const identity = customerIdentity(body.customer);
  await insertOnce(Intake, { _id: id, at: now });
  const registration: RegistrationDoc = {
    _id: id,
    status: 'pending',
    resellerId: reseller._id,
    partnerType: reseller.partnerType,
    distributorId: body.distributorId,
    customer: body.customer,
    opportunity: body.opportunity,
    program: body.program,
    searchText: [body.customer.name, body.customer.domain, body.opportunity.title]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
    lookupKeys: lookupKeys(identity),
    customerKeys: identity.certainKeys.length > 0 ? identity.certainKeys : [identity.nameKey],
    // Listed once it has a sequence.
    listKeys: [],
    submittedAt: now,
    extensionsUsed: 0,
    policyVersion: policy.version,
    decisions: [],
    decisionKeys: [],
    lastDecisionHash: GENESIS_HASH,
    requestHash,
    idempotencyKey,
    workflowId: registrationWorkflowId(id),
    updatedAt: now,
  };
  if (await insertOnce(Registration, registration)) return registration;
  // A concurrent repeat of the same request inserted it first: carry on with that one.
  return (await Registration.findById(id).lean<RegistrationDoc>().exec()) as RegistrationDoc;
}

/**
 * Draws the sequence and records it, before the workflow starts. Concurrent repeats of one request may
 * each draw; the first claim decides which number counts (the others stay unused, which is harmless:
 * they are taken, so no later registration gets them), and only its holder writes it.
 */
export async function assignSequence(registration: RegistrationDoc): Promise<RegistrationDoc> {
  const claim = await claimSequence(registration, await drawSequence(registration._id));
  if (claim.sequence === null) throw discarded();
  if (claim.won) return writeSequence(registration, claim.sequence);
  return awaitRecordedSequence(registration._id);
}

const discarded = () =>
  new RequestRefused(
    503,
    'Submission interrupted',
    'the registration was discarded before it was accepted; submit it again',
  );

/**
 * Only the holder of the claim writes the number, and only before the workflow starts: FerretDB applies
 * an update as a read-modify-write of the whole document, so a second writer could undo a decision.
 */
async function writeSequence(registration: RegistrationDoc, sequence: number): Promise<RegistrationDoc> {
  const listKeys = registrationListKeys({ ...registration, sequence });
  await Registration.updateOne({ _id: registration._id }, { $set: { sequence, listKeys } }).exec();
  return { ...registration, sequence, listKeys };
}

/** A concurrent repeat of this request holds the claim: wait a little for it to record the number. */
async function awaitRecordedSequence(id: string): Promise<RegistrationDoc> {
  for (let round = 0; round < 25; round += 1) {
    const current = await Registration.findById(id).lean<RegistrationDoc>().exec();
    if (!current) throw discarded();
    if (current.sequence !== undefined) return current;
    await sleep(200);
  }
  throw new RequestRefused(
    503,
    'Submission in progress',
    'another request for this registration is still recording it; repeat this one with the same Idempotency-Key',
  );
}

async function startWorkflow(deps: SubmitDeps, registration: RegistrationDoc): Promise<void> {
  try {
    await deps.temporal.workflow.start<typeof registrationWorkflow>('registrationWorkflow', {
      workflowId: registration.workflowId,
      taskQueue: deps.taskQueue,
      args: [{ registrationId: registration._id }],
      // A repeat joins the running workflow; one that already finished is never started again.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: searchAttributes.status, value: 'pending' },
        { key: searchAttributes.resellerId, value: registration.resellerId },
        { key: searchAttributes.distributorId, value: registration.distributorId },
        { key: searchAttributes.customerKeys, value: registration.customerKeys },
        { key: searchAttributes.sequence, value: registration.sequence ?? 0 },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  // The workflow runs: the submission is complete (and the workflow is now the document's only writer).
  // The intake entry is housekeeping: if it cannot be removed now, the sweeper removes it later, and
  // the registration stays accepted.
  await Intake.deleteOne({ _id: registration._id })
    .exec()
    .catch(() => undefined);
}

/**
 * Finishes a submission that its API process left half done (used by the worker's intake sweeper):
 * one whose sequence was drawn gets it claimed and recorded and its workflow started; one that drew
 * none in all this time was never accepted (no 202 was sent) and is discarded, by claiming "none" so
 * that a late API process cannot accept it afterwards. A claim made by an API process that then did
 * not record it is taken over only once it is old enough that the process cannot still be writing.
 */
export async function completeInterruptedSubmission(
  deps: SubmitDeps,
  id: string,
  { abandonAfterMs, takeOverAfterMs }: { abandonAfterMs: number; takeOverAfterMs: number },
): Promise<'started' | 'discarded' | 'waiting'> {
  const registration = await Registration.findById(id).lean<RegistrationDoc>().exec();
  if (!registration) {
    await Intake.deleteOne({ _id: id }).exec();
    return 'discarded';
  }
  if (registration.sequence !== undefined) {
    await startWorkflow(deps, registration);
    return 'started';
  }
  let claim = await claimOf(registration);
  if (!claim) {
    const drawn = await drawnSequenceOf(registration);
    if (drawn === undefined && Date.now() - registration.submittedAt.getTime() < abandonAfterMs) return 'waiting';
    const mine = await claimSequence(registration, drawn ?? null);
    if (mine.won && mine.sequence !== null) {
      await startWorkflow(deps, await writeSequence(registration, mine.sequence));
      return 'started';
    }
    claim = mine;
  }
  if (claim.sequence === null) {
    await unlistFromKeys(id, registration.lookupKeys);
    await Registration.deleteOne({ _id: id }).exec();
    await Intake.deleteOne({ _id: id }).exec();
    return 'discarded';
  }
  if (Date.now() - claim.at.getTime() < takeOverAfterMs || !(await claimTakeover(registration))) return 'waiting';
  await startWorkflow(deps, await writeSequence(registration, claim.sequence));
  return 'started';
}
