import { isDuplicateKey } from '../../db/insert-once';
import { type ChangedBy, Distributor, type DistributorDoc, Reseller, type ResellerDoc } from '../../db/partners';
import { actorOf } from '../actor';
import { HttpProblem, validationProblem } from '../problem';
import { defineRoute } from '../route-spec';
import {
  distributorSchema,
  distributorUpdateSchema,
  listOf,
  newDistributorSchema,
  newResellerSchema,
  partnerParamsSchema,
  resellerSchema,
  resellerUpdateSchema,
} from '../schemas/partners';
import { actorViews } from '../views/actors';
import { withoutEmpty } from '../views/clean';

const tag = 'Partners';
const staff = ['admin', 'auditor', 'channel-manager'] as const;

const alreadyExists = (what: string) => new HttpProblem(409, 'Already exists', `${what} already exists`);

type Names = Awaited<ReturnType<typeof actorViews>>;
const changedByView = (doc: ChangedBy, names: Names) =>
  withoutEmpty({
    createdBy: names(doc.createdBy),
    updatedBy: names(doc.updatedBy),
    updatedAt: doc.updatedAt?.toISOString(),
  });
const distributorView = (doc: DistributorDoc, names: Names) => ({
  id: doc._id,
  name: doc.name,
  createdAt: doc.createdAt.toISOString(),
  ...changedByView(doc, names),
});
const resellerView = (doc: ResellerDoc, names: Names) => ({
  id: doc._id,
  name: doc.name,
  partnerType: doc.partnerType,
  distributorIds: doc.distributorIds,
  createdAt: doc.createdAt.toISOString(),
  ...changedByView(doc, names),
});

/** Partners as shown, with the names of who created and changed them looked up now. */
async function views<D extends ChangedBy, V>(docs: D[], view: (doc: D, names: Names) => V): Promise<V[]> {
  const names = await actorViews(docs.flatMap((doc) => [doc.createdBy, doc.updatedBy]));
  return docs.map((doc) => view(doc, names));
}

export const createDistributorRoute = defineRoute({
  operationId: 'createDistributor',
  method: 'post',
  path: '/distributors',
  tag,
  summary: 'Add a distributor',
  access: ['admin'],
  request: { body: newDistributorSchema },
  responses: { 201: { description: 'The distributor', schema: distributorSchema } },
  refusals: { 409: 'a distributor with this id exists' },
  async handle({ caller, body }) {
    try {
      const doc = await Distributor.create({
        _id: body.id,
        name: body.name,
        createdAt: new Date(),
        createdBy: actorOf(caller),
      });
      const [view] = await views([doc.toObject()], distributorView);
      return { status: 201, body: view, headers: { Location: '/api/v1/distributors' } };
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyExists(`distributor ${body.id}`);
      throw error;
    }
  },
});

export const listDistributorsRoute = defineRoute({
  operationId: 'listDistributors',
  method: 'get',
  path: '/distributors',
  tag,
  summary: 'Every distributor (an addition to the contract, for staff and the console)',
  access: staff,
  responses: { 200: { description: 'All distributors', schema: listOf(distributorSchema) } },
  async handle() {
    const docs = await Distributor.find().sort({ _id: 1 }).lean<DistributorDoc[]>().exec();
    return { status: 200, body: { items: await views(docs, distributorView) } };
  },
});

export const updateDistributorRoute = defineRoute({
  operationId: 'updateDistributor',
  method: 'put',
  path: '/distributors/{id}',
  tag,
  summary: 'Rename a distributor (its id stays: registrations and keys refer to it); an addition to the contract',
  access: ['admin'],
  request: { params: partnerParamsSchema, body: distributorUpdateSchema },
  responses: { 200: { description: 'The distributor', schema: distributorSchema } },
  refusals: { 404: 'no such distributor' },
  async handle({ caller, params, body }) {
    const doc = await Distributor.findByIdAndUpdate(
      params.id,
      { $set: { name: body.name, updatedBy: actorOf(caller), updatedAt: new Date() } },
      { new: true },
    )
      .lean<DistributorDoc>()
      .exec();
    if (!doc) throw new HttpProblem(404, 'Not found', `distributor ${params.id} does not exist`);
    return { status: 200, body: (await views([doc], distributorView))[0] };
  },
});

/** The distributors a reseller names must exist: a path for each unknown one. */
async function unknownDistributors(distributorIds: readonly string[]) {
  const known = await Distributor.find({ _id: { $in: distributorIds } })
    .select({ _id: 1 })
    .lean<{ _id: string }[]>()
    .exec();
  const knownIds = new Set(known.map((doc) => doc._id));
  return distributorIds.flatMap((id, index) =>
    knownIds.has(id) ? [] : [{ path: `distributorIds.${index}`, message: `unknown distributor "${id}"` }],
  );
}

export const createResellerRoute = defineRoute({
  operationId: 'createReseller',
  method: 'post',
  path: '/resellers',
  tag,
  summary: 'Add a reseller and the distributors it buys through',
  access: ['admin'],
  request: { body: newResellerSchema },
  responses: { 201: { description: 'The reseller', schema: resellerSchema } },
  refusals: { 409: 'a reseller with this id exists', 422: 'invalid body or unknown distributors' },
  async handle({ caller, body }) {
    const unknown = await unknownDistributors(body.distributorIds);
    if (unknown.length > 0) throw validationProblem('request body', unknown);
    try {
      const doc = await Reseller.create({
        _id: body.id,
        name: body.name,
        partnerType: body.partnerType,
        distributorIds: body.distributorIds,
        createdAt: new Date(),
        createdBy: actorOf(caller),
      });
      const [view] = await views([doc.toObject()], resellerView);
      return { status: 201, body: view, headers: { Location: '/api/v1/resellers' } };
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyExists(`reseller ${body.id}`);
      throw error;
    }
  },
});

export const updateResellerRoute = defineRoute({
  operationId: 'updateReseller',
  method: 'put',
  path: '/resellers/{id}',
  tag,
  summary: "Change a reseller's name, partner type or distributors (an addition to the contract)",
  description:
    'Takes effect for submissions from now on: registrations already made keep the partner type and distributor they were decided with.',
  access: ['admin'],
  request: { params: partnerParamsSchema, body: resellerUpdateSchema },
  responses: { 200: { description: 'The reseller', schema: resellerSchema } },
  refusals: { 404: 'no such reseller', 422: 'invalid body or unknown distributors' },
  async handle({ caller, params, body }) {
    const unknown = await unknownDistributors(body.distributorIds);
    if (unknown.length > 0) throw validationProblem('request body', unknown);
    const doc = await Reseller.findByIdAndUpdate(
      params.id,
      {
        $set: {
          name: body.name,
          partnerType: body.partnerType,
          distributorIds: body.distributorIds,
          updatedBy: actorOf(caller),
          updatedAt: new Date(),
        },
      },
      { new: true },
    )
      .lean<ResellerDoc>()
      .exec();
    if (!doc) throw new HttpProblem(404, 'Not found', `reseller ${params.id} does not exist`);
    return { status: 200, body: (await views([doc], resellerView))[0] };
  },
});

export const listResellersRoute = defineRoute({
  operationId: 'listResellers',
  method: 'get',
  path: '/resellers',
  tag,
  summary: 'Every reseller (an addition to the contract, for staff and the console)',
  access: staff,
  responses: { 200: { description: 'All resellers', schema: listOf(resellerSchema) } },
  async handle() {
    const docs = await Reseller.find().sort({ _id: 1 }).lean<ResellerDoc[]>().exec();
    return { status: 200, body: { items: await views(docs, resellerView) } };
  },
});
