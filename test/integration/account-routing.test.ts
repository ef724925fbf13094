import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RegistrationView } from '../../api/schemas/registration';
import { auditKeys } from '../../config/audit-key';
import { lookUpAccount } from '../../db/account-lookup';
import { CurrentAccounts } from '../../db/current-accounts';
import { verifyDecisionChain } from '../../db/decision-log';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import {
  type ApiTest,
  type CallerName,
  freshSubmission,
  simulateAndWait,
  startApiTest,
  submitAndWait,
} from './api-support';

/**
 * Routing by the vendor's account, against the real stack: what the reseller declares does not get a
 * registration out of a reserved segment, program or account; the declaration is kept for staff; two
 * registrations on one account are one customer; the simulation routes by the accounts as they are now.
 */
let api: ApiTest;
const admin = (method: 'post' | 'put' | 'get', path: string, body?: unknown) =>
  api.call({ as: 'admin', method, path: `/api/v1${path}`, ...(body !== undefined && { body }) });
const read = (id: string, as: CallerName = 'auditor') =>
  api.call({ as, method: 'get', path: `/api/v1/registrations/${id}` }).then((r) => r.body as RegistrationView);

const policy = {
  model: 'hybrid',
  routes: [
    { when: { programs: ['SEWP V'] }, distributors: ['dist-a'] },
    { when: { segments: ['federal-dod'] }, distributors: ['dist-a'] },
  ],
  onWrongRoute: 'reject',
};

/** An account of its own run: a unique name, domain and UEI. */
function account(id: string, fields: Record<string, unknown>) {
  const word = uniqueWord();
  return {
    id,
    name: `${word} ${uniqueWord()} Agency`,
    domains: [`${word}.gov`],
    identifiers: { uei: `${word}XXXXXXXXXXXX`.slice(0, 12).toUpperCase() },
    ...fields,
  };
}
type Account = ReturnType<typeof account>;
// In the region every test submission declares: only the segment is declared otherwise here.
const dod = account('acct-dod', { segment: 'federal-dod', region: 'east' });
const member = account('acct-member', { segment: 'state-local', region: 'east' });
const reserved = account('acct-reserved', {
  segment: 'commercial',
  region: 'east',
  owner: { kind: 'distributor', id: 'dist-b' },
});
const open = account('acct-open', { segment: 'commercial', region: 'east' });
/** The two registrations on acct-dod, off its route and on it. */
const onDod: { wrong?: string; right?: string } = {};

/** A submission on the account by its domain (a subdomain of it), declaring what the reseller likes. */
const onAccount = (
  of: Account,
  declared: { segment?: string; program?: string; distributorId?: string; identifiers?: object } = {},
) => {
  const body = freshSubmission({ distributorId: declared.distributorId ?? 'dist-b' });
  return {
    ...body,
    customer: {
      ...body.customer,
      domain: `sales.${of.domains[0]}`,
      segment: declared.segment ?? 'commercial',
      ...(declared.identifiers && { identifiers: declared.identifiers }),
    },
    ...(declared.program && { program: declared.program }),
  };
};

beforeAll(async () => {
  api = await startApiTest('accountrouting');
  for (const record of [dod, member, reserved, open])
    expect((await admin('post', '/accounts', record)).status).toBe(201);
  expect((await admin('post', '/programs', { id: 'sewp-v', name: 'SEWP V', accounts: ['acct-member'] })).status).toBe(
    201,
  );
  expect((await admin('put', '/policy', policy)).status).toBe(201);
}, 120_000);
afterAll(() => api?.shutdown());

describe('routing by the account', () => {
  it('a declaration that would escape a reserved segment is routed by the account, and kept for staff', async () => {
    const decided = await submitAndWait(api, onAccount(dod, { segment: 'commercial' }));
    onDod.wrong = decided.id;
    expect([decided.status, decided.reasonCode]).toEqual(['rejected', 'wrong-route']);
    const staff = await read(decided.id);
    expect(staff).toMatchObject({
      accountId: 'acct-dod',
      account: { accountId: 'acct-dod', segment: 'federal-dod', region: 'east', programs: [] },
      declared: { segment: 'commercial', region: 'east' },
      declaredOtherwise: ['segment'],
    });
    // The decision entry keeps the facts it routed by, for the audit; its signature vouches for the
    // registration's account and snapshot as stored.
    expect(staff.decisions[0]?.account).toEqual(staff.account);
    const stored = (await Registration.findById(decided.id).lean<RegistrationDoc>().exec()) as RegistrationDoc;
    const { publicKey, keyId } = auditKeys();
    const signatures = { publicKey, keyId };
    expect(
      verifyDecisionChain(stored.decisions, stored.lastDecisionHash, { ...signatures, registration: stored }).ok,
    ).toBe(true);
    const edited = {
      ...stored,
      account: { ...(stored.account as NonNullable<RegistrationDoc['account']>), segment: 'commercial' as const },
    };
    expect(
      verifyDecisionChain(stored.decisions, stored.lastDecisionHash, { ...signatures, registration: edited }).ok,
    ).toBe(false);
    // `npm run audit` names what routed it, beside the declaration, and finds the chain intact.
    const root = path.resolve(__dirname, '..', '..');
    const { stdout } = await promisify(execFile)(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['services/audit-cli.ts', decided.id],
      { cwd: root, env: { ...process.env, MONGODB_URI: api.system.mongodbUri } },
    );
    expect(stdout).toContain(
      'routed by account acct-dod (federal-dod, region east, programs none); declared commercial, region east, program none',
    );
    expect(stdout).toContain('Hash chain: intact');
    const routed = staff.decisions[0]?.trace.find((step) => step.rule === 'routing.select-route');
    expect(routed?.inputs).toMatchObject({ routedBy: 'account', segment: 'federal-dod', matchedRoute: 1 });

    // Through the route's distributor the same declaration is approved, routed the same way.
    const right = await submitAndWait(api, onAccount(dod, { segment: 'commercial', distributorId: 'dist-a' }));
    expect(right.status).toBe('approved');
    onDod.right = right.id;
  });

  it("a program's member account goes to the program's distributors though it names no program", async () => {
    const wrong = await submitAndWait(api, onAccount(member));
    expect([wrong.status, wrong.reasonCode]).toEqual(['rejected', 'wrong-route']);
    const staff = await read(wrong.id);
    expect(staff.account?.programs).toEqual([{ id: 'sewp-v', name: 'SEWP V' }]);
    expect(staff.declaredOtherwise).toEqual(['segment']);
    expect((await submitAndWait(api, onAccount(member, { distributorId: 'dist-a' }))).status).toBe('approved');
  });

  it('an account a distributor owns goes there; the partner learns it is reserved, never whose', async () => {
    const wrong = await submitAndWait(api, onAccount(reserved, { distributorId: 'dist-a' }));
    expect([wrong.status, wrong.reasonCode]).toEqual(['rejected', 'wrong-route']);
    const partner = await read(wrong.id, 'reseller');
    const seen = JSON.stringify(partner);
    for (const hidden of ['acct-reserved', 'dist-b', 'accountId', 'declared', '"owner"'])
      expect(seen).not.toContain(hidden);
    expect(partner.explanation).toContain('reserves');
    expect(partner.decisions[0]?.trace.find((step) => step.rule === 'routing.account-reserved')?.inputs).toEqual({
      reserved: true,
      distributorId: 'dist-a',
      onWrongRoute: 'reject',
    });
    expect((await read(wrong.id)).account?.owner).toEqual({ kind: 'distributor', id: 'dist-b' });
    expect((await submitAndWait(api, onAccount(reserved, { distributorId: 'dist-b' }))).status).toBe('approved');
  });

  it('a name-only match is shown to staff and routes nothing', async () => {
    const body = freshSubmission({ distributorId: 'dist-b' });
    const decided = await submitAndWait(api, { ...body, customer: { ...body.customer, name: `${dod.name} Inc.` } });
    // Routed by its declaration (commercial: open under this policy), not by the federal-dod account.
    expect(decided.status).toBe('approved');
    const staff = await read(decided.id);
    expect(staff.accountId).toBeUndefined();
    expect(staff.accountCandidates).toEqual([expect.objectContaining({ accountId: 'acct-dod', basis: 'name' })]);
    expect(JSON.stringify(await read(decided.id, 'reseller'))).not.toContain('acct-dod');
  });
});

describe('one customer, one account', () => {
  it('two registrations on one account are the same customer whatever each typed', async () => {
    const first = await submitAndWait(api, onAccount(open, { identifiers: { duns: '111111111' } }));
    expect(first.status).toBe('approved');
    // Another name, the account's UEI instead of its domain, another DUNS: the account makes it one customer.
    const body = freshSubmission({ distributorId: 'dist-a' });
    const second = await submitAndWait(
      api,
      { ...body, customer: { ...body.customer, identifiers: { uei: open.identifiers.uei, duns: '222222222' } } },
      'other-reseller',
    );
    expect([second.status, second.reasonCode]).toEqual(['rejected', 'already-registered']);
    const staff = await read(second.id);
    expect(staff.decisions[0]?.matches).toEqual([
      expect.objectContaining({ registrationId: first.id, strength: 'certain', basis: 'account' }),
    ]);
  });
});

describe('the simulation', () => {
  it('routes by the accounts as they are now and counts who declared otherwise', async () => {
    const before = await simulateAndWait(api, { policy });
    expect(before.status).toBe('done');
    // Every registration but the name-only one is on an account; the four on acct-dod and acct-member
    // declared another segment than the account's.
    expect(before.report.accounts).toEqual({
      routedByAccount: 8,
      declaredOtherwise: 4,
      declaredOtherwiseBy: { segment: 4, region: 0, program: 0 },
      changedSinceAcceptance: 0,
    });
    expect(before.report.changedCount).toBe(0);

    // The vendor corrects the account: the candidate routes the past registrations by it as it is now.
    const { id: _id, ...fields } = dod;
    expect((await admin('put', '/accounts/acct-dod', { ...fields, segment: 'commercial' })).status).toBe(200);
    const after = await simulateAndWait(api, { policy });
    expect(after.report.accounts.declaredOtherwiseBy.segment).toBe(2);
    // Both registrations on acct-dod were decided by its earlier facts; their decisions keep those.
    expect(after.report.accounts.changedSinceAcceptance).toBe(2);
    expect((await read(onDod.wrong as string)).decisions[0]?.account?.segment).toBe('federal-dod');

    // Replayed by the accounts as each registration recorded them, nothing changes.
    const then = await simulateAndWait(api, { policy, accounts: 'at-acceptance' });
    expect([then.report.changedCount, then.report.accounts.declaredOtherwise]).toEqual([0, 4]);
    // Off the route no more, the first registration on acct-dod would have been approved, and the second
    // (same account, so same customer, and the same reseller) would have been its duplicate.
    expect(after.report.changes).toEqual([
      expect.objectContaining({
        registrationId: onDod.wrong,
        actual: expect.objectContaining({ outcome: 'reject', reasonCode: 'wrong-route' }),
        simulated: { outcome: 'approve', reasonCode: null },
      }),
      expect.objectContaining({
        registrationId: onDod.right,
        actual: expect.objectContaining({ outcome: 'approve' }),
        simulated: { outcome: 'reject', reasonCode: 'duplicate' },
      }),
    ]);
  });

  it('finds the same accounts reading them whole as by point reads', async () => {
    // Few customers for many accounts: point reads; many customers for few: every account read once.
    const byPoint = new CurrentAccounts(0);
    const whole = new CurrentAccounts(1_000_000);
    const customers = [
      { name: 'x', domain: `www.${member.domains[0]}`, segment: 'commercial' as const },
      { name: 'x', identifiers: { uei: reserved.identifiers.uei }, segment: 'commercial' as const },
      // The domain of one account and the UEI of another: the identifier decides.
      { name: 'x', domain: open.domains[0], identifiers: { uei: dod.identifiers.uei }, segment: 'commercial' as const },
      { name: dod.name, segment: 'commercial' as const },
    ];
    const found = async (accounts: CurrentAccounts) => Promise.all(customers.map((c) => accounts.factsOf(c)));
    const expected = await found(byPoint);
    expect(expected.map((facts) => facts?.accountId)).toEqual(['acct-member', 'acct-reserved', 'acct-dod', undefined]);
    expect(expected[0]?.programs).toEqual([{ id: 'sewp-v', name: 'SEWP V' }]);
    expect(await found(whole)).toEqual(expected);
  });

  it("finds, for a migration's batch, what an acceptance's look-up finds, name candidates included", async () => {
    const customers = [
      { name: 'x', domain: `www.${member.domains[0]}`, segment: 'commercial' as const },
      { name: 'x', domain: open.domains[0], identifiers: { uei: dod.identifiers.uei }, segment: 'commercial' as const },
      { name: dod.name, segment: 'commercial' as const },
      { name: `${uniqueWord()} ${uniqueWord()}`, segment: 'commercial' as const },
    ];
    const similarity = 0.85;
    const expected = await Promise.all(customers.map((c) => lookUpAccount(c, similarity)));
    expect(expected.map(({ match }) => match.kind)).toEqual(['certain', 'certain', 'probable', 'none']);
    for (const batch of [new CurrentAccounts(0, { names: true }), new CurrentAccounts(1_000_000, { names: true })])
      expect(await Promise.all(customers.map((c) => batch.lookUp(c, similarity)))).toEqual(expected);
  });
});

describe('escalations', () => {
  it("shows a channel manager each contender's account beside its registration", async () => {
    expect((await admin('put', '/policy', { ...policy, onWrongRoute: 'escalate' })).status).toBe(201);
    // Another product than the deal on this account that the same reseller holds already.
    const body = onAccount(member);
    const escalated = await submitAndWait(api, {
      ...body,
      opportunity: { ...body.opportunity, productLines: ['compute'] },
    });
    expect([escalated.status, escalated.reasonCode]).toEqual(['escalated', 'wrong-route']);
    const { escalationId } = await read(escalated.id);
    // The escalation's document is written by its own workflow, moments later.
    const contenders = await eventually(async () => {
      const found = await api.call({
        as: 'channel-manager',
        method: 'get',
        path: `/api/v1/escalations/${escalationId}`,
      });
      return found.status === 200 && found.body.contenders?.length ? found.body.contenders : undefined;
    }, 'the escalation to be stored');
    expect(contenders).toEqual([expect.objectContaining({ registrationId: escalated.id, accountId: 'acct-member' })]);
  });
});
