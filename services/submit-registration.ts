import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Client,
  isGrpcServiceError,
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import stringify from 'safe-stable-stringify';
import type { AcceptanceInput } from '../activities/accept';
import type { ResellerDoc } from '../db/partners';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { LimitReached, RequestRefused } from '../domain/errors';
import { customerIdentity, customerKeysOf } from '../domain/matching';
import type { RegistrationSubmission } from '../domain/registration';
import {
  type AcceptedRegistration,
  acceptUpdate,
  registrationWorkflowId,
  type SubmissionInput,
} from '../workflows/definitions';
import type { registrationWorkflow } from '../workflows/registration';
import { searchAttributes } from '../workflows/search-attributes';
import { distributorExists, findReseller } from './partner-cache';
import { checkProductLines } from './product-catalogue';
import { endWatchesOnResubmission } from './watch-deal';

export interface SubmitDeps {
  temporal: Client;
  taskQueue: string;
  /** How long to wait for the registration to be stored (default 5 s); see SUBMISSION_ACCEPTANCE_WAIT_MS. */
  acceptanceWaitMs?: number;
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
export function registrationIdFor(resellerId: string, idempotencyKey?: string, onBehalfOf?: string): string {
  if (!idempotencyKey) return `reg_${randomBytes(12).toString('hex')}`;
  // A distributor entering for a reseller has its own keys: they never land on the reseller's registrations.
  const scope = onBehalfOf ? `${resellerId}\n${idempotencyKey}\n${onBehalfOf}` : `${resellerId}\n${idempotencyKey}`;
  return `reg_${createHash('sha256').update(scope).digest('hex').slice(0, 24)}`;
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

/** What a submission's workflow is started with, once the partners are checked. */
export async function prepareSubmission(
  resellerId: string,
  body: RegistrationSubmission,
  idempotencyKey?: string,
  enteredBy: SubmissionInput['enteredBy'] = { kind: 'system' },
): Promise<AcceptanceInput> {
  // Whom it is for was settled by the caller's binding (api/…): the stored body is the deal alone.
  const { resellerId: _namedReseller, ...deal } = body;
  // Independent reads, one wait; a refusal of the partners is the one reported when both refuse.
  const [partners, products] = await Promise.allSettled([
    checkPartners(resellerId, deal.distributorId),
    checkProductLines(deal.opportunity.productLines),
  ]);
  if (partners.status === 'rejected') throw partners.reason;
  if (products.status === 'rejected') throw products.reason;
  const reseller = partners.value;
  return {
    registrationId: registrationIdFor(resellerId, idempotencyKey, enteredBy.onBehalfOf?.distributorId),
    submission: {
      resellerId,
      partnerType: reseller.partnerType,
      body: deal,
      requestHash: requestHashOf(deal),
      idempotencyKey,
      enteredBy,
    },
  };
}

/**
 * Accepts a registration: one call to Temporal starts its workflow and waits for the workflow's first
 * step, which stores it with its sequence (update-with-start). Whatever interrupts the call, the workflow
 * either finishes the step or was never started; a repeat with the same Idempotency-Key lands on the same
 * workflow id and gets the same answer.
 */
export async function submitRegistration(
  deps: SubmitDeps,
  resellerId: string,
  body: RegistrationSubmission,
  idempotencyKey?: string,
  enteredBy?: SubmissionInput['enteredBy'],
): Promise<SubmitResult> {
  return submitPrepared(deps, await prepareSubmission(resellerId, body, idempotencyKey, enteredBy));
}

/** Accepts a submission whose submitter is checked (a partner's, or a vendor seller's direct opportunity). */
export async function submitPrepared(deps: SubmitDeps, prepared: AcceptanceInput): Promise<SubmitResult> {
  const { registrationId, submission } = prepared;
  const { resellerId, body } = submission;
  const { requestHash } = submission;
  const workflowId = registrationWorkflowId(registrationId);
  const identity = customerIdentity(body.customer);
  // An operation is used once; a repeat of the call needs a new one.
  const startWorkflowOperation = () =>
    new WithStartWorkflowOperation<typeof registrationWorkflow>('registrationWorkflow', {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [{ registrationId, submission }],
      // A repeat joins the running workflow; one refused at acceptance (it failed) may be started afresh,
      // one that ran its course never is.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      typedSearchAttributes: [
        { key: searchAttributes.status, value: 'pending' },
        { key: searchAttributes.resellerId, value: resellerId },
        { key: searchAttributes.distributorId, value: body.distributorId },
        {
          key: searchAttributes.customerKeys,
          value: customerKeysOf(identity),
        },
        { key: searchAttributes.sequence, value: 0 },
      ],
    });
  const waitMs = deps.acceptanceWaitMs ?? 5000;
  const accept = () =>
    deps.temporal.workflow.executeUpdateWithStart(acceptUpdate, {
      args: [{ requestHash }],
      startWorkflowOperation: startWorkflowOperation(),
    });
  try {
    const { registration, repeated } = await withinAcceptanceWait(
      repeatWhileFirstTaskFails(accept, Date.now() + waitMs),
      waitMs,
    );
    // Best effort, after the answer: a watch left by a failure here only tells of a free deal the reseller
    // registered already.
    if (!repeated && submission.sellerId === undefined)
      void endWatchesOnResubmission(resellerId, body.customer).catch(() => undefined);
    return { registration: reviveDates(registration), created: !repeated };
  } catch (error) {
    const refusal = refusalOf(error);
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      return storedEarlier(registrationId, requestHash);
    }
    if (refusal) throw requestRefusedFor(refusal);
    throw error;
  }
}

/**
 * Temporal refuses an update-with-start whose workflow's first task failed (FAILED_PRECONDITION), for
 * example when a signal from another registration of the deal arrived while that task ran: the workflow
 * is started and Temporal runs the task again, so the call is repeated (it joins the workflow) until the
 * acceptance wait runs out. Seen in the benchmark's bursts as 500s before this.
 */
export async function repeatWhileFirstTaskFails<T>(call: () => Promise<T>, deadline: number): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (grpcCodeOf(error) !== GRPC_FAILED_PRECONDITION || Date.now() >= deadline) throw error;
      await sleep(FIRST_TASK_RETRY_MS);
    }
  }
}
const FIRST_TASK_RETRY_MS = 50;

/**
 * The gRPC status of a failed call. A refused operation of an update-with-start comes as the raw gRPC
 * error with the operation's status (the client unwraps MultiOperationExecutionFailure), other
 * refusals as a ServiceError around it.
 */
function grpcCodeOf(error: unknown): number | undefined {
  if (isGrpcServiceError(error)) return error.code;
  if (error instanceof ServiceError && isGrpcServiceError(error.cause)) return error.cause.code;
  return undefined;
}
/** gRPC's status code, as the Temporal client passes it on (grpc-js is not ours to import). */
const GRPC_FAILED_PRECONDITION = 9;

/**
 * A registration that cannot be stored now (its database is down, say) is not waited for longer than a
 * client waits: the answer is 503, and its workflow stores it once it can. A repeat with the same
 * Idempotency-Key then gets the registration; a client without a key cannot tell, as with any timeout.
 */
async function withinAcceptanceWait<T>(accepting: Promise<T>, waitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new RequestRefused(
            503,
            'Submission in progress',
            'the registration could not be stored in time; repeat the request with the same Idempotency-Key for its answer',
          ),
        ),
      waitMs,
    );
  });
  try {
    return await Promise.race([accepting, late]);
  } finally {
    clearTimeout(timer);
    // Settled later, it has nobody to tell.
    accepting.catch(() => undefined);
  }
}

/**
 * A repeat of a submission whose workflow has run its course: the stored registration answers.
 */
async function storedEarlier(registrationId: string, requestHash: string): Promise<SubmitResult> {
  const registration = await Registration.findById(registrationId).lean<RegistrationDoc>().exec();
  if (!registration) {
    throw new RequestRefused(503, 'Submission interrupted', 'the registration is not stored; submit it again');
  }
  if (registration.requestHash !== requestHash) throw idempotencyKeyReused();
  return { registration, created: false };
}

function refusalOf(error: unknown): ApplicationFailure | undefined {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  return cause instanceof ApplicationFailure ? cause : undefined;
}

const idempotencyKeyReused = () =>
  new RequestRefused(
    422,
    'Idempotency-Key reused',
    'this Idempotency-Key was already used with a different request body; use a new key for a new registration',
  );

function requestRefusedFor(refusal: ApplicationFailure): RequestRefused {
  switch (refusal.type) {
    case 'IdempotencyKeyReused':
      return idempotencyKeyReused();
    case 'LimitReached':
      return new LimitReached(refusal.details?.[0] as LimitReached['limit'], refusal.message);
    case 'NoPolicy':
      return new RequestRefused(503, 'No policy', refusal.message);
    default:
      return new RequestRefused(503, 'Submission not accepted', refusal.message);
  }
}

/** The stored document came through Temporal as JSON: its dates are strings again. */
function reviveDates(accepted: AcceptedRegistration): RegistrationDoc {
  const doc = accepted as unknown as RegistrationDoc;
  return { ...doc, submittedAt: new Date(doc.submittedAt), updatedAt: new Date(doc.updatedAt) };
}
