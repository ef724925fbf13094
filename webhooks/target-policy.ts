import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which URLs a partner's webhook may point at. A partner's key must not make our worker call into the
 * network it runs in (server-side request forgery): only https to public unicast addresses, checked
 * when the URL is registered and again, with the addresses then connected to, at every delivery.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name has; injectable so that tests can play DNS (including DNS rebinding). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export interface TargetPolicy {
  /** `DEALREG_WEBHOOKS_ALLOW_LOCAL`: http and any address, for development and tests only. */
  allowLocal: boolean;
  resolve?: Resolver;
}

export type TargetVerdict =
  | { verdict: 'allowed'; url: URL; addresses: ResolvedAddress[] }
  | { verdict: 'refused'; reason: string }
  /** The host has no address now: registration lets it be (delivery checks again), a delivery fails. */
  | { verdict: 'unresolved'; reason: string };

/** Names that reach a cloud provider's instance metadata or this machine, whatever DNS says. */
const forbiddenNames = new Set(['localhost', 'metadata', 'metadata.google.internal', 'metadata.goog']);

/** All public IPv6 unicast space is allocated from 2000::/3; anything else (::/96, 64:ff9b:: …) is not a partner. */
const globalUnicastV6 = ipaddr.parseCIDR('2000::/3');

/**
 * Why an address may not be a webhook target, or undefined when it may. Only ipaddr.js's `unicast`
 * (no special range) is allowed: loopback, private, link-local (169.254.169.254 included), CGNAT,
 * unique-local (fd00:ec2::254 included), multicast, unspecified, broadcast, reserved, NAT64, 6to4,
 * Teredo and the rest are refused. IPv4-mapped IPv6 is judged as the IPv4 address it carries.
 */
export function forbiddenAddressReason(address: string): string | undefined {
  if (!isIP(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range !== 'unicast') return `${address} is a ${range} address`;
  if (ip.kind() === 'ipv6' && !ip.match(globalUnicastV6)) return `${address} is not a global unicast address`;
  return undefined;
}

function isForbiddenName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  return forbiddenNames.has(name) || name.endsWith('.localhost');
}

/** A lookup cannot be cancelled, but nobody waits for it longer than this. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Judges a webhook URL: scheme, host name and every address the host resolves to (one forbidden
 * address refuses the URL: the connection could go to any of them). The URL is parsed by the WHATWG
 * parser, which turns `0x7f000001`, `2130706433`, `0177.0.0.1` and `127.1` into `127.0.0.1`.
 */
export async function judgeWebhookTarget(
  rawUrl: string,
  policy: TargetPolicy,
  lookupTimeoutMs = 5000,
): Promise<TargetVerdict> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { verdict: 'refused', reason: 'must be an absolute URL' };
  }
  const schemes = policy.allowLocal ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    return { verdict: 'refused', reason: policy.allowLocal ? 'must be an http(s) URL' : 'must be an https URL' };
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!policy.allowLocal && isForbiddenName(hostname)) {
    return { verdict: 'refused', reason: `${hostname} is not a public host` };
  }
  const family = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (family === 4 || family === 6) {
    addresses = [{ address: hostname, family }];
  } else {
    try {
      addresses = await withDeadline((policy.resolve ?? systemResolver)(hostname), lookupTimeoutMs);
    } catch (error) {
      return { verdict: 'unresolved', reason: `${hostname} does not resolve (${(error as Error).message})` };
    }
    if (addresses.length === 0) return { verdict: 'unresolved', reason: `${hostname} has no address` };
  }
  if (!policy.allowLocal) {
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason) {
        const via = address === hostname ? '' : `${hostname} resolves to `;
        return { verdict: 'refused', reason: `${via}${reason}; webhooks must reach a public address` };
      }
    }
  }
  return { verdict: 'allowed', url, addresses };
}
