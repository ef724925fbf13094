import { escalationPage } from '../../db/escalation-list';
import { Escalation, type EscalationDoc } from '../../db/escalations';
import { resolveEscalation } from '../../services/commands';
import type { EscalationResolutionRequest } from '../../workflows/definitions';
import { HttpProblem } from '../problem';
import { defineRoute, requesterOf } from '../route-spec';
import { encodeCursor, idParamsSchema } from '../schemas/common';
import {
  escalationListQuerySchema,
  escalationPageSchema,
  escalationSchema,
  resolutionResultSchema,
  resolveEscalationBodySchema,
} from '../schemas/escalation';
import { escalationViews } from '../views/escalation';

const tag = 'Escalations';

export const listEscalationsRoute = defineRoute({
  operationId: 'listEscalations',
  method: 'get',
  path: '/escalations',
  tag,
  summary: 'Escalations with the registrations they weigh, side by side (newest first)',
  access: ['channel-manager', 'auditor'],
  request: { query: escalationListQuerySchema },
  responses: { 200: { description: 'One page', schema: escalationPageSchema } },
  async handle({ query }) {
    // A numbered list per status: a page reads what `limit` asks for (db/escalation-list.ts).
    const page = await escalationPage(query.status, query.cursor?.below, query.limit);
    const nextCursor = page.nextBelow !== undefined ? encodeCursor({ below: page.nextBelow }) : null;
    return { status: 200, body: { items: await escalationViews(page.items), nextCursor } };
  },
});

export const getEscalationRoute = defineRoute({
  operationId: 'getEscalation',
  method: 'get',
  path: '/escalations/{id}',
  tag,
  summary: 'One escalation with its contenders side by side',
  access: ['channel-manager', 'auditor'],
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The escalation', schema: escalationSchema } },
  refusals: { 404: 'no such escalation' },
  async handle({ params }) {
    const doc = await Escalation.findById(params.id).lean<EscalationDoc>().exec();
    if (!doc) throw new HttpProblem(404, 'Not found', `escalation ${params.id} does not exist`);
    const [view] = await escalationViews([doc]);
    return { status: 200, body: view };
  },
});

export const resolveEscalationRoute = defineRoute({
  operationId: 'resolveEscalation',
  method: 'post',
  path: '/escalations/{id}/resolve',
  tag,
  summary: 'Decide an escalation',
  description:
    '`award`: that registration wins and the other contenders end resolved-against; `rejectAll`: every contender is rejected; `distinct`: the match was false, every contender proceeds on its own.',
  access: ['channel-manager'],
  request: { params: idParamsSchema, body: resolveEscalationBodySchema },
  responses: { 200: { description: 'What was recorded for each contender', schema: resolutionResultSchema } },
  refusals: {
    404: 'no such escalation',
    409: 'already resolved',
    422: 'invalid body, or the awarded registration is not a contender',
  },
  async handle({ caller, params, body, deps }) {
    if (!(await Escalation.exists({ _id: params.id }).exec())) {
      throw new HttpProblem(404, 'Not found', `escalation ${params.id} does not exist`);
    }
    const result = await resolveEscalation(
      deps.temporal,
      params.id,
      requesterOf(caller),
      body as EscalationResolutionRequest,
    );
    // Mapped field by field: the workflow's result type is internal and may grow.
    return {
      status: 200,
      body: {
        escalationId: result.escalationId,
        resolution: result.resolution,
        fates: result.fates.map((fate) => ({ registrationId: fate.registrationId, action: fate.action })),
      },
    };
  },
});
