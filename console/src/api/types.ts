/**
 * The shapes the console reads from and sends to the HTTP API, taken from the types generated from
 * its OpenAPI document (openapi.gen.ts, `npm run console:api-types`): the console is a client of the
 * public API like any other, and it cannot drift from it unnoticed.
 */
import type { components, operations } from './openapi.gen';

type Schemas = components['schemas'];

type SuccessStatus = 200 | 201 | 202;
type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type ResponsesOf<Operation extends keyof operations> = operations[Operation]['responses'];

/** The JSON an operation answers with on success, by its operationId in the OpenAPI document. */
export type AnswerOf<Operation extends keyof operations> = JsonOf<
  ResponsesOf<Operation>[SuccessStatus & keyof ResponsesOf<Operation>]
>;

/** One field the API found wrong, as its problem details (422) name it. */
export type FieldError = NonNullable<Schemas['Problem']['errors']>[number];

export type Role = Schemas['Role'];
export type Me = Schemas['Me'];
export type RegistrationStatus = Schemas['RegistrationStatus'];
export type Segment = Schemas['Segment'];
export type PartnerType = Schemas['PartnerType'];
export type AllocationModel = Schemas['AllocationModel'];

/** Every value once: a status the API adds and this list lacks fails the type check. */
const everyStatus: Record<RegistrationStatus, true> = {
  pending: true,
  approved: true,
  rejected: true,
  escalated: true,
  won: true,
  lost: true,
  expired: true,
  withdrawn: true,
  transferred: true,
  revoked: true,
};
export const registrationStatuses = Object.keys(everyStatus) as RegistrationStatus[];

const everySegment: Record<Segment, true> = {
  'federal-civilian': true,
  'federal-dod': true,
  'state-local': true,
  education: true,
  commercial: true,
};
export const segments = Object.keys(everySegment) as Segment[];

const everyPartnerType: Record<PartnerType, true> = { integrator: true, var: true, boutique: true };
export const partnerTypes = Object.keys(everyPartnerType) as PartnerType[];

const everyModel: Record<AllocationModel, true> = { segment: true, 'partner-type': true, open: true, hybrid: true };
export const allocationModels = Object.keys(everyModel) as AllocationModel[];

const everyRole: Record<Role, true> = {
  reseller: true,
  distributor: true,
  'channel-manager': true,
  auditor: true,
  admin: true,
  sales: true,
};
export const roles = Object.keys(everyRole) as Role[];

export type Money = Schemas['Money'];
export type Customer = Schemas['Customer'];
export type RuleTraceStep = Schemas['RuleTraceStep'];
export type Decision = Schemas['Decision'];
export type Registration = Schemas['Registration'];
export type RegistrationSubmission = Schemas['RegistrationRequest'];
export type RegistrationForm = Schemas['RegistrationForm'];
export type Closing = Schemas['Closing'];
export type RegistrationChange = Schemas['RegistrationChange'];
export type TransferRequest = Schemas['TransferRequest'];
export type Opportunity = Schemas['Opportunity'];
export type LostReason = Extract<Closing, { outcome: 'lost' }>['reason'];

export type Escalation = Schemas['Escalation'];
export type Dispute = Schemas['Dispute'];
export type DisputeGround = Schemas['DisputeGround'];
export type DisputeEvidence = Schemas['DisputeEvidence'];
export type EscalationContender = Schemas['EscalationContender'];
export type ResolutionRequest = Schemas['EscalationResolutionRequest'];

export type Policy = Schemas['Policy'];
export type Route = Schemas['Route'];
export type RouteCondition = Schemas['RouteCondition'];
export type PolicyTiming = Schemas['PolicyTiming'];
export type PolicyLimits = Schemas['PolicyLimits'];
export type PolicyDisputes = Schemas['PolicyDisputes'];
export type DisputeOutcome = Schemas['DisputeOutcome'];
export type PolicyVersion = Schemas['PolicyVersion'];
export type PolicyInForce = Schemas['PolicyInForce'];

export type SimulationJob = Schemas['SimulationJob'];
export type SimulationReport = NonNullable<SimulationJob['report']>;

export type Distributor = Schemas['Distributor'];
export type Reseller = Schemas['Reseller'];
export type NewDistributor = Schemas['NewDistributor'];
export type NewReseller = Schemas['NewReseller'];
export type DistributorUpdate = Schemas['DistributorUpdate'];
export type ResellerUpdate = Schemas['ResellerUpdate'];
export type ApiKey = Schemas['ApiKey'];
export type NewApiKey = Schemas['NewApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];

export type Insights = Schemas['Insights'];
export type InsightPoint = Schemas['InsightPoint'];
export type PolicyChange = Insights['policyChanges'][number];
export type InsightsQuery = NonNullable<operations['getInsights']['parameters']['query']>;
export type InsightBucket = NonNullable<InsightsQuery['bucket']>;

export type User = Schemas['User'];
export type NewUser = Schemas['NewUser'];
export type UserUpdate = Schemas['UserUpdate'];
export type Actor = Schemas['Actor'];
export type NotificationSettings = Schemas['NotificationSettings'];
export type NotificationUpdate = Schemas['NotificationUpdate'];

/** Who did something, as a person reads it: the name looked up by the API, else the id. */
export const actorName = (actor: Actor | undefined, fallback = ''): string =>
  actor ? (actor.name ?? actor.id ?? actor.kind) : fallback;
