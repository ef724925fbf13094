import fc from 'fast-check';
import {
  forbiddenAddressReason,
  judgeWebhookTarget,
  type ResolvedAddress,
  type Resolver,
} from '../../../webhooks/target-policy';

/** DNS as the test says; a name it does not know does not resolve. */
function fakeDns(records: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const addresses = records[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

const publicDns = fakeDns({
  'hooks.partner.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.partner.example': ['10.0.0.7'],
  'mixed.partner.example': ['93.184.215.14', '192.168.1.20'],
  'metadata.partner.example': ['169.254.169.254'],
  'v6local.partner.example': ['fd00:ec2::254'],
  'mapped.partner.example': ['::ffff:127.0.0.1'],
});
const strict = { allowLocal: false, resolve: publicDns };

async function verdictOf(url: string, policy = strict) {
  return (await judgeWebhookTarget(url, policy)).verdict;
}

describe('the issue’s examples are refused, over http and https alike', () => {
  const examples = [
    'http://127.0.0.1:8233/namespaces/default',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://10.1.2.3/admin',
    'http://[::1]:7233/',
    'http://0x7f000001/',
    'http://2130706433/',
  ];
  test.each(examples.flatMap((url) => [url, url.replace(/^http:/, 'https:')]))('%s', async (url) => {
    expect(await verdictOf(url)).toBe('refused');
  });
});

describe('every kind of non-public address is refused', () => {
  test.each([
    ['octal', 'https://0177.0.0.1/'],
    ['short form', 'https://127.1/'],
    ['trailing dot', 'https://127.0.0.1./'],
    ['percent-encoded', 'https://%31%32%37.0.0.1/'],
    ['RFC 1918 172.16/12', 'https://172.20.1.1/'],
    ['RFC 1918 192.168/16', 'https://192.168.0.1/'],
    ['CGNAT 100.64/10', 'https://100.64.0.1/'],
    ['Alibaba metadata (CGNAT)', 'https://100.100.100.200/'],
    ['link-local', 'https://169.254.10.10/'],
    ['unspecified', 'https://0.0.0.0/'],
    ['this network 0/8', 'https://0.1.2.3/'],
    ['broadcast', 'https://255.255.255.255/'],
    ['multicast', 'https://224.0.0.1/'],
    ['reserved 240/4', 'https://240.0.0.1/'],
    ['documentation', 'https://192.0.2.1/'],
    ['IPv4-mapped, dotted', 'https://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped, hex', 'https://[::ffff:7f00:1]/'],
    ['IPv4-mapped private', 'https://[::ffff:10.0.0.1]/'],
    ['IPv4-compatible', 'https://[::127.0.0.1]/'],
    ['NAT64', 'https://[64:ff9b::7f00:1]/'],
    ['6to4', 'https://[2002:7f00:1::]/'],
    ['Teredo', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
    ['IPv6 unspecified', 'https://[::]/'],
    ['IPv6 link-local', 'https://[fe80::1]/'],
    ['unique-local fc00::/7', 'https://[fc00::1]/'],
    ['AWS metadata IPv6', 'https://[fd00:ec2::254]/'],
    ['IPv6 multicast', 'https://[ff02::1]/'],
    ['GCP metadata name', 'https://metadata.google.internal/computeMetadata/v1/'],
    ['localhost', 'https://localhost/'],
    ['a localhost subdomain', 'https://api.localhost/'],
    ['a name resolving to a private address', 'https://internal.partner.example/'],
    ['a name with one private address among public ones', 'https://mixed.partner.example/'],
    ['a name resolving to the metadata address', 'https://metadata.partner.example/'],
    ['a name resolving to unique-local IPv6', 'https://v6local.partner.example/'],
    ['a name resolving to IPv4-mapped loopback', 'https://mapped.partner.example/'],
  ])('%s: %s', async (_kind, url) => {
    expect(await verdictOf(url)).toBe('refused');
  });
});

test('http is refused even to a public host; other schemes and non-URLs too', async () => {
  expect(await verdictOf('http://hooks.partner.example/dealreg')).toBe('refused');
  expect(await verdictOf('ftp://hooks.partner.example/')).toBe('refused');
  expect(await verdictOf('not a url')).toBe('refused');
});

test('the reason names what was wrong', async () => {
  expect(await judgeWebhookTarget('http://hooks.partner.example/', strict)).toMatchObject({
    reason: 'must be an https URL',
  });
  expect(await judgeWebhookTarget('https://internal.partner.example/', strict)).toMatchObject({
    reason: expect.stringMatching(/internal\.partner\.example resolves to 10\.0\.0\.7 is a private address/),
  });
});

test('public https targets are allowed, with every address they resolve to', async () => {
  const named = await judgeWebhookTarget('https://hooks.partner.example/dealreg', strict);
  expect(named).toMatchObject({
    verdict: 'allowed',
    addresses: [
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ],
  });
  expect(await verdictOf('https://93.184.215.14:8443/hook')).toBe('allowed');
  expect(await verdictOf('https://[2606:4700:4700::1111]/hook')).toBe('allowed');
});

test('a host that does not resolve is neither allowed nor refused: delivery judges it again', async () => {
  expect(await verdictOf('https://nowhere.partner.example/')).toBe('unresolved');
});

test('allowing local targets admits http and every address, and nothing else', async () => {
  const local = { allowLocal: true, resolve: publicDns };
  expect(await verdictOf('http://127.0.0.1:8233/', local)).toBe('allowed');
  expect(await verdictOf('http://internal.partner.example/', local)).toBe('allowed');
  expect(await verdictOf('ftp://127.0.0.1/', local)).toBe('refused');
});

test('forbiddenAddressReason refuses what is not an address', () => {
  expect(forbiddenAddressReason('0x7f000001')).toMatch(/not an IP address/);
  expect(forbiddenAddressReason('8.8.8.8')).toBeUndefined();
});

/** The forbidden IPv4 blocks: any address inside must be refused however it is written. */
const forbiddenBlocks: Array<[number[], number]> = [
  [[0, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10],
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12],
  [[192, 168, 0, 0], 16],
  [[224, 0, 0, 0], 4],
  [[240, 0, 0, 0], 4],
];

const forbiddenIpv4 = fc
  .tuple(fc.constantFrom(...forbiddenBlocks), fc.integer({ min: 0, max: 2 ** 32 - 1 }))
  .map(([[octets, prefix], noise]) => {
    const base = octets.reduce((n, octet) => n * 256 + octet, 0);
    const hostBits = 2 ** (32 - prefix);
    return base + (noise % hostBits);
  });

type Radix = 'decimal' | 'hex' | 'HEX' | 'octal';
const writeNumber = (value: number, radix: Radix, zeros: number): string => {
  switch (radix) {
    case 'decimal':
      return String(value);
    case 'hex':
      return `0x${'0'.repeat(zeros)}${value.toString(16)}`;
    case 'HEX':
      return `0X${'0'.repeat(zeros)}${value.toString(16).toUpperCase()}`;
    case 'octal':
      return `0${'0'.repeat(zeros)}${value.toString(8)}`;
  }
};

/** a.b.c.d, a.b.c (c is 16 bits), a.b (b is 24 bits) or one 32-bit number, each part in its own radix. */
const numericHost = fc
  .record({
    address: forbiddenIpv4,
    parts: fc.constantFrom(1, 2, 3, 4),
    radixes: fc.array(fc.constantFrom<Radix>('decimal', 'hex', 'HEX', 'octal'), { minLength: 4, maxLength: 4 }),
    zeros: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ address, parts, radixes, zeros }) => {
    const octets = [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255];
    const leading = octets.slice(0, parts - 1);
    const rest = octets.slice(parts - 1).reduce((n, octet) => n * 256 + octet, 0);
    const numbers = [...leading, rest];
    return numbers.map((value, i) => writeNumber(value, radixes[i]!, zeros[i]!)).join('.');
  });

test('every numeric spelling of a forbidden IPv4 address is refused (decimal, hex, octal, short, mixed)', async () => {
  const noDns = fakeDns({}); // if a spelling were taken for a name it would come back unresolved, not refused
  await fc.assert(
    fc.asyncProperty(numericHost, fc.constantFrom('https', 'http'), async (host, scheme) => {
      const judged = await judgeWebhookTarget(`${scheme}://${host}/hook`, { allowLocal: false, resolve: noDns });
      expect(judged.verdict).toBe('refused');
    }),
    { numRuns: 500 },
  );
  expect(noDns.calls).toEqual([]);
});
