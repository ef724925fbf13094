import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { Reseller, type ResellerDoc } from '../db/partners';
import { currentPolicy } from '../db/policies';
import type { RegistrationDoc } from '../db/registrations';
import { customerIdentity, customerKeysOf } from '../domain/matching';
import type { RegistrationSubmission } from '../domain/registration';
import type { SubmissionInput, TransferOrder, TransferRequest } from '../workflows/definitions';
import { loadRegistration } from './registration-facts';
import { confirmUnstored } from './weigh';

/**
 * A transfer's receiver, judged before it exists: the holder's deal under the receiver's reseller and
 * distributor, against the policy in force and every approved registration but the holder's. A route that
 * refuses it (422) or another holder (409) refuses the transfer with nothing stored; otherwise the answer is
 * the receiver's submission, which its own workflow accepts (the receiver's limits apply there) and looks at
 * again before it takes the deal over.
 */
export async function prepareTransfer(input: {
  holderId: string;
  request: TransferRequest;
}): Promise<{ submission: SubmissionInput; customerKeys: string[] }> {
  const holder = await loadRegistration(input.holderId);
  const { by, toResellerId, toDistributorId, reason } = input.request;
  const reseller = await Reseller.findById(toResellerId).lean<ResellerDoc>().exec();
  if (!reseller?.distributorIds.includes(toDistributorId)) {
    throw ApplicationFailure.nonRetryable(
      `reseller ${toResellerId} does not buy through distributor ${toDistributorId}`,
      'TransferRefused',
    );
  }
  if (toResellerId === holder.resellerId) {
    throw ApplicationFailure.nonRetryable('the deal is this reseller’s already', 'TransferRefused');
  }
  const policy = await currentPolicy(new Date());
  if (!policy) throw ApplicationFailure.nonRetryable('no allocation policy is in force', 'TransferRefused');
  const receiver: RegistrationDoc = {
    ...holder,
    _id: `transfer-of-${holder._id}`,
    status: 'pending',
    resellerId: toResellerId,
    distributorId: toDistributorId,
    partnerType: reseller.partnerType,
    sequence: undefined,
  };
  const verdict = await confirmUnstored(receiver, policy, [holder._id]);
  const { outcome, reasonCode } = verdict.decision;
  if (outcome !== 'approve') {
    const held = reasonCode === 'already-registered' || reasonCode === 'duplicate';
    throw ApplicationFailure.nonRetryable(
      `the receiver cannot hold this deal: ${verdict.explanation}`,
      held ? 'DealHeld' : 'TransferRefused',
    );
  }
  const body: RegistrationSubmission = {
    distributorId: toDistributorId,
    customer: holder.customer,
    opportunity: holder.opportunity,
    ...(holder.program !== undefined && { program: holder.program }),
  };
  const transfer: TransferOrder = { from: holder._id, by, reason };
  const submission: SubmissionInput = {
    resellerId: toResellerId,
    partnerType: reseller.partnerType,
    body,
    requestHash: createHash('sha256').update(`transfer\n${holder._id}\n${toResellerId}`).digest('hex'),
    enteredBy: by.actor,
    transfer,
  };
  return { submission, customerKeys: customerKeysOf(customerIdentity(holder.customer)) };
}
