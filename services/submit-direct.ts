import { Seller } from '../db/vendor-records';
import { directPartyId } from '../domain/direct';
import { RequestRefused } from '../domain/errors';
import type { RegistrationRequest } from '../domain/registration';
import type { SubmissionInput } from '../workflows/definitions';
import { checkProductLines } from './product-catalogue';
import {
  registrationIdFor,
  requestHashOf,
  type SubmitDeps,
  type SubmitResult,
  submitPrepared,
} from './submit-registration';

/**
 * A vendor seller's direct opportunity (`POST /registrations` with `direct: true` by a `sales` caller):
 * stored and decided like a partner's registration, under the seller's party id (domain/direct.ts), with
 * `sellerId`; not routed and counted against no limit. Its Idempotency-Keys are the seller's own.
 */
export async function submitDirectOpportunity(
  deps: SubmitDeps,
  sellerId: string,
  request: RegistrationRequest,
  idempotencyKey: string | undefined,
  enteredBy: SubmissionInput['enteredBy'],
): Promise<SubmitResult> {
  if (!(await Seller.exists({ _id: sellerId }).exec())) {
    throw new RequestRefused(403, 'Unknown seller', `seller ${sellerId} is not a vendor seller`);
  }
  await checkProductLines(request.opportunity.productLines);
  const party = directPartyId(sellerId);
  const body = { distributorId: party, customer: request.customer, opportunity: request.opportunity };
  return submitPrepared(deps, {
    registrationId: registrationIdFor(party, idempotencyKey),
    submission: {
      resellerId: party,
      partnerType: 'direct',
      sellerId,
      body,
      requestHash: requestHashOf(body),
      idempotencyKey,
      enteredBy,
    },
  });
}
