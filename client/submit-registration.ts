import { createHash, randomBytes } from 'node:crypto';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import stringify from 'safe-stable-stringify';
import { listUnderKeys, unlistFromKeys } from '../db/dealkeys';
import { Intake } from '../db/intake';
import type { ResellerDoc } from '../db/partners';
import { currentPolicy } from '../db/policies';
import { GENESIS_HASH, Registration, type RegistrationDoc } from '../db/registrations';
import { claimedSequenceOf, claimSequence, drawnSequenceOf, drawSequence } from '../db/sequences';
import { customerIdentity, lookupKeys } from '../domain/matching';
import type { RegistrationSubmission } from '../domain/registration';
import { registrationWorkflowId } from '../workflows/definitions';
import { registrationWorkflow } from '../workflows/registration';
import { searchAttributes } from '../workflows/search-attributes';
import { RequestRefused } from './errors';
import { distributorExists, findReseller } from './partner-cache';

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
  const registration = existing ?? (await insertPending(id, reseller, body, requestHash, idempotencyKey));
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
  const policy = await currentPolicy();
  if (!policy)
    throw new RequestRefused(
      503,
      'No policy',
      'no allocation policy has been published yet; an admin must PUT /policy',
    );
  const identity = customerIdentity(body.customer);
  const now = new Date();
  await Intake.create({ _id: id, at: now }).catch((error: { code?: number }) => {
    if (error.code !== 11000) throw error;
  });
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
  try {
    await Registration.create(registration);
    return registration;
  } catch (error) {
    // A concurrent repeat of the same request inserted it first: carry on with that one.
    if ((error as { code?: number }).code !== 11000) throw error;
    return (await Registration.findById(id).lean<RegistrationDoc>().exec()) as RegistrationDoc;
  }
}

/**
 * Draws the sequence and records it, before the workflow starts (so nothing else writes the document
 * yet). Concurrent repeats of one request may each draw; the first claim decides which number counts,
 * and the others stay unused, which is harmless: they are taken, so no later registration gets them.
 */
export async function assignSequence(registration: RegistrationDoc): Promise<RegistrationDoc> {
  const claim = await claimSequence(registration, await drawSequence(registration._id));
  if (claim.sequence === null) {
    throw new RequestRefused(
      503,
      'Submission interrupted',
      'the registration was discarded before it was accepted; submit it again',
    );
  }
  return recordSequence(registration._id, claim.sequence, claim.won ? registration : undefined);
}

/**
 * Writes the claimed number unless the document has it already. The winner of the claim writes from
 * what it read; anyone else reads first, so that it never writes once the claimant has started the
 * workflow (from then on the workflow is the document's only writer).
 */
async function recordSequence(id: string, sequence: number, read?: RegistrationDoc): Promise<RegistrationDoc> {
  const current = read ?? (await Registration.findById(id).lean<RegistrationDoc>().exec());
  if (!current) {
    throw new RequestRefused(503, 'Submission interrupted', 'the registration was discarded; submit it again');
  }
  if (current.sequence !== undefined) return current;
  await Registration.updateOne({ _id: id }, { $set: { sequence } }).exec();
  return { ...current, sequence };
}

async function startWorkflow(deps: SubmitDeps, registration: RegistrationDoc): Promise<void> {
  try {
    await deps.temporal.workflow.start(registrationWorkflow, {
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
  await Intake.deleteOne({ _id: registration._id }).exec();
}

/**
 * Finishes a submission that its API process left half done (used by the worker's intake sweeper):
 * one whose sequence was drawn gets it claimed and recorded and its workflow started; one that drew
 * none in all this time was never accepted (no 202 was sent) and is discarded, by claiming "none" so
 * that a late API process cannot accept it afterwards.
 */
export async function completeInterruptedSubmission(
  deps: SubmitDeps,
  id: string,
  abandonAfterMs: number,
): Promise<'started' | 'discarded' | 'waiting'> {
  const registration = await Registration.findById(id).lean<RegistrationDoc>().exec();
  if (!registration) {
    await Intake.deleteOne({ _id: id }).exec();
    return 'discarded';
  }
  let sequence = registration.sequence ?? (await claimedSequenceOf(registration));
  if (sequence === undefined) {
    const drawn = await drawnSequenceOf(registration);
    if (drawn === undefined && Date.now() - registration.submittedAt.getTime() < abandonAfterMs) return 'waiting';
    sequence = (await claimSequence(registration, drawn ?? null)).sequence;
  }
  if (sequence === null) {
    await unlistFromKeys(id, registration.lookupKeys);
    await Registration.deleteOne({ _id: id }).exec();
    await Intake.deleteOne({ _id: id }).exec();
    return 'discarded';
  }
  await startWorkflow(deps, await recordSequence(id, sequence, registration));
  return 'started';
}
