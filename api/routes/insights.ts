import { readInsights } from '../../db/insights-query';
import { defineRoute, staffRoles } from '../route-spec';
import { insightsQuerySchema, insightsSchema } from '../schemas/insights';

export const insightsRoute = defineRoute({
  operationId: 'getInsights',
  method: 'get',
  path: '/insights',
  tag: 'Insights',
  summary: 'Program health over time: outcomes, conflict and escalation rates, decision and resolution times',
  description:
    'Answered from the measures kept as decisions happen (one read per day in the period); ' +
    '`policyChanges` lists every policy version with the instant it took force.',
  access: staffRoles,
  request: { query: insightsQuerySchema },
  responses: { 200: { description: 'The series', schema: insightsSchema } },
  refusals: { 422: '`from` after `to`, or a period longer than 400 days' },
  async handle({ query }) {
    return { status: 200, body: await readInsights(query) };
  },
});
