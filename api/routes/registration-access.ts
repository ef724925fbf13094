import { Registration, type RegistrationDoc } from '../../db/registrations';
import { HttpProblem } from '../problem';
import type { Caller } from '../route-spec';
import { canSee } from '../views/registration';

/**
 * The registration if this caller may see it. One that exists but belongs to someone else answers
 * exactly like one that does not exist, so a reseller cannot probe other partners' ids.
 */
export async function visibleRegistration(caller: Caller, id: string): Promise<RegistrationDoc> {
  const doc = await Registration.findById(id).lean<RegistrationDoc>().exec();
  if (!doc || !canSee(caller, doc)) {
    throw new HttpProblem(404, 'Not found', `registration ${id} does not exist`);
  }
  return doc;
}
