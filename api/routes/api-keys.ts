import { ApiKey, type ApiKeyDoc, createApiKey } from '../../db/apikeys';
import { Distributor, Reseller } from '../../db/partners';
import { endSessionsOf } from '../../db/sessions';
import { Seller } from '../../db/vendor-records';
import { actorIdOf, actorOf } from '../actor';
import { HttpProblem, validationProblem } from '../problem';
import { defineRoute } from '../route-spec';
import { apiKeySchema, createdApiKeySchema, keyIdParamsSchema, listOf, newApiKeySchema } from '../schemas/partners';
import { actorViews, legacyActor } from '../views/actors';
import { withoutEmpty } from '../views/clean';

const tag = 'API keys';

/** Keys as shown, with the names of who created and revoked them looked up now. */
async function keyViews(docs: ApiKeyDoc[]) {
  const actors = await actorViews(docs.flatMap((doc) => [doc.actor ?? legacyActor(doc.createdBy), doc.revokedBy]));
  return docs.map((doc) => ({
    ...keyView(doc),
    ...withoutEmpty({ actor: actors(doc.actor ?? legacyActor(doc.createdBy)), revokedBy: actors(doc.revokedBy) }),
  }));
}

const keyView = (doc: ApiKeyDoc) =>
  withoutEmpty({
    keyId: doc.keyId,
    role: doc.role,
    resellerId: doc.resellerId,
    distributorId: doc.distributorId,
    sellerId: doc.sellerId,
    label: doc.label,
    createdAt: doc.createdAt.toISOString(),
    createdBy: doc.createdBy,
    revokedAt: doc.revokedAt?.toISOString(),
  });

export const createApiKeyRoute = defineRoute({
  operationId: 'createApiKey',
  method: 'post',
  path: '/api-keys',
  tag,
  summary: 'Create an API key (shown once; only its hash is stored)',
  description:
    'Reseller and distributor keys must name their partner, sales keys their vendor seller; other roles must not.',
  access: ['admin'],
  request: { body: newApiKeySchema },
  responses: { 201: { description: 'The key, this once', schema: createdApiKeySchema } },
  refusals: { 422: 'invalid body, missing or forbidden binding, or unknown partner' },
  async handle({ caller, body }) {
    if (body.resellerId && !(await Reseller.exists({ _id: body.resellerId }).exec())) {
      throw validationProblem('request body', [
        { path: 'resellerId', message: `unknown reseller "${body.resellerId}"` },
      ]);
    }
    if (body.distributorId && !(await Distributor.exists({ _id: body.distributorId }).exec())) {
      throw validationProblem('request body', [
        { path: 'distributorId', message: `unknown distributor "${body.distributorId}"` },
      ]);
    }
    if (body.sellerId && !(await Seller.exists({ _id: body.sellerId }).exec())) {
      throw validationProblem('request body', [{ path: 'sellerId', message: `unknown seller "${body.sellerId}"` }]);
    }
    const created = await createApiKey({ ...body, createdBy: actorIdOf(caller), actor: actorOf(caller) });
    return {
      status: 201,
      body: withoutEmpty({
        key: created.key,
        keyId: created.keyId,
        role: body.role,
        resellerId: body.resellerId,
        distributorId: body.distributorId,
        sellerId: body.sellerId,
        label: body.label,
      }),
      // The key is a secret: no cache anywhere may keep this answer.
      headers: { 'Cache-Control': 'no-store' },
    };
  },
});

export const listApiKeysRoute = defineRoute({
  operationId: 'listApiKeys',
  method: 'get',
  path: '/api-keys',
  tag,
  summary: 'Every API key by id, role and binding (never the key); an addition to the contract',
  access: ['admin'],
  responses: { 200: { description: 'All keys', schema: listOf(apiKeySchema) } },
  async handle() {
    const docs = await ApiKey.find().sort({ createdAt: 1 }).lean<ApiKeyDoc[]>().exec();
    return { status: 200, body: { items: await keyViews(docs) } };
  },
});

export const revokeApiKeyRoute = defineRoute({
  operationId: 'revokeApiKey',
  method: 'delete',
  path: '/api-keys/{keyId}',
  tag,
  summary: 'Revoke an API key: it answers 401 from now on (an addition to the contract)',
  access: ['admin'],
  request: { params: keyIdParamsSchema },
  responses: { 200: { description: 'The revoked key', schema: apiKeySchema } },
  refusals: { 404: 'no such key' },
  async handle({ caller, params }) {
    // Revoking twice keeps the first revocation time.
    await ApiKey.updateOne(
      { keyId: params.keyId, revokedAt: { $exists: false } },
      { $set: { revokedAt: new Date(), revokedBy: actorOf(caller) } },
    ).exec();
    const doc = await ApiKey.findOne({ keyId: params.keyId }).lean<ApiKeyDoc>().exec();
    if (!doc) throw new HttpProblem(404, 'Not found', `API key ${params.keyId} does not exist`);
    // Each request of a session rechecks its key already; this only tidies up.
    await endSessionsOf({ apiKeyHash: doc._id });
    return { status: 200, body: (await keyViews([doc]))[0] };
  },
});
