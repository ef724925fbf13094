import { WorkflowNotFoundError } from '@temporalio/client';
import { changeRegistration, closeRegistration, requestExtension, withdrawRegistration } from '../../services/commands';
import { workflowTimeline } from '../../services/history';
import { watchDeal } from '../../services/watch-deal';
import { HttpProblem } from '../problem';
import { type Caller, defineRoute, requesterOf } from '../route-spec';
import { idParamsSchema } from '../schemas/common';
import {
  changeBodySchema,
  closeBodySchema,
  extensionBodySchema,
  extensionResultSchema,
  historySchema,
  registrationSchema,
  watchSchema,
  withdrawBodySchema,
} from '../schemas/registration';
import { registrationView } from '../views/registration';
import { visibleRegistration } from './registration-access';

const tag = 'Registrations';
const stateRefusals = {
  404: 'no such registration, or not this reseller’s',
  409: 'not possible in the registration’s current state',
} as const;

/** The registration after a command: the workflow records the outcome in MongoDB before answering. */
async function afterCommand(caller: Caller, id: string) {
  return registrationView(await visibleRegistration(caller, id), caller.role === 'sales' ? 'staff' : 'reseller');
}

/**
 * The registration its owner acts on: a reseller's own, or a seller's own direct opportunity. A seller
 * sees the partners' registrations on its accounts too, but may not act on them (403).
 */
async function ownRegistration(caller: Caller, id: string) {
  const registration = await visibleRegistration(caller, id);
  if (caller.role === 'sales' && registration.sellerId !== caller.sellerId) {
    throw new HttpProblem(403, 'Forbidden', 'a seller acts only on its own direct opportunities');
  }
  return registration;
}

export const withdrawRoute = defineRoute({
  operationId: 'withdrawRegistration',
  method: 'post',
  path: '/registrations/{id}/withdraw',
  tag,
  summary: 'Withdraw a registration (ends it withdrawn and releases the deal)',
  access: ['reseller', 'sales'],
  request: { params: idParamsSchema, body: withdrawBodySchema, bodyRequired: false },
  responses: { 200: { description: 'The withdrawn registration', schema: registrationSchema } },
  refusals: stateRefusals,
  async handle({ caller, params, body, deps }) {
    await ownRegistration(caller, params.id);
    await withdrawRegistration(deps.temporal, params.id, requesterOf(caller), body.reason);
    return { status: 200, body: await afterCommand(caller, params.id) };
  },
});

export const watchRoute = defineRoute({
  operationId: 'watchDeal',
  method: 'post',
  path: '/registrations/{id}/watch',
  tag,
  summary: 'Be told (deal.available) when the deal this registration was turned away from frees up',
  description:
    'For a registration rejected already-registered while the deal is still held. The watch ends when the reseller is told, registers the deal again, or after the policy’s protection period; a repeated request answers the same watch. That the deal became free, and when, is the one fact about another partner’s registration the watcher learns.',
  access: ['reseller'],
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The watch', schema: watchSchema } },
  refusals: stateRefusals,
  async handle({ caller, params }) {
    return { status: 200, body: await watchDeal(await visibleRegistration(caller, params.id)) };
  },
});

export const extensionRoute = defineRoute({
  operationId: 'requestExtension',
  method: 'post',
  path: '/registrations/{id}/extension',
  tag,
  summary: 'Ask to extend the protection of an approved registration',
  description:
    'Extends protectedUntil by the policy’s extension period, or sends the request to a channel manager when the policy says so; 409 when no extension is left.',
  access: ['reseller', 'sales'],
  request: { params: idParamsSchema, body: extensionBodySchema },
  responses: { 200: { description: 'Extended, or escalated for approval', schema: extensionResultSchema } },
  refusals: stateRefusals,
  async handle({ caller, params, body, deps }) {
    await ownRegistration(caller, params.id);
    const outcome = await requestExtension(deps.temporal, params.id, requesterOf(caller), body.reason);
    return { status: 200, body: { result: outcome.result, registration: await afterCommand(caller, params.id) } };
  },
});

export const closeRoute = defineRoute({
  operationId: 'closeRegistration',
  method: 'post',
  path: '/registrations/{id}/close',
  tag,
  summary: 'Close an approved registration as won or lost',
  access: ['reseller', 'sales'],
  request: { params: idParamsSchema, body: closeBodySchema },
  responses: { 200: { description: 'The closed registration', schema: registrationSchema } },
  refusals: stateRefusals,
  async handle({ caller, params, body, deps }) {
    await ownRegistration(caller, params.id);
    await closeRegistration(deps.temporal, params.id, requesterOf(caller), body);
    return { status: 200, body: await afterCommand(caller, params.id) };
  },
});

export const changeRoute = defineRoute({
  operationId: 'changeRegistration',
  method: 'post',
  path: '/registrations/{id}/changes',
  tag,
  summary: 'Change the opportunity of a live registration (stage, value, close date, title, product lines)',
  description:
    'While pending (recorded once it is decided), escalated or approved; each change is a signed entry in decisions (kind `change`). Added product lines are checked as a new registration of them would be, with a sequence of their own: 422 with problem type `already-registered` (or `duplicate`, `possible-duplicate`) when another registration holds one, and nothing is changed. A removed line frees that part of the deal.',
  access: ['reseller'],
  request: { params: idParamsSchema, body: changeBodySchema },
  responses: { 200: { description: 'The registration after the change', schema: registrationSchema } },
  refusals: { ...stateRefusals, 422: 'an added product line is another registration’s, or the change changes nothing' },
  async handle({ caller, params, body, deps }) {
    await visibleRegistration(caller, params.id);
    await changeRegistration(deps.temporal, params.id, { by: requesterOf(caller), ...body });
    return { status: 200, body: await afterCommand(caller, params.id) };
  },
});

export const historyRoute = defineRoute({
  operationId: 'registrationHistory',
  method: 'get',
  path: '/registrations/{id}/history',
  tag,
  summary: 'The registration’s life as its workflow history recorded it, in order',
  description:
    'Read from Temporal, so it is available after the workflow has closed too (within the namespace’s retention).',
  access: ['auditor', 'channel-manager', 'admin'],
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The timeline', schema: historySchema } },
  refusals: { 404: 'no such registration, or its history is no longer retained' },
  async handle({ caller, params, deps }) {
    const registration = await visibleRegistration(caller, params.id);
    // A closed import stored for history never had a workflow: its timeline is empty, not lost.
    if (registration.historyOnly) return { status: 200, body: { events: [] } };
    try {
      return { status: 200, body: { events: await workflowTimeline(deps.temporal, registration.workflowId) } };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new HttpProblem(404, 'Not found', `the history of registration ${params.id} is no longer retained`);
      }
      throw error;
    }
  },
});
