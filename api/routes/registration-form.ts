import { type FormCaller, registrationFormFor } from '../../services/registration-form';
import { HttpProblem } from '../problem';
import { type Caller, defineRoute } from '../route-spec';
import { registrationFormSchema } from '../schemas/registration-form';

function formCallerOf(caller: Caller): FormCaller {
  if (caller.role === 'reseller' && caller.resellerId) return { role: 'reseller', resellerId: caller.resellerId };
  if (caller.role === 'distributor' && caller.distributorId)
    return { role: 'distributor', distributorId: caller.distributorId };
  if (caller.role === 'sales' && caller.sellerId) return { role: 'sales' };
  throw new HttpProblem(403, 'Forbidden', 'this caller is not bound to a partner or a seller');
}

export const registrationFormRoute = defineRoute({
  operationId: 'getRegistrationForm',
  method: 'get',
  path: '/registration-form',
  tag: 'Registrations',
  summary: 'What a registration form may offer the caller',
  description:
    'Segments, the regions and program names the policy and program records name, the product catalogue (empty when there is none), the distributors the caller may register through (none for a vendor seller, who registers direct opportunities) and, for a distributor, its affiliated resellers.',
  access: ['reseller', 'distributor', 'sales'],
  responses: { 200: { description: 'The choices', schema: registrationFormSchema } },
  async handle({ caller }) {
    return { status: 200, body: await registrationFormFor(formCallerOf(caller)) };
  },
});
