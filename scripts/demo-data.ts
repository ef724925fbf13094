import { randomBytes } from 'node:crypto';
import { createApiKey, type Role } from '../db/apikeys';
import { Distributor, Reseller } from '../db/partners';
import { publishPolicy } from '../db/policies';
import { createUser, updateUser } from '../db/users';
import { contractTiming } from '../domain/policy/contract-timing';
import { policySchema } from '../domain/policy/schema';
import type { PartnerType } from '../domain/registration';
import { hashPassword } from '../services/passwords';
import { demoSeller, seedDemoSeller } from './demo-sellers';

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
  // The demo seller's house account goes to a channel manager when a partner registers it: visible at once.
  houseAccounts: 'escalate',
});

export interface SeededKeys {
  role: Role;
  boundTo?: string;
  key: string;
}

export interface SeededPerson {
  email: string;
  role: Role;
  boundTo: string;
  orgAdmin: boolean;
  /** The first password, shown once; the person may change it by a password reset. */
  password: string;
}

export interface Seeded {
  keys: SeededKeys[];
  people: SeededPerson[];
}

/**
 * The partner portal's demo people: two resellers' users (to try a deal both register) and a distributor's,
 * active at once with a random first password that is printed once and stored only as its hash.
 */
const demoPeople: Array<Omit<SeededPerson, 'password'> & { name: string }> = [
  {
    email: 'pat@riverbend-var.example',
    name: 'Pat Riverbend',
    role: 'reseller',
    boundTo: 'riverbend-var',
    orgAdmin: true,
  },
  {
    email: 'casey@capitol-integrators.example',
    name: 'Casey Capitol',
    role: 'reseller',
    boundTo: 'capitol-integrators',
    orgAdmin: false,
  },
  { email: 'dana@dist-a.example', name: 'Dana Dist A', role: 'distributor', boundTo: 'dist-a', orgAdmin: false },
  { email: 'sam@vendor.example', name: 'Sam Houston', role: 'sales', boundTo: demoSeller.id, orgAdmin: false },
];

const bindingOf = (person: Pick<SeededPerson, 'role' | 'boundTo'>) =>
  person.role === 'reseller'
    ? { resellerId: person.boundTo }
    : person.role === 'sales'
      ? { sellerId: person.boundTo }
      : { distributorId: person.boundTo };

async function seedPeople(): Promise<SeededPerson[]> {
  const seeded: SeededPerson[] = [];
  for (const { name, ...person } of demoPeople) {
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    const binding = bindingOf(person);
    const by = { kind: 'system' as const, id: 'seed' };
    const user = await createUser({
      email: person.email,
      name,
      role: person.role,
      ...binding,
      orgAdmin: person.orgAdmin,
      by,
    });
    await updateUser(user._id, { status: 'active', passwordHash: await hashPassword(password) }, by);
    seeded.push({ ...person, password });
  }
  return seeded;
}

/** Seeds partners, a policy, one key per role and the portal's demo people, but only into an empty database. */
export async function seedDemoDataIfEmpty(adminKey: string | undefined): Promise<Seeded | undefined> {
  if (await Distributor.exists({})) return undefined;
  const now = new Date();
  await Distributor.insertMany(distributors.map((d) => ({ ...d, createdAt: now })));
  await Reseller.insertMany(resellers.map((r) => ({ ...r, createdAt: now })));
  await publishPolicy(demoPolicy, 'seed');
  await seedDemoSeller();
  const keys: SeededKeys[] = [];
  const mint = async (
    role: Role,
    binding: { resellerId?: string; distributorId?: string; sellerId?: string } = {},
    key?: string,
  ) => {
    const created = await createApiKey({ role, ...binding, label: `demo ${role}`, createdBy: 'seed', key });
    keys.push({ role, boundTo: binding.resellerId ?? binding.distributorId ?? binding.sellerId, key: created.key });
  };
  await mint('admin', {}, adminKey);
  await mint('channel-manager');
  await mint('auditor');
  await mint('reseller', { resellerId: 'riverbend-var' });
  await mint('reseller', { resellerId: 'capitol-integrators' });
  await mint('distributor', { distributorId: 'dist-a' });
  await mint('sales', { sellerId: demoSeller.id });
  return { keys, people: await seedPeople() };
}

/** What a new user needs to try dealreg: the keys (staff sign in with one) and the partner people's first passwords. */
export function describeSeeded(seeded: Seeded, adminFromEnv: boolean): string {
  const keys = seeded.keys
    .filter((k) => !(k.role === 'admin' && adminFromEnv))
    .map((k) => `  ${k.role.padEnd(16)} ${(k.boundTo ?? '').padEnd(22)} ${k.key}`);
  const people = seeded.people.map(
    (p) =>
      `  ${p.role.padEnd(12)} ${p.boundTo.padEnd(20)} ${p.email.padEnd(36)} ${p.password}${p.orgAdmin ? '  (org admin)' : ''}`,
  );
  return `${[
    '',
    'Demo data seeded. These API keys are shown this once (only their hashes are stored):',
    ...keys,
    adminFromEnv ? '  admin            (the key in DEALREG_ADMIN_KEY)' : '',
    'Partner people and the vendor seller sign in to the console with email and first password (shown this once):',
    ...people,
  ].join('\n')}\n`;
}
