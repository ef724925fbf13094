import { Dispute, type DisputeDoc, disputePage } from '../../db/disputes';
import { decideDispute, openDispute, respondToDispute } from '../../services/disputes';
import { HttpProblem } from '../problem';
import { type Caller, defineRoute, requesterOf } from '../route-spec';
import { encodeCursor, idParamsSchema } from '../schemas/common';
import {
  decideDisputeBodySchema,
  disputeListQuerySchema,
  disputePageSchema,
  disputeResponseBodySchema,
  disputeSchema,
  openDisputeBodySchema,
} from '../schemas/dispute';
import { partyDisputeView, sideOf, staffDisputeView } from '../views/dispute';
import { visibleRegistration } from './registration-access';

const tag = 'Disputes';

/** The dispute if this caller is staff or one of its parties; anyone else is answered as if it did not exist. */
async function visibleDispute(
  caller: Caller,
  id: string,
): Promise<{ doc: DisputeDoc; side: ReturnType<typeof sideOf> }> {
  const doc = await Dispute.findById(id).lean<DisputeDoc>().exec();
  const side = doc ? sideOf(caller, doc) : undefined;
  if (!doc || !side) throw new HttpProblem(404, 'Not found', `dispute ${id} does not exist`);
  return { doc, side };
}

async function viewFor(caller: Caller, id: string) {
  const { doc, side } = await visibleDispute(caller, id);
  return side === 'staff' ? staffDisputeView(doc, true) : partyDisputeView(doc, side ?? 'disputing');
}

export const openDisputeRoute = defineRoute({
  operationId: 'openDispute',
  method: 'post',
  path: '/registrations/{id}/disputes',
  tag,
  summary: 'Dispute a decision about your own registration',
  description:
    'Allowed on a registration rejected (already-registered, wrong-route, house-account), resolved against, transferred or revoked, within the policy’s `disputes.window` after that decision; one open dispute per registration. The registration that holds the deal (if any) is told, never by whom, and may answer once. A channel manager decides; past both review deadlines the policy’s `disputes.onDeadline` applies.',
  access: ['reseller'],
  request: { params: idParamsSchema, body: openDisputeBodySchema },
  responses: { 202: { description: 'The open dispute', schema: disputeSchema } },
  refusals: {
    404: 'no such registration of yours',
    409: 'not disputable (its status or reason, the window has closed), or a dispute of it is open',
    422: 'invalid body, or the policy’s monthly limit is reached (problem type limit-reached)',
  },
  async handle({ caller, params, body, deps }) {
    const registration = await visibleRegistration(caller, params.id);
    const opened = await openDispute(deps.temporal, deps.taskQueue, registration, {
      by: requesterOf(caller),
      ground: body.ground,
      statement: body.statement,
      evidence: body.evidence,
    });
    return { status: 202, body: await viewFor(caller, opened.disputeId) };
  },
});

export const listDisputesRoute = defineRoute({
  operationId: 'listDisputes',
  method: 'get',
  path: '/disputes',
  tag,
  summary: 'Disputes, newest first',
  access: ['channel-manager', 'auditor'],
  request: { query: disputeListQuerySchema },
  responses: { 200: { description: 'One page, newest first', schema: disputePageSchema } },
  async handle({ query }) {
    const page = await disputePage(query.status, query.cursor, query.limit);
    return {
      status: 200,
      body: {
        items: await Promise.all(page.items.map((doc) => staffDisputeView(doc, false))),
        nextCursor: page.last ? encodeCursor(page.last) : null,
      },
    };
  },
});

export const getDisputeRoute = defineRoute({
  operationId: 'getDispute',
  method: 'get',
  path: '/disputes/{id}',
  tag,
  summary: 'One dispute: staff see both sides side by side; a party its own side and the outcome',
  access: ['channel-manager', 'auditor', 'reseller', 'distributor'],
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The dispute', schema: disputeSchema } },
  refusals: { 404: 'no such dispute, or not yours' },
  async handle({ caller, params }) {
    return { status: 200, body: await viewFor(caller, params.id) };
  },
});

export const respondToDisputeRoute = defineRoute({
  operationId: 'respondToDispute',
  method: 'post',
  path: '/disputes/{id}/response',
  tag,
  summary: 'The holder’s one answer to a dispute, within the response window',
  access: ['reseller'],
  request: { params: idParamsSchema, body: disputeResponseBodySchema },
  responses: { 200: { description: 'The dispute', schema: disputeSchema } },
  refusals: { 404: 'no such dispute of a registration of yours', 409: 'answered already, decided, or too late' },
  async handle({ caller, params, body, deps }) {
    const { side } = await visibleDispute(caller, params.id);
    if (side !== 'holder') throw new HttpProblem(404, 'Not found', `dispute ${params.id} does not exist`);
    await respondToDispute(deps.temporal, params.id, { by: requesterOf(caller), ...body });
    return { status: 200, body: await viewFor(caller, params.id) };
  },
});

export const decideDisputeRoute = defineRoute({
  operationId: 'decideDispute',
  method: 'post',
  path: '/disputes/{id}/decide',
  tag,
  summary: 'Decide a dispute',
  description:
    '`upheld`: the decision stands. `overturned`: the deal moves to the disputing partner (the holder ends `transferred`; a new approved registration where nobody holds it). `distinct`: the disputing partner’s deal is approved as a separate deal. Both partners are told the outcome and the reason.',
  access: ['channel-manager'],
  request: { params: idParamsSchema, body: decideDisputeBodySchema },
  responses: { 200: { description: 'The decided dispute', schema: disputeSchema } },
  refusals: {
    404: 'no such dispute',
    409: 'already decided, or the deal is held by another registration',
    422: 'invalid body, or the disputing partner’s limit or route refuses it',
  },
  async handle({ caller, params, body, deps }) {
    await visibleDispute(caller, params.id);
    await decideDispute(deps.temporal, params.id, { by: requesterOf(caller), ...body });
    return { status: 200, body: await viewFor(caller, params.id) };
  },
});

export const disputeRoutes = [
  openDisputeRoute,
  listDisputesRoute,
  getDisputeRoute,
  respondToDisputeRoute,
  decideDisputeRoute,
];
