import { getDomain } from 'tldts';
import type { Customer } from '../registration';

export const identifierKinds = ['uei', 'duns', 'taxId'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];
export type NormalizedIdentifiers = Partial<Record<IdentifierKind, string>>;

/**
 * Identifiers compare exactly once formatting is gone: partners type "12-345-6789", "123456789"
 * or " abcdef123456 ". A value that is empty after that is treated as absent.
 */
export function normalizeIdentifiers(identifiers: Customer['identifiers']): NormalizedIdentifiers {
  const normalized: NormalizedIdentifiers = {};
  for (const kind of identifierKinds) {
    const raw = identifiers?.[kind];
    if (raw === undefined) continue;
    const value = kind === 'duns' ? raw.replace(/\D/g, '') : raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    if (value.length > 0) normalized[kind] = value;
  }
  return normalized;
}

/**
 * Mailbox and hosting providers whose domain is shared by unrelated customers: a small business
 * that gives "gmail.com" is not the same customer as every other one that does. Such a domain
 * yields no key and never matches.
 */
const SHARED_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'zoho.com',
  'yandex.com',
]);

/**
 * The registrable domain ("sales.acme.com" and "https://www.acme.com/" are "acme.com"; "acme.co.uk"
 * stays itself) from the public suffix list. Private suffixes count as suffixes, so two customers
 * on "acme.github.io" and "beta.github.io" are not one customer "github.io".
 */
export function registrableDomain(domain: string | undefined): string | undefined {
  if (domain === undefined) return undefined;
  const registrable = getDomain(domain.trim().toLowerCase(), { allowPrivateDomains: true });
  if (registrable === null || SHARED_DOMAINS.has(registrable)) return undefined;
  return registrable;
}
