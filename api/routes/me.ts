import { z } from 'zod';
import { defineRoute, isStaff } from '../route-spec';
import { roleSchema } from '../schemas/partners';
import { withoutEmpty } from '../views/clean';

const meSchema = z
  .strictObject({
    keyId: z.string(),
    role: roleSchema,
    resellerId: z.string().optional(),
    distributorId: z.string().optional(),
    temporalUiUrl: z.string().optional().describe('staff only: base URL of the Temporal Web UI, for workflow links'),
    temporalNamespace: z.string().optional().describe('staff only'),
  })
  .meta({ id: 'Me' });

/**
 * Who the presented key is: lets a client (the console) show only what this role may see and do
 * without probing routes for 403s. An addition to the contract.
 */
export const meRoute = defineRoute({
  operationId: 'getMe',
  method: 'get',
  path: '/me',
  tag: 'API keys',
  summary: 'The role and binding of the presented API key (never the key); an addition to the contract',
  access: ['reseller', 'distributor', 'channel-manager', 'auditor', 'admin'],
  responses: { 200: { description: 'The caller', schema: meSchema } },
  async handle({ caller, deps }) {
    const staff = isStaff(caller);
    return {
      status: 200,
      body: withoutEmpty({
        keyId: caller.keyId,
        role: caller.role,
        resellerId: caller.resellerId,
        distributorId: caller.distributorId,
        temporalUiUrl: staff ? deps.config.TEMPORAL_UI_URL.replace(/\/+$/, '') : undefined,
        temporalNamespace: staff ? deps.config.TEMPORAL_NAMESPACE : undefined,
      }),
    };
  },
});
