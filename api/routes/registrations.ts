import { RequestRefused } from '../../domain/errors';
import {
  type RegistrationRequest,
  type RegistrationSubmission,
  registrationRequestSchema,
} from '../../domain/registration';
import { actorNamer } from '../../services/actor-names';
import { submitDirectOpportunity } from '../../services/submit-direct';
import { type SubmitDeps, submitRegistration } from '../../services/submit-registration';
import { HttpProblem, validationProblem } from '../problem';
import { type Caller, defineRoute, requesterOf } from '../route-spec';
import { idParamsSchema } from '../schemas/common';
import { csvTextSchema } from '../schemas/policy';
import {
  registrationListQuerySchema,
  registrationPageSchema,
  registrationSchema,
  submitHeadersSchema,
} from '../schemas/registration';
import { audienceOf, registrationView } from '../views/registration';
import { visibleRegistration } from './registration-access';
import { listRegistrationsPage, registrationsCsv } from './registration-list';
import { submitterOf } from './submitter';

const tag = 'Registrations';
const everyRole = ['reseller', 'distributor', 'channel-manager', 'auditor', 'admin', 'sales'] as const;

export const submitRegistrationRoute = defineRoute({
  operationId: 'submitRegistration',
  method: 'post',
  path: '/registrations',
  tag,
  summary: 'Register a deal',
  description:
    "Accepts the registration and starts its decision. A vendor seller (`sales`) registers a direct opportunity: `{ direct: true, customer, opportunity }`, stored with `sellerId`, not routed and counted against no limit, holding its deal like a partner's. A distributor registers for an affiliated reseller, named by `resellerId`, through itself; the registration records that it was entered on the reseller’s behalf. With an Idempotency-Key, a repeat of the same request returns the same registration; the same key with another body is refused (422). Keys are scoped to the reseller. A 503 (no policy yet, or the registration could not be stored within a few seconds) carries Retry-After; repeat with the same Idempotency-Key, since the registration may have been stored meanwhile.",
  access: ['reseller', 'distributor', 'sales'],
  request: { body: registrationRequestSchema, headers: submitHeadersSchema },
  responses: { 202: { description: 'Accepted; the decision follows', schema: registrationSchema } },
  refusals: {
    403: 'the reseller (or seller) bound to the key is not registered',
    422: 'invalid body, distributor not affiliated, reseller not affiliated with the calling distributor, a partner sending `direct` or a seller leaving it out, Idempotency-Key reused with another body, or a policy limit reached (problem type limit-reached, `limit` names it; nothing is stored)',
  },
  async handle({ caller, body, headers, deps, metrics }) {
    const submitDeps = { ...deps, acceptanceWaitMs: deps.config.SUBMISSION_ACCEPTANCE_WAIT_MS };
    try {
      const { registration, created } =
        caller.role === 'sales'
          ? await submitDirectOpportunity(
              submitDeps,
              directSellerOf(caller, body),
              body,
              headers['idempotency-key'],
              requesterOf(caller).actor,
            )
          : await submitPartnerRegistration(submitDeps, caller, body, headers['idempotency-key']);
      metrics.submissions.inc({ outcome: created ? 'accepted' : 'repeated' });
      return {
        status: 202,
        body: registrationView(registration, audienceOf(caller)),
        headers: { Location: `/api/v1/registrations/${registration._id}` },
      };
    } catch (error) {
      if (error instanceof RequestRefused) metrics.submissions.inc({ outcome: 'refused' });
      throw error;
    }
  },
});

/** A partner's registration: for whom, from the caller's binding; the body is then a partner's. */
async function submitPartnerRegistration(
  deps: SubmitDeps,
  caller: Caller,
  body: RegistrationRequest,
  idempotencyKey: string | undefined,
) {
  const { resellerId, enteredBy } = await submitterOf(caller, body);
  const { direct: _direct, ...submission } = body;
  return submitRegistration(deps, resellerId, submission as RegistrationSubmission, idempotencyKey, enteredBy);
}

/** A seller registers direct opportunities only, and says so. */
function directSellerOf(caller: Caller, body: RegistrationRequest): string {
  if (!caller.sellerId) throw new HttpProblem(403, 'Forbidden', 'this key is not bound to a seller');
  if (!body.direct) {
    throw validationProblem('request body', [
      { path: 'direct', message: 'a seller registers a direct opportunity: send direct: true, without a distributor' },
    ]);
  }
  return caller.sellerId;
}

export const getRegistrationRoute = defineRoute({
  operationId: 'getRegistration',
  method: 'get',
  path: '/registrations/{id}',
  tag,
  summary: 'Read a registration',
  description:
    'Resellers see their own, distributors those submitted through them, a seller (`sales`) those on its house accounts, staff all. Anything else is 404.',
  access: everyRole,
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The registration', schema: registrationSchema } },
  refusals: { 404: 'no such registration, or not visible to this caller' },
  async handle({ caller, params }) {
    const doc = await visibleRegistration(caller, params.id);
    const audience = audienceOf(caller);
    const named =
      audience === 'staff' ? await actorNamer([doc.enteredBy, ...doc.decisions.map((d) => d.actor)]) : undefined;
    return { status: 200, body: registrationView(doc, audience, named) };
  },
});

export const listRegistrationsRoute = defineRoute({
  operationId: 'listRegistrations',
  method: 'get',
  path: '/registrations',
  tag,
  summary: 'List registrations, newest first',
  description:
    'Pages ordered by sequence, newest first. The cursor marks a position, not an offset: registrations accepted while paging appear only before it, so no item is lost or repeated. Each page reads a bounded slice of the history, so a page may hold fewer items than `limit` (even none) while `nextCursor` is not null: follow it until it is null. resellerId and distributorId are for staff; q (everyone, within what the caller sees) matches customer name, domain and title text.',
  access: everyRole,
  request: { query: registrationListQuerySchema },
  responses: { 200: { description: 'One page', schema: registrationPageSchema } },
  refusals: { 403: 'a staff filter used by a partner' },
  async handle({ caller, query }) {
    return { status: 200, body: await listRegistrationsPage(caller, query) };
  },
});

export const exportRegistrationsRoute = defineRoute({
  operationId: 'exportRegistrations',
  method: 'get',
  path: '/registrations/export.csv',
  tag,
  summary: 'Every registration the caller may see that the filters select, as CSV (streamed)',
  description:
    'The filters of GET /registrations (no cursor or limit), newest first, one line per registration as the caller sees it (a partner: its own, in its wording), every cell quoted; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. Streamed page after page, so a long list is never held whole.',
  access: everyRole,
  request: { query: registrationListQuerySchema.omit({ cursor: true, limit: true }) },
  responses: { 200: { description: 'The registrations', media: { 'text/csv': csvTextSchema } } },
  refusals: { 403: 'a staff filter used by a partner' },
  async handle({ caller, query }) {
    const lines = registrationsCsv(caller, query);
    // The first line is read before answering (it reads the first page), so a refused filter is a 403.
    const first = await lines.next();
    return {
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      headers: { 'Content-Disposition': 'attachment; filename="registrations.csv"' },
      stream: (async function* () {
        if (!first.done) yield first.value;
        yield* lines;
      })(),
    };
  },
});
