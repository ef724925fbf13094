import {
  compareCustomers,
  customerIdentity,
  lookupKeys,
  nameSimilarity,
  normalizeCompanyName,
  registrableDomain,
  sharedProductLines,
} from '../../../domain/matching';

const named = (name: string, extra: object = {}) => ({ name, ...extra });
const keysOf = (name: string, extra: object = {}) => lookupKeys(customerIdentity(named(name, extra)));
const shareAKey = (a: string, b: string) => keysOf(a).some((key) => keysOf(b).includes(key));

describe('identifiers', () => {
  it.each([
    [{ uei: 'abcdef123456' }, { uei: ' ABCDEF123456 ' }],
    [{ duns: '12-345-6789' }, { duns: '123456789' }],
    [{ taxId: '12-3456789' }, { taxId: '123456789' }],
  ])('%j and %j are one customer, certainly', (left, right) => {
    const result = compareCustomers(named('Alpha', { identifiers: left }), named('Omega', { identifiers: right }), 0.9);
    expect(result).toMatchObject({ strength: 'certain', score: 1 });
  });

  it('keys identifiers in a normalized form', () => {
    const identity = customerIdentity(
      named('Acme', { identifiers: { uei: 'abcdef123456', duns: '12-345-6789', taxId: 'de-123 456' } }),
    );
    expect(identity.certainKeys).toEqual(['uei:ABCDEF123456', 'duns:123456789', 'taxid:DE123456']);
  });

  it('a shared identifier stays certain when another identifier differs', () => {
    const a = named('Acme', { identifiers: { uei: 'ABCDEF123456', duns: '111111111' } });
    const b = named('Zeta', { identifiers: { uei: 'ABCDEF123456', duns: '222222222' } });
    expect(compareCustomers(a, b, 0.9)).toMatchObject({ strength: 'certain', basis: 'uei', conflict: 'duns' });
  });
});

describe('domains', () => {
  it.each(['www.acme.com', 'sales.acme.com', 'acme.com', 'https://acme.com/', 'ACME.COM'])(
    '%s reduces to acme.com',
    (domain) => {
      expect(registrableDomain(domain)).toBe('acme.com');
    },
  );

  it('keeps country-code second-level domains apart', () => {
    expect(registrableDomain('www.acme.co.uk')).toBe('acme.co.uk');
    const result = compareCustomers(named('A', { domain: 'acme.com' }), named('B', { domain: 'acme.co.uk' }), 0.9);
    expect(result.strength).toBe('none');
  });

  it('treats private suffixes as suffixes and ignores shared mailbox domains', () => {
    expect(registrableDomain('acme.github.io')).toBe('acme.github.io');
    expect(registrableDomain('gmail.com')).toBeUndefined();
    expect(customerIdentity(named('Bob Plumbing', { domain: 'gmail.com' })).certainKeys).toEqual([]);
  });

  it('a shared registrable domain is certain', () => {
    const result = compareCustomers(named('Acme', { domain: 'sales.acme.com' }), named('X', { domain: 'acme.com' }), 1);
    expect(result).toEqual({ strength: 'certain', basis: 'domain', score: 1, conflict: null });
  });
});

describe('company names', () => {
  it.each([
    ['Acme Widgets, Inc.', 'acme widgets'],
    ['ACME WIDGETS INCORPORATED', 'acme widgets'],
    ['Acme Widgets L.L.C.', 'acme widgets'],
    ['The Acme Widgets Company', 'acme widgets'],
    ['Acme Holdings Co., Ltd.', 'acme holdings'],
    ['Acme Widgets & Co.', 'acme widgets'],
    ['Acme Widgets Limited Liability Company', 'acme widgets'],
    ['Société Générale S.A.', 'societe generale'],
    ['Müller GmbH', 'muller'],
    ['Straße AG', 'strasse'],
    ['Johnson & Johnson', 'johnson and johnson'],
    ['Acme Intl Pty Ltd', 'acme international'],
    ["O'Neil's Bakery", 'oneils bakery'],
    ['The Company', 'company'],
    ['Inc.', 'inc'],
  ])('%s is the name %s', (raw, plain) => {
    expect(normalizeCompanyName(raw)).toBe(normalizeCompanyName(plain));
  });

  it('compares in a matching form that is not for display: "i" is "l", as with the look-alike "I"', () => {
    expect(normalizeCompanyName('Acme Widgets, Inc.')).toBe('acme wldgets');
    expect(normalizeCompanyName('Acme Intl Pty Ltd')).toBe('acme lntematlonal');
    expect(normalizeCompanyName('ACME WIDGETS')).toBe(normalizeCompanyName('acme widgets'));
  });

  it('a name match is probable, never certain, even for equal names', () => {
    expect(compareCustomers(named('Acme Corp'), named('ACME Corporation'), 0.9)).toEqual({
      strength: 'probable',
      basis: 'name',
      score: 1,
      conflict: null,
    });
  });

  it('names below the threshold do not match', () => {
    expect(compareCustomers(named('Acme Widgets'), named('Apex Gadgets'), 0.9).strength).toBe('none');
  });

  it('measures similarity as Levenshtein over the longer name, ignoring word order', () => {
    expect(nameSimilarity('acme widgets', 'acme widget')).toBeCloseTo(11 / 12);
    expect(nameSimilarity('acme federal', 'acme medical')).toBeCloseTo(0.75);
    expect(nameSimilarity('veterans affairs department', 'department veterans affairs')).toBe(1);
    expect(nameSimilarity('northwind traders', 'northwind trading')).toBeCloseTo(1 - 3 / 17);
  });

  it('the threshold is inclusive', () => {
    const score = nameSimilarity('acme widgets', 'acme widget');
    expect(compareCustomers(named('Acme Widgets'), named('Acme Widget'), score).strength).toBe('probable');
    expect(compareCustomers(named('Acme Widgets'), named('Acme Widget'), score + 0.001).strength).toBe('none');
  });
});

describe('conflicting identifiers', () => {
  const a = named('Acme Federal', { identifiers: { uei: 'AAAAAAAAAAAA' }, domain: 'acme.com' });

  it('do not rule a name match out: an invented UEI must not be a way around a holder', () => {
    const b = named('Acme Federal', { identifiers: { uei: 'BBBBBBBBBBBB' } });
    expect(compareCustomers(a, b, 0.9)).toMatchObject({ strength: 'probable', basis: 'name', conflict: 'uei' });
  });

  it('leave names below the threshold apart, as without identifiers', () => {
    const b = named('Acme Federal Services', { identifiers: { uei: 'BBBBBBBBBBBB' } });
    expect(compareCustomers(a, b, 0.9)).toMatchObject({ strength: 'none', basis: null, conflict: 'uei' });
  });

  it('turn a shared domain into a probable match for a channel manager', () => {
    const b = named('Acme Labs', { identifiers: { uei: 'BBBBBBBBBBBB' }, domain: 'www.acme.com' });
    expect(compareCustomers(a, b, 0.9)).toMatchObject({ strength: 'probable', basis: 'domain', conflict: 'uei' });
  });

  it('an identifier on one side only is no conflict', () => {
    expect(compareCustomers(a, named('Acme Federal'), 0.9)).toMatchObject({ strength: 'probable', conflict: null });
  });
});

describe('lookup and blocking keys', () => {
  it('are short, prefixed and few', () => {
    const keys = keysOf('The Acme Widgets Company, Inc.', {
      identifiers: { uei: 'ABCDEF123456', duns: '123456789', taxId: '12-3456789' },
      domain: 'www.acme.com',
    });
    expect(keys).toEqual([
      'uei:ABCDEF123456',
      'duns:123456789',
      'taxid:123456789',
      'domain:acme.com',
      'name:acme-wldgets',
      'word:acme',
      'word:wldget',
    ]);
  });

  it.each([
    ['Acme Widgets', 'Acme Widget Co'],
    ['Northwind Traders', 'Northwind Trading'],
    ['Department of Veterans Affairs', 'Veterans Affairs Department'],
    ['Contoso Federal Systems', 'Contosso Federal Systems Inc'],
    ['Global Solutions Group', 'Global Solutions Group, LLC'],
  ])('bring %s and %s together', (a, b) => {
    expect(shareAKey(a, b)).toBe(true);
  });

  it('never key on generic words', () => {
    const identity = customerIdentity(named('Global Systems Solutions Services Group Technologies'));
    expect(identity.blockingKeys).toEqual([]);
    expect(identity.nameKey).toBe('name:global-systems-solutlons-servlces-group-technologles');
    expect(shareAKey('Global Systems', 'Global Solutions')).toBe(false);
  });

  it('keep apart names with nothing distinctive in common', () => {
    expect(shareAKey('Acme Widgets', 'Initech')).toBe(false);
  });

  it('cut a very long name key', () => {
    expect(customerIdentity(named('x'.repeat(200))).nameKey.length).toBeLessThanOrEqual(85);
  });
});

describe('product lines', () => {
  it('are shared case-insensitively and sorted', () => {
    expect(sharedProductLines(['Storage', 'network', 'compute'], ['compute', 'storage'])).toEqual([
      'compute',
      'storage',
    ]);
    expect(sharedProductLines(['storage'], ['network'])).toEqual([]);
  });
});
