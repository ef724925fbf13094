import { createApiKey, type Role } from '../db/apikeys';
import { Distributor, Reseller } from '../db/partners';
import { publishPolicy } from '../db/policies';
import { contractTiming } from '../domain/policy/contract-timing';
import { policySchema } from '../domain/policy/schema';
import type { PartnerType } from '../domain/registration';

const distributors = [
  { _id: 'dist-a', name: 'Dist A (federal and large integrators)' },
  { _id: 'dist-b', name: 'Dist B (state, local and education)' },
];

const resellers: Array<{ _id: string; name: string; partnerType: PartnerType; distributorIds: string[] }> = [
  {
    _id: 'capitol-integrators',
    name: 'Capitol Integrators',
    partnerType: 'integrator',
    distributorIds: ['dist-a', 'dist-b'],
  },
  {
    _id: 'federal-systems-group',
    name: 'Federal Systems Group',
    partnerType: 'integrator',
    distributorIds: ['dist-a'],
  },
  { _id: 'riverbend-var', name: 'Riverbend VAR', partnerType: 'var', distributorIds: ['dist-a', 'dist-b'] },
  { _id: 'summit-tech-var', name: 'Summit Tech', partnerType: 'var', distributorIds: ['dist-b'] },
  { _id: 'pixel-boutique', name: 'Pixel & Wire Boutique', partnerType: 'boutique', distributorIds: ['dist-b'] },
];

/** Hybrid: SEWP V and federal DoD business reserved for Dist A, state/local and education for Dist B, the rest open. */
export const demoPolicy = policySchema.parse({
  model: 'hybrid',
  routes: [
    { when: { programs: ['SEWP V'] }, distributors: ['dist-a'] },
    { when: { segments: ['federal-dod'] }, distributors: ['dist-a'] },
    { when: { segments: ['state-local', 'education'] }, distributors: ['dist-b'] },
  ],
  onWrongRoute: 'reject',
  matching: { nameSimilarity: 0.9 },
  timing: contractTiming,
});

export interface SeededKeys {
  role: Role;
  boundTo?: string;
  key: string;
}

/** Seeds partners, a policy and one key per role, but only into an empty database. */
export async function seedDemoDataIfEmpty(adminKey: string | undefined): Promise<SeededKeys[] | undefined> {
  if (await Distributor.exists({})) return undefined;
  const now = new Date();
  await Distributor.insertMany(distributors.map((d) => ({ ...d, createdAt: now })));
  await Reseller.insertMany(resellers.map((r) => ({ ...r, createdAt: now })));
  await publishPolicy(demoPolicy, 'seed');
  const keys: SeededKeys[] = [];
  const mint = async (role: Role, binding: { resellerId?: string; distributorId?: string } = {}, key?: string) => {
    const created = await createApiKey({ role, ...binding, label: `demo ${role}`, createdBy: 'seed', key });
    keys.push({ role, boundTo: binding.resellerId ?? binding.distributorId, key: created.key });
  };
  await mint('admin', {}, adminKey);
  await mint('channel-manager');
  await mint('auditor');
  await mint('reseller', { resellerId: 'riverbend-var' });
  await mint('reseller', { resellerId: 'capitol-integrators' });
  await mint('distributor', { distributorId: 'dist-a' });
  return keys;
}
