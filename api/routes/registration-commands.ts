import { WorkflowNotFoundError } from '@temporalio/client';
import { closeRegistration, requestExtension, withdrawRegistration } from '../../services/commands';
import { workflowTimeline } from '../../services/history';
import { watchDeal } from '../../services/watch-deal';
import { HttpProblem } from '../problem';
import { type Caller, defineRoute, requesterOf } from '../route-spec';
import { idParamsSchema } from '../schemas/common';
import {
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
  return registrationView(await visibleRegistration(caller, id), 'reseller');
}

export const withdrawRoute = defineRoute({
  operationId: 'withdrawRegistration',
  method: 'post',
  path: '/registrations/{id}/withdraw',
  tag,
  summary: 'Withdraw a registration (ends it withdrawn and releases the deal)',
  access: ['reseller'],
  request: { params: idParamsSchema, body: withdrawBodySchema, bodyRequired: false },
  responses: { 200: { description: 'The withdrawn registration', schema: registrationSchema } },
  refusals: stateRefusals,
  async handle({ caller, params, body, deps }) {
    await visibleRegistration(caller, params.id);
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
  access: ['reseller'],
  request: { params: idParamsSchema, body: extensionBodySchema },
  responses: { 200: { description: 'Extended, or escalated for approval', schema: extensionResultSchema } },
  refusals: stateRefusals,
  async handle({ caller, params, body, deps }) {
    await visibleRegistration(caller, params.id);
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
  access: ['reseller'],
  request: { params: idParamsSchema, body: closeBodySchema },
  responses: { 200: { description: 'The closed registration', schema: registrationSchema } },
  refusals: stateRefusals,
  async handle({ caller, params, body, deps }) {
    await visibleRegistration(caller, params.id);
    await closeRegistration(deps.temporal, params.id, requesterOf(caller), body);
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
