import { Distributor, type DistributorDoc } from '../../db/partners';
import { allPolicyVersions, currentPolicy, publishPolicy } from '../../db/policies';
import { findSimulationJob, type SimulationJobDoc } from '../../db/simulation-jobs';
import { renderPolicyGuideHtml, renderPolicyGuideMarkdown } from '../../domain/guide';
import { validatePolicyReferences } from '../../domain/policy/references';
import type { Policy, PolicyVersion } from '../../domain/policy/schema';
import { policySchema } from '../../domain/policy/schema';
import { HttpProblem, pathOf, validationProblem } from '../problem';
import { API_BASE, defineRoute } from '../route-spec';
import { idParamsSchema } from '../schemas/common';
import {
  guideTextSchema,
  policyVersionSchema,
  policyVersionsSchema,
  simulateBodySchema,
  simulationJobSchema,
} from '../schemas/policy';
import { jobAsSeen, startSimulation } from '../simulation/jobs';

const tag = 'Policy';
const staff = ['admin', 'auditor', 'channel-manager'] as const;
/** The report counts every change; listing them all could make one answer enormous. */
const MAX_LISTED_CHANGES = 500;

const versionView = (version: PolicyVersion) => ({
  version: version.version,
  createdAt: new Date(version.createdAt).toISOString(),
  createdBy: version.createdBy,
  policy: version.policy,
});

async function distributors(): Promise<{ id: string; name: string }[]> {
  const docs = await Distributor.find().sort({ _id: 1 }).lean<DistributorDoc[]>().exec();
  return docs.map((doc) => ({ id: doc._id, name: doc.name }));
}

async function policyInForce(): Promise<PolicyVersion> {
  const current = await currentPolicy();
  if (!current) throw new HttpProblem(404, 'Not found', 'no policy has been published yet; an admin must PUT /policy');
  return current;
}

/** What the schema cannot check: distributors must exist, every route must be able to apply. */
async function checkReferences(policy: Policy, prefix: string[]): Promise<void> {
  const known = (await distributors()).map((d) => d.id);
  const issues = validatePolicyReferences(policy, known);
  if (issues.length > 0) {
    throw validationProblem(
      'policy',
      issues.map((issue) => ({ path: pathOf([...prefix, ...issue.path]), message: issue.message })),
    );
  }
}

export const getPolicyRoute = defineRoute({
  operationId: 'getPolicy',
  method: 'get',
  path: '/policy',
  tag,
  summary: 'The policy in force, with its version',
  access: staff,
  responses: { 200: { description: 'The current version', schema: policyVersionSchema } },
  refusals: { 404: 'no policy published yet' },
  async handle() {
    return { status: 200, body: versionView(await policyInForce()) };
  },
});

export const policyVersionsRoute = defineRoute({
  operationId: 'listPolicyVersions',
  method: 'get',
  path: '/policy/versions',
  tag,
  summary: 'Every policy version, oldest first',
  access: staff,
  responses: { 200: { description: 'All versions', schema: policyVersionsSchema } },
  async handle() {
    return { status: 200, body: { versions: (await allPolicyVersions()).map(versionView) } };
  },
});

export const policyGuideRoute = defineRoute({
  operationId: 'getPolicyGuide',
  method: 'get',
  path: '/policy/guide',
  tag,
  summary: 'The rules of engagement in plain language, generated from the policy in force',
  description: 'Markdown by default; HTML when the Accept header prefers text/html.',
  access: ['reseller', 'distributor', 'channel-manager', 'auditor', 'admin'],
  responses: {
    200: {
      description: 'The guide',
      media: { 'text/markdown': guideTextSchema, 'text/html': guideTextSchema },
    },
  },
  refusals: { 404: 'no policy published yet', 406: 'neither Markdown nor HTML is acceptable' },
  async handle({ req }) {
    const wanted = req.accepts(['text/markdown', 'text/html', 'text/plain']);
    if (!wanted) throw new HttpProblem(406, 'Not acceptable', 'the guide is available as text/markdown or text/html');
    const [current, partners] = await Promise.all([policyInForce(), distributors()]);
    if (wanted === 'text/html') {
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: renderPolicyGuideHtml(current, { distributors: partners }),
        headers: { Vary: 'Accept' },
      };
    }
    return {
      status: 200,
      contentType: 'text/markdown; charset=utf-8',
      body: renderPolicyGuideMarkdown(current, { distributors: partners }),
      headers: { Vary: 'Accept' },
    };
  },
});

export const publishPolicyRoute = defineRoute({
  operationId: 'publishPolicy',
  method: 'put',
  path: '/policy',
  tag,
  summary: 'Publish a new policy version (applies to registrations submitted from then on)',
  access: ['admin'],
  request: { body: policySchema },
  responses: { 201: { description: 'The new version', schema: policyVersionSchema } },
  refusals: { 422: 'invalid policy, unknown distributors, or routes that can never apply' },
  async handle({ caller, body }) {
    await checkReferences(body, []);
    const published = await publishPolicy(body, caller.keyId);
    return { status: 201, body: versionView(published), headers: { Location: '/api/v1/policy' } };
  },
});

const jobView = (job: SimulationJobDoc) => ({
  id: job._id,
  status: job.status,
  label: job.label,
  startedAt: new Date(job.startedAt).toISOString(),
  deadline: new Date(job.deadline).toISOString(),
  ...(job.finishedAt ? { finishedAt: new Date(job.finishedAt).toISOString() } : {}),
  progress: job.progress,
  partial: job.partial ?? false,
  ...(job.report ? { report: job.report } : {}),
  ...(job.error ? { error: job.error } : {}),
});

const simulationLocation = (id: string) => `${API_BASE}/policy/simulations/${id}`;

export const simulatePolicyRoute = defineRoute({
  operationId: 'simulatePolicy',
  method: 'post',
  path: '/policy/simulate',
  tag,
  summary: 'What-if: start replaying the stored registrations under a candidate policy',
  description:
    'Starts a simulation job and answers at once; poll its Location for progress and, when done, the report. ' +
    'The replay reads every accepted registration in acceptance order through the same engine, off the ' +
    'request path, and writes nothing but its job. One runs at a time per deployment; it stops at the ' +
    'configured time limit (SIMULATION_TIME_LIMIT_MS) with a partial report.',
  access: ['admin', 'channel-manager'],
  request: { body: simulateBodySchema },
  responses: { 202: { description: 'The started job', schema: simulationJobSchema } },
  refusals: {
    409: 'another simulation is running',
    422: 'invalid policy, unknown distributors, or routes that can never apply',
  },
  async handle({ body, caller, deps }) {
    await checkReferences(body.policy, ['policy']);
    const job = await startSimulation({
      setup: {
        policy: body.policy,
        label: 'candidate policy',
        partners: { distributors: await distributors() },
        maxChanges: MAX_LISTED_CHANGES,
      },
      requestedBy: caller.keyId,
      timeLimitMs: deps.config.SIMULATION_TIME_LIMIT_MS,
      logger: deps.logger,
    });
    return { status: 202, body: jobView(job), headers: { Location: simulationLocation(job._id) } };
  },
});

export const simulationJobRoute = defineRoute({
  operationId: 'getSimulation',
  method: 'get',
  path: '/policy/simulations/{id}',
  tag,
  summary: "A simulation's status, progress and, once it has ended, its report",
  access: ['admin', 'channel-manager'],
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The job', schema: simulationJobSchema } },
  refusals: { 404: 'no such simulation' },
  async handle({ params }) {
    const job = await findSimulationJob(params.id);
    if (!job) throw new HttpProblem(404, 'Not found', `simulation ${params.id} does not exist`);
    return { status: 200, body: jobView(jobAsSeen(job)) };
  },
});
