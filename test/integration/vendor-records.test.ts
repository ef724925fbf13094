import { lookUpAccount } from '../../db/account-lookup';
import { Account, AccountKey } from '../../db/accounts';
import { Registration } from '../../db/registrations';
import { uniqueWord } from '../support/fixtures';
import { type ApiTest, type CallerName, freshSubmission, startApiTest } from './api-support';

/**
 * The vendor's records over HTTP, against the real database: who may read and write them, what a
 * write refuses, how lists page and search, and what the acceptance will look up (point reads).
 */
let api: ApiTest;
const admin = (method: 'post' | 'put' | 'get', path: string, body?: unknown) =>
  api.call({ as: 'admin', method, path: `/api/v1${path}`, ...(body !== undefined && { body }) });

const account = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `${uniqueWord()} Federal Systems`,
  domains: [`${id}.gov`],
  identifiers: { uei: `${id.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}XXXXXXXXXXXX`.slice(0, 12) },
  segment: 'federal-dod',
  region: 'east',
  ...overrides,
});

beforeAll(async () => {
  api = await startApiTest('vendorrecords');
}, 120_000);
afterAll(() => api?.shutdown());

describe('accounts', () => {
  it('admins write, staff read, partners are refused', async () => {
    const body = account('acct-auth');
    expect((await api.call({ as: 'auditor', method: 'post', path: '/api/v1/accounts', body })).status).toBe(403);
    const created = await admin('post', '/accounts', body);
    expect([created.status, created.body.id, created.headers.location]).toEqual([
      201,
      'acct-auth',
      '/api/v1/accounts/acct-auth',
    ]);
    for (const as of ['auditor', 'channel-manager', 'admin'] as CallerName[]) {
      expect((await api.call({ as, method: 'get', path: '/api/v1/accounts/acct-auth' })).status).toBe(200);
      expect((await api.call({ as, method: 'get', path: '/api/v1/accounts' })).status).toBe(200);
    }
    for (const as of ['reseller', 'distributor'] as CallerName[]) {
      expect((await api.call({ as, method: 'get', path: '/api/v1/accounts/acct-auth' })).status).toBe(403);
    }
    const { id: _id, ...fields } = body;
    expect(
      (await api.call({ as: 'channel-manager', method: 'put', path: '/api/v1/accounts/acct-auth', body: fields }))
        .status,
    ).toBe(403);
  });

  it('creates once (409 after), replaces whole (404 when missing), and a same replace changes nothing', async () => {
    const body = account('acct-crud', { programs: [] });
    expect((await admin('post', '/accounts', body)).status).toBe(201);
    expect((await admin('post', '/accounts', body)).status).toBe(409);
    const { id: _id, ...fields } = body;
    const replaced = await admin('put', '/accounts/acct-crud', { ...fields, segment: 'commercial', region: undefined });
    expect([replaced.status, replaced.body.segment, replaced.body.region]).toEqual([200, 'commercial', undefined]);
    const again = await admin('put', '/accounts/acct-crud', { ...fields, segment: 'commercial', region: undefined });
    expect(again.body.updatedAt).toBe(replaced.body.updatedAt);
    expect((await admin('put', '/accounts/acct-nobody', fields)).status).toBe(404);
    expect((await admin('get', '/accounts/acct-nobody')).status).toBe(404);
  });

  it('refuses what it cannot store, at the field, and stores nothing', async () => {
    const bad = await admin('post', '/accounts', account('acct-bad', { segment: 'retail', domains: ['gmail.com'] }));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['domains.0', 'segment']);
    const unknown = await admin(
      'post',
      '/accounts',
      account('acct-refs', { programs: ['no-such-program'], owner: { kind: 'distributor', id: 'dist-zzz' } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'programs.0', message: 'unknown program "no-such-program"' },
        { path: 'owner.id', message: 'unknown distributor "dist-zzz"' },
      ]),
    );
    expect(await Account.exists({ _id: { $in: ['acct-bad', 'acct-refs'] } })).toBeNull();
  });

  it('gives each identifier and domain to one account: another that claims it is refused at that field', async () => {
    const first = account('acct-first');
    expect((await admin('post', '/accounts', first)).status).toBe(201);
    const second = await admin(
      'post',
      '/accounts',
      account('acct-second', { domains: ['other.gov', 'www.acct-first.gov'] }),
    );
    expect(second.status).toBe(422);
    expect(second.body.errors).toEqual([
      { path: 'domains.1', message: 'the domain acct-first.gov belongs to account acct-first' },
    ]);
    expect(await AccountKey.exists({ _id: 'domain:other.gov' })).toBeNull();
    // Once the first lets it go, the second may have it.
    const { id: _id, ...fields } = first;
    expect((await admin('put', '/accounts/acct-first', { ...fields, domains: ['moved.gov'] })).status).toBe(200);
    expect(
      (await admin('post', '/accounts', account('acct-second', { domains: ['other.gov', 'www.acct-first.gov'] })))
        .status,
    ).toBe(201);
  });

  it('finds the account of a customer by identifier or domain (point reads), and by name as probable', async () => {
    const body = account('acct-find', { name: 'Quarrelsome Widgets Federal' });
    await admin('post', '/accounts', body);
    const byDomain = await lookUpAccount({ name: 'Whoever', domain: 'https://sales.acct-find.gov' }, 0.9);
    expect(byDomain).toMatchObject({ match: { kind: 'certain', basis: 'domain' }, facts: { accountId: 'acct-find' } });
    const byUei = await lookUpAccount(
      { name: 'Whoever', identifiers: { uei: body.identifiers.uei.toLowerCase() } },
      0.9,
    );
    expect(byUei.facts).toMatchObject({ accountId: 'acct-find', segment: 'federal-dod', region: 'east' });
    const byName = await lookUpAccount({ name: 'Quarrelsome Widgets Federal Inc.' }, 0.9);
    expect([byName.match.kind, byName.facts]).toEqual(['probable', undefined]);
  });
});

describe('lists', () => {
  const word = uniqueWord();
  beforeAll(async () => {
    for (let i = 0; i < 23; i += 1) {
      const created = await admin('post', '/accounts', account(`acct-page-${i}`, { name: `${word} Holdings ${i}` }));
      expect(created.status).toBe(201);
    }
  });

  it('pages through every account once, following the cursor until it is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 200; pages += 1) {
      const page = await admin('get', `/accounts?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    const total = await Account.countDocuments().exec();
    expect(seen.length).toBe(total);
  });

  it('searches by the start of a word, a domain, an identifier or the id', async () => {
    const found = async (q: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await admin('get', `/accounts?q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ''}`);
        ids.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids.sort();
    };
    expect(await found(word.slice(0, 4))).toHaveLength(23);
    expect(await found(`${word} 7`)).toEqual(['acct-page-7']);
    expect(await found('www.acct-page-3.gov')).toEqual(['acct-page-3']);
    expect(await found('ACCTPAGE12XX')).toEqual(['acct-page-12']);
    expect(await found('acct-page-7')).toEqual(['acct-page-7']);
  });
});

describe('programs, products and sellers', () => {
  it('a program lists member accounts; the account shows the programs listing it', async () => {
    await admin('post', '/accounts', account('acct-member'));
    expect(
      (
        await admin('post', '/programs', {
          id: 'sewp-v',
          name: 'SEWP V',
          contractNumbers: ['NNG15SD22B'],
          accounts: ['acct-member'],
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin('post', '/programs', { id: 'bad-prog', name: 'Bad', accounts: ['acct-nobody'] })).body.errors,
    ).toEqual([{ path: 'accounts.0', message: 'unknown account "acct-nobody"' }]);
    expect((await admin('get', '/accounts/acct-member')).body.memberOf).toEqual(['sewp-v']);
    const facts = await lookUpAccount({ name: 'x', domain: 'acct-member.gov' }, 0.9);
    expect(facts.facts?.programs).toEqual([{ id: 'sewp-v', name: 'SEWP V', contractNumbers: ['NNG15SD22B'] }]);
    expect((await admin('get', '/programs?q=nng15')).body.items.map((p: { id: string }) => p.id)).toEqual(['sewp-v']);
  });

  it('sellers and products are records like the others', async () => {
    expect(
      (await admin('post', '/sellers', { id: 'seller-1', name: 'Pat Seller', email: 'pat@vendor.example' })).status,
    ).toBe(201);
    expect((await admin('post', '/sellers', { id: 'seller-2', name: 'X', email: 'not-an-email' })).status).toBe(422);
    const house = await admin(
      'post',
      '/accounts',
      account('acct-house', { owner: { kind: 'seller', id: 'seller-1' } }),
    );
    expect([house.status, house.body.owner]).toEqual([201, { kind: 'seller', id: 'seller-1' }]);
    expect((await admin('post', '/products', { id: 'Array-X', name: 'Array X', family: 'Storage' })).body.id).toBe(
      'array-x',
    );
    expect((await admin('get', '/products/array-x')).body.family).toBe('Storage');
  });
});

describe('products at submission', () => {
  it('with a catalogue, product lines must be product ids: 422 naming the unknown ones, nothing stored', async () => {
    await admin('post', '/products', { id: 'storage', name: 'Storage arrays', family: 'Storage' });
    const body = freshSubmission();
    const refused = await api.call({
      as: 'reseller',
      method: 'post',
      path: '/api/v1/registrations',
      body: { ...body, opportunity: { ...body.opportunity, productLines: ['storage', 'warp-drive', 'teleporter'] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('warp-drive, teleporter');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'opportunity.productLines.1',
      'opportunity.productLines.2',
    ]);
    expect(await Registration.exists({ 'customer.name': body.customer.name })).toBeNull();
    const accepted = await api.call({ as: 'reseller', method: 'post', path: '/api/v1/registrations', body });
    expect(accepted.status).toBe(202);
  });
});
