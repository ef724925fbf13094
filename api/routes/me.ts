import { z } from 'zod';
import { roles } from '../../db/apikeys';
import { findUser } from '../../db/users';
import { defineRoute, isStaff } from '../route-spec';
import { roleSchema } from '../schemas/partners';
import { withoutEmpty } from '../views/clean';

const meSchema = z
  .strictObject({
    keyId: z.string().optional().describe('the API key, when a key calls (or a session it was exchanged for)'),
    userId: z.string().optional().describe('the person, when a person is signed in'),
    email: z.string().optional(),
    name: z.string().optional(),
    orgAdmin: z.boolean().optional().describe("manages its own organisation's users"),
    role: roleSchema,
    resellerId: z.string().optional(),
    distributorId: z.string().optional(),
    sellerId: z.string().optional(),
    temporalUiUrl: z.string().optional().describe('staff only: base URL of the Temporal Web UI, for workflow links'),
    temporalNamespace: z.string().optional().describe('staff only'),
  })
  .meta({ id: 'Me' });

/**
 * Who is calling (the person signed in, or the key): lets a client (the console) show only what this role may see and do
 * without probing routes for 403s. An addition to the contract.
 */
export const meRoute = defineRoute({
  operationId: 'getMe',
  method: 'get',
  path: '/me',
  tag: 'API keys',
  summary: 'Who is calling: the person (`userId`, `email`, `name`) or the key (`keyId`), with role and binding',
  access: roles,
  responses: { 200: { description: 'The caller', schema: meSchema } },
  async handle({ caller, deps }) {
    const staff = isStaff(caller);
    const user = caller.userId ? await findUser(caller.userId) : null;
    return {
      status: 200,
      body: withoutEmpty({
        keyId: caller.keyId,
        userId: user?._id,
        email: user?.email,
        name: user?.name,
        orgAdmin: caller.orgAdmin,
        role: caller.role,
        resellerId: caller.resellerId,
        distributorId: caller.distributorId,
        sellerId: caller.sellerId,
        temporalUiUrl: staff ? deps.config.TEMPORAL_UI_URL.replace(/\/+$/, '') : undefined,
        temporalNamespace: staff ? deps.config.TEMPORAL_NAMESPACE : undefined,
      }),
    };
  },
});
