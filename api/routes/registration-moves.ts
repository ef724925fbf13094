import { revokeRegistration, transferRegistration } from '../../services/commands';
import { findReseller } from '../../services/partner-cache';
import { HttpProblem } from '../problem';
import { type Caller, defineRoute, requesterOf } from '../route-spec';
import { idParamsSchema } from '../schemas/common';
import {
  registrationSchema,
  revokeBodySchema,
  transferBodySchema,
  transferResultSchema,
} from '../schemas/registration';
import { registrationView } from '../views/registration';
import { visibleRegistration } from './registration-access';

/** A channel manager's acts on a deal someone holds: moving it to another partner, or taking it back. */

const tag = 'Registrations';

const staffView = async (caller: Caller, id: string) =>
  registrationView(await visibleRegistration(caller, id), 'staff');

/** The receiver is named by the request: an unknown reseller or a distributor it does not buy through is 422. */
async function checkReceiver(resellerId: string, distributorId: string): Promise<void> {
  const reseller = await findReseller(resellerId);
  if (!reseller) {
    throw new HttpProblem(422, 'Unknown reseller', `reseller ${resellerId} is not registered`, [
      { path: 'toResellerId', message: 'no such reseller' },
    ]);
  }
  if (!reseller.distributorIds.includes(distributorId)) {
    throw new HttpProblem(422, 'Not affiliated', `reseller ${resellerId} does not buy through ${distributorId}`, [
      { path: 'toDistributorId', message: `must be one of: ${reseller.distributorIds.join(', ')}` },
    ]);
  }
}

export const transferRoute = defineRoute({
  operationId: 'transferRegistration',
  method: 'post',
  path: '/registrations/{id}/transfer',
  tag,
  summary: 'Move an approved registration’s deal to another partner (the holder ends transferred)',
  description:
    'A new approved registration of the receiver takes the deal over before the holder ends `transferred`, so the deal is never without a holder. The receiver’s route and limits apply (422 when they refuse; nothing is stored then); 409 when the registration is not approved or another registration holds part of the deal. Both partners are told, with the reason; neither learns the other’s name.',
  access: ['channel-manager'],
  request: { params: idParamsSchema, body: transferBodySchema },
  responses: { 200: { description: 'The ended holder and the receiver', schema: transferResultSchema } },
  refusals: {
    404: 'no such registration',
    409: 'not approved, or another registration holds the deal',
    422: 'the receiver is unknown, not affiliated, off its route or at its limit',
  },
  async handle({ caller, params, body, deps }) {
    await visibleRegistration(caller, params.id);
    await checkReceiver(body.toResellerId, body.toDistributorId);
    const { receiverId } = await transferRegistration(deps.temporal, params.id, { by: requesterOf(caller), ...body });
    return {
      status: 200,
      body: { transferred: await staffView(caller, params.id), receiver: await staffView(caller, receiverId) },
    };
  },
});

export const revokeRoute = defineRoute({
  operationId: 'revokeRegistration',
  method: 'post',
  path: '/registrations/{id}/revoke',
  tag,
  summary: 'End an approved registration revoked (the deal is free)',
  access: ['channel-manager'],
  request: { params: idParamsSchema, body: revokeBodySchema },
  responses: { 200: { description: 'The revoked registration', schema: registrationSchema } },
  refusals: { 404: 'no such registration', 409: 'not approved' },
  async handle({ caller, params, body, deps }) {
    await visibleRegistration(caller, params.id);
    await revokeRegistration(deps.temporal, params.id, requesterOf(caller), body.reason);
    return { status: 200, body: await staffView(caller, params.id) };
  },
});
