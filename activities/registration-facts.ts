import { policyVersion } from '../db/policies';
import { Registration, type RegistrationDoc } from '../db/registrations';
import type { PolicyVersion } from '../domain/policy/schema';

export async function loadRegistration(id: string): Promise<RegistrationDoc> {
  const doc = await Registration.findById(id).lean<RegistrationDoc>().exec();
  if (!doc) throw Object.assign(new Error(`registration ${id} does not exist`), { name: 'RegistrationMissing' });
  return doc;
}

/** Point reads by `_id` (a `$in` would be a collection scan on FerretDB's SQLite backend). */
export async function loadRegistrations(ids: readonly string[]): Promise<RegistrationDoc[]> {
  const docs = await Promise.all(ids.map((id) => Registration.findById(id).lean<RegistrationDoc>().exec()));
  return docs.filter((doc): doc is RegistrationDoc => doc !== null);
}

const policyCache = new Map<number, PolicyVersion>();

/** Policy versions never change once published, so each is read from the database once per process. */
export async function loadPolicyVersion(version: number): Promise<PolicyVersion> {
  const cached = policyCache.get(version);
  if (cached) return cached;
  const found = await policyVersion(version);
  if (!found) throw Object.assign(new Error(`policy version ${version} does not exist`), { name: 'PolicyMissing' });
  policyCache.set(version, found);
  return found;
}
