import { apiPublicUrl } from '../../config/config';
import { roles } from '../../db/apikeys';
import { Distributor, type DistributorDoc } from '../../db/partners';
import { allPolicyVersions, cancelUpcomingPolicy, policySchedule, publishPolicy } from '../../db/policies';
import { announcementsOf } from '../../db/policy-announcements';
import { findSimulationJob, type SimulationJobDoc } from '../../db/simulation-jobs';
import { renderPolicyGuideHtml, renderPolicyGuideMarkdown } from '../../domain/guide';
import { validatePolicyReferences } from '../../domain/policy/references';
import type { Policy, PolicyVersion } from '../../domain/policy/schema';
import { simulationChangesCsv } from '../../domain/simulation/report-csv';
import { cancelPolicyChange, startPolicyChange } from '../../services/policy-changes';
import { actorIdOf, actorOf } from '../actor';
import { HttpProblem, pathOf, validationProblem } from '../problem';
import { API_BASE, defineRoute } from '../route-spec';
import { idParamsSchema } from '../schemas/common';
import {
  csvTextSchema,
  guideTextSchema,
  policyInForceSchema,
  policyVersionSchema,
  policyVersionsSchema,
  publishPolicyBodySchema,
  simulateBodySchema,
  simulationJobSchema,
} from '../schemas/policy';
import { jobAsSeen, startSimulation } from '../simulation/jobs';
import { actorViews, legacyActor } from '../views/actors';
import { withoutEmpty } from '../views/clean';

const tag = 'Policy';
const staff = ['admin', 'auditor', 'channel-manager'] as const;
/** The report counts every change; listing them all could make one answer enormous. */
const MAX_LISTED_CHANGES = 500;
/** How far in the past `effectiveFrom` may be and still mean "now": room for the caller's clock. */
const CLOCK_SKEW_MS = 5000;

/** Versions as shown, with the names of who published and cancelled them looked up now. */
async function versionViews(versions: PolicyVersion[]) {
  const actors = await actorViews(versions.flatMap((v) => [v.actor ?? legacyActor(v.createdBy), v.cancelledBy]));
  return versions.map((version) => versionView(version, actors));
}

const versionView = (version: PolicyVersion, actors: Awaited<ReturnType<typeof actorViews>>) => ({
  version: version.version,
  createdAt: new Date(version.createdAt).toISOString(),
  createdBy: version.createdBy,
  ...withoutEmpty({
    actor: actors(version.actor ?? legacyActor(version.createdBy)),
    cancelledBy: actors(version.cancelledBy),
  }),
  effectiveFrom: version.effectiveFrom.toISOString(),
  ...(version.cancelledAt ? { cancelledAt: version.cancelledAt.toISOString() } : {}),
  policy: version.policy,
});

const upcomingView = async (version: PolicyVersion) => ({
  version: version.version,
  effectiveFrom: version.effectiveFrom.toISOString(),
  announced: (await announcementsOf(version.version)).map((made) => ({
    event: made.type,
    partners: made.partners,
    at: made.at.toISOString(),
  })),
});

/** When a publication takes force: now unless given; a moment in the past (clock skew) also means now. */
function effectiveFromOf(requested: string | undefined, now: Date): Date {
  if (requested === undefined) return now;
  const at = new Date(requested);
  if (at.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw validationProblem('policy', [
      { path: 'effectiveFrom', message: `must not be in the past (it is ${now.toISOString()} now)` },
    ]);
  }
  return at < now ? now : at;
}

async function distributors(): Promise<{ id: string; name: string }[]> {
  const docs = await Distributor.find().sort({ _id: 1 }).lean<DistributorDoc[]>().exec();
  return docs.map((doc) => ({ id: doc._id, name: doc.name }));
}

async function policyInForce(): Promise<{ inForce: PolicyVersion; upcoming?: PolicyVersion }> {
  const { inForce, upcoming } = await policySchedule();
  if (!inForce) {
    throw new HttpProblem(
      404,
      'Not found',
      upcoming
        ? `no policy is in force yet; version ${upcoming.version} takes force at ${upcoming.effectiveFrom.toISOString()}`
        : 'no policy has been published yet; an admin must PUT /policy',
    );
  }
  return { inForce, upcoming };
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
  summary: 'The policy in force, with its version, and the change scheduled next',
  access: staff,
  responses: { 200: { description: 'The version in force', schema: policyInForceSchema } },
  refusals: { 404: 'no policy in force yet' },
  async handle() {
    const { inForce, upcoming } = await policyInForce();
    return {
      status: 200,
      body: { ...(await versionViews([inForce]))[0], ...(upcoming ? { upcoming: await upcomingView(upcoming) } : {}) },
    };
  },
});

export const policyVersionsRoute = defineRoute({
  operationId: 'listPolicyVersions',
  method: 'get',
  path: '/policy/versions',
  tag,
  summary: 'Every policy version, oldest first, with when it takes force and whether it was cancelled',
  access: staff,
  responses: { 200: { description: 'All versions', schema: policyVersionsSchema } },
  async handle() {
    return { status: 200, body: { versions: await versionViews(await allPolicyVersions()) } };
  },
});

export const policyGuideRoute = defineRoute({
  operationId: 'getPolicyGuide',
  method: 'get',
  path: '/policy/guide',
  tag,
  summary: 'The rules of engagement in plain language: the policy in force, and the change scheduled next',
  description: 'Markdown by default; HTML when the Accept header prefers text/html.',
  access: roles,
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
    const [{ inForce, upcoming }, partners] = await Promise.all([policyInForce(), distributors()]);
    if (wanted === 'text/html') {
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: renderPolicyGuideHtml(inForce, { distributors: partners }, upcoming),
        headers: { Vary: 'Accept' },
      };
    }
    return {
      status: 200,
      contentType: 'text/markdown; charset=utf-8',
      body: renderPolicyGuideMarkdown(inForce, { distributors: partners }, upcoming),
      headers: { Vary: 'Accept' },
    };
  },
});

export const publishPolicyRoute = defineRoute({
  operationId: 'publishPolicy',
  method: 'put',
  path: '/policy',
  tag,
  summary: 'Publish a new policy version, in force now or from `effectiveFrom`',
  description:
    'Registrations submitted from `effectiveFrom` on are decided under it. Every partner is sent `policy.scheduled` now and `policy.effective` when it takes force. One change may wait at a time.',
  access: ['admin'],
  request: { body: publishPolicyBodySchema },
  responses: { 201: { description: 'The new version', schema: policyVersionSchema } },
  refusals: {
    409: 'a change is scheduled already; cancel it first (DELETE /policy/upcoming)',
    422: 'invalid policy, effectiveFrom in the past, unknown distributors, or routes that can never apply',
  },
  async handle({ caller, body, deps }) {
    const { effectiveFrom: requested, ...policy } = body;
    const effectiveFrom = effectiveFromOf(requested, new Date());
    await checkReferences(policy, []);
    const { upcoming } = await policySchedule();
    if (upcoming) {
      throw new HttpProblem(
        409,
        'Change already scheduled',
        `version ${upcoming.version} takes force at ${upcoming.effectiveFrom.toISOString()}; cancel it first (DELETE /policy/upcoming)`,
      );
    }
    const published = await publishPolicy(policy, actorIdOf(caller), effectiveFrom, actorOf(caller));
    await startPolicyChange(
      deps.temporal,
      deps.taskQueue,
      published,
      `${apiPublicUrl(deps.config)}/api/v1/policy/guide`,
    );
    return { status: 201, body: (await versionViews([published]))[0], headers: { Location: '/api/v1/policy' } };
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

export const cancelUpcomingPolicyRoute = defineRoute({
  operationId: 'cancelUpcomingPolicy',
  method: 'delete',
  path: '/policy/upcoming',
  tag,
  summary: 'Cancel the scheduled change before it takes force',
  description:
    'The version stays listed, marked cancelled, and never takes force; partners told it was coming are sent `policy.cancelled`.',
  access: ['admin'],
  responses: { 200: { description: 'The cancelled version', schema: policyVersionSchema } },
  refusals: { 409: 'no change is scheduled, or it takes force in a moment' },
  async handle({ caller, deps }) {
    const answer = await cancelUpcomingPolicy(new Date(), actorOf(caller));
    if ('refused' in answer) {
      throw new HttpProblem(
        409,
        'Nothing to cancel',
        answer.refused === 'none-scheduled'
          ? 'no change is scheduled'
          : `version ${answer.version.version} takes force at ${answer.version.effectiveFrom.toISOString()}, too soon to cancel`,
      );
    }
    await cancelPolicyChange(deps.temporal, answer.cancelled.version);
    return { status: 200, body: (await versionViews([answer.cancelled]))[0] };
  },
});

export const simulatePolicyRoute = defineRoute({
  operationId: 'simulatePolicy',
  method: 'post',
  path: '/policy/simulate',
  tag,
  summary: 'What-if: start replaying the stored registrations under a candidate policy',
  description:
    'Starts a simulation job and answers at once; poll its Location for progress and, when done, the report. ' +
    'The replay reads every accepted registration (or those submitted between `from` and `to`: a period ' +
    'replay starts with no deal held) in acceptance order through the same engine, off the request path, ' +
    'and writes nothing but its job and the write-once replay records of settled buckets it read. One runs at a time per deployment; it stops at the configured time ' +
    'limit (SIMULATION_TIME_LIMIT_MS) with a partial report.',
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
      period: { from: body.from ? new Date(body.from) : undefined, to: body.to ? new Date(body.to) : undefined },
      accounts: body.accounts,
      requestedBy: actorIdOf(caller),
      timeLimitMs: deps.config.SIMULATION_TIME_LIMIT_MS,
      threadNice: deps.config.SIMULATION_THREAD_NICE,
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

export const simulationCsvRoute = defineRoute({
  operationId: 'getSimulationCsv',
  method: 'get',
  path: '/policy/simulations/{id}/changes.csv',
  tag,
  summary: "A simulation's changed registrations as CSV, every cell quoted",
  description:
    'One line per listed change (the JSON report lists at most 500 and counts all), streamed; a cell a spreadsheet would run as a formula is prefixed with an apostrophe.',
  access: ['admin', 'channel-manager'],
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The changes', media: { 'text/csv': csvTextSchema } } },
  refusals: { 404: 'no such simulation', 409: 'the simulation has no report yet' },
  async handle({ params }) {
    const job = await findSimulationJob(params.id);
    if (!job) throw new HttpProblem(404, 'Not found', `simulation ${params.id} does not exist`);
    if (!job.report) throw new HttpProblem(409, 'No report yet', `simulation ${params.id} is ${jobAsSeen(job).status}`);
    return {
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      headers: { 'Content-Disposition': `attachment; filename="${params.id}-changes.csv"` },
      stream: simulationChangesCsv(job.report),
    };
  },
});
