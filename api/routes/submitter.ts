import type { RegistrationRequest } from '../../domain/registration';
import { findReseller } from '../../services/partner-cache';
import type { SubmissionInput } from '../../workflows/definitions';
import { HttpProblem, validationProblem } from '../problem';
import { type Caller, requesterOf } from '../route-spec';

export interface Submitter {
  resellerId: string;
  enteredBy: SubmissionInput['enteredBy'];
}

/**
 * For whom a submission is, from the caller's binding: a reseller registers for itself; a distributor
 * for a reseller it names that buys through it, through itself, recorded as entered on its behalf.
 * A distributor learns nothing of a reseller that is not its own (the same refusal whether it exists or not).
 */
export async function submitterOf(caller: Caller, body: RegistrationRequest): Promise<Submitter> {
  const actor = requesterOf(caller).actor;
  if (body.direct) {
    throw validationProblem('request body', [
      { path: 'direct', message: "only the vendor's sellers register a direct opportunity" },
    ]);
  }
  if (caller.role === 'reseller') {
    if (!caller.resellerId) throw new HttpProblem(403, 'Forbidden', 'this key is not bound to a reseller');
    if (body.resellerId !== undefined && body.resellerId !== caller.resellerId) {
      throw validationProblem('request body', [
        { path: 'resellerId', message: 'a reseller registers for itself: leave resellerId out' },
      ]);
    }
    return { resellerId: caller.resellerId, enteredBy: actor };
  }
  const distributorId = caller.distributorId;
  if (!distributorId) throw new HttpProblem(403, 'Forbidden', 'this key is not bound to a distributor');
  const issues: Array<{ path: string; message: string }> = [];
  if (body.distributorId !== distributorId) {
    issues.push({ path: 'distributorId', message: `a distributor registers through itself: ${distributorId}` });
  }
  const reseller = body.resellerId ? await findReseller(body.resellerId) : null;
  if (!body.resellerId) {
    issues.push({ path: 'resellerId', message: 'name the affiliated reseller this registration is for' });
  } else if (!reseller?.distributorIds.includes(distributorId)) {
    issues.push({ path: 'resellerId', message: `"${body.resellerId}" is not a reseller that buys through you` });
  }
  if (issues.length > 0) throw validationProblem('request body', issues);
  return { resellerId: body.resellerId as string, enteredBy: { ...actor, onBehalfOf: { distributorId } } };
}
