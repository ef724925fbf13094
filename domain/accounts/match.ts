import {
  type CustomerNaming,
  customerIdentity,
  type IdentifierKind,
  identifierKinds,
  lookupKeys,
  nameSimilarity,
  normalizeIdentifiers,
  registrableDomain,
} from '../matching';
import type { AccountRecord } from '../vendor/records';

/** What of an account says who the customer is: the parts a registration's customer is matched on. */
export type AccountNaming = Pick<AccountRecord, 'id' | 'name' | 'domains' | 'identifiers'>;

/**
 * The keys that make a customer certainly this account, in the deal check's own form (`uei:…`,
 * `duns:…`, `taxid:…`, `domain:<registrable domain>`): a customer whose identity has one of them is
 * the account. The store keeps each key for one account at most.
 */
export function accountCertainKeys(account: Pick<AccountRecord, 'domains' | 'identifiers'>): string[] {
  const identifiers = normalizeIdentifiers(account.identifiers);
  const keys = identifierKinds.flatMap((kind) =>
    identifiers[kind] === undefined ? [] : [`${kind.toLowerCase()}:${identifiers[kind]}`],
  );
  const domains = (account.domains ?? []).flatMap((domain) => {
    const registrable = registrableDomain(domain);
    return registrable === undefined ? [] : [`domain:${registrable}`];
  });
  return [...new Set([...keys, ...domains])];
}

/** The keys under which a name-similar customer finds the account as a candidate (the deal check's name keys). */
export function accountNameKeys(account: Pick<AccountRecord, 'name'>): string[] {
  const identity = customerIdentity({ name: account.name });
  return [...new Set([identity.nameKey, ...identity.blockingKeys])];
}

export type AccountMatchBasis = IdentifierKind | 'domain' | 'name';

export interface AccountCandidate<A extends AccountNaming = AccountNaming> {
  account: A;
  basis: AccountMatchBasis;
  /** 1 for identifiers and domains; the name similarity otherwise. */
  score: number;
  /** Identifiers both give with different values (the customer's typed value is not the vendor's). */
  conflictingIdentifiers: IdentifierKind[];
}

/**
 * How a registration's customer relates to the vendor's accounts:
 * - `certain`: one account, by an identifier or a registrable domain: routing uses that account;
 * - `probable`: accounts the customer may be (a similar name, a shared domain with a differing
 *   identifier, or identifiers that point at different accounts): shown to staff, never routed on;
 * - `none`.
 */
export type AccountMatch<A extends AccountNaming = AccountNaming> =
  | { kind: 'certain'; account: A; basis: Exclude<AccountMatchBasis, 'name'>; probable: AccountCandidate<A>[] }
  | { kind: 'probable'; candidates: AccountCandidate<A>[] }
  | { kind: 'none' };

function weigh<A extends AccountNaming>(
  customer: ReturnType<typeof customerIdentity>,
  account: A,
  threshold: number,
): { certain: boolean; candidate?: AccountCandidate<A> } {
  const identifiers = normalizeIdentifiers(account.identifiers);
  const conflictingIdentifiers = identifierKinds.filter(
    (kind) =>
      customer.identifiers[kind] !== undefined &&
      identifiers[kind] !== undefined &&
      customer.identifiers[kind] !== identifiers[kind],
  );
  const byIdentifier = identifierKinds.find(
    (kind) => customer.identifiers[kind] !== undefined && customer.identifiers[kind] === identifiers[kind],
  );
  if (byIdentifier) {
    return { certain: true, candidate: { account, basis: byIdentifier, score: 1, conflictingIdentifiers } };
  }
  const domains = new Set((account.domains ?? []).map(registrableDomain));
  if (customer.domain !== undefined && domains.has(customer.domain)) {
    // A different identifier on a shared domain: another legal entity on it (agencies of one department).
    const certain = conflictingIdentifiers.length === 0;
    return { certain, candidate: { account, basis: 'domain', score: 1, conflictingIdentifiers } };
  }
  const score = nameSimilarity(customer.normalizedName, customerIdentity({ name: account.name }).normalizedName);
  if (score >= threshold)
    return { certain: false, candidate: { account, basis: 'name', score, conflictingIdentifiers } };
  return { certain: false };
}

const byStrength = <A extends AccountNaming>(a: AccountCandidate<A>, b: AccountCandidate<A>) =>
  b.score - a.score || (a.account.id < b.account.id ? -1 : a.account.id > b.account.id ? 1 : 0);

/**
 * Matches a customer against candidate accounts (the caller finds them by `accountCertainKeys` and
 * `accountNameKeys` of the customer's identity). An identifier outranks a domain: a customer whose UEI
 * is one account's and whose domain is another's is the UEI's account. Two accounts by identifiers
 * (its UEI is one's, its DUNS another's) cannot both be right: that is for staff, and routes nothing.
 * The answer does not depend on the order of the candidates.
 */
export function matchAccount<A extends AccountNaming>(
  customer: CustomerNaming,
  candidates: readonly A[],
  threshold: number,
): AccountMatch<A> {
  const identity = customerIdentity(customer);
  const unique = [...new Map(candidates.map((account) => [account.id, account])).values()];
  const certain: AccountCandidate<A>[] = [];
  const probable: AccountCandidate<A>[] = [];
  for (const account of unique) {
    const { certain: isCertain, candidate } = weigh(identity, account, threshold);
    if (candidate) (isCertain ? certain : probable).push(candidate);
  }
  const byIdentifier = certain.filter((candidate) => candidate.basis !== 'domain');
  const decisive = byIdentifier.length > 0 ? byIdentifier : certain;
  const [only] = decisive;
  if (decisive.length === 1 && only && only.basis !== 'name') {
    const others = [...certain.filter((candidate) => candidate !== only), ...probable].sort(byStrength);
    return { kind: 'certain', account: only.account, basis: only.basis, probable: others };
  }
  const all = [...certain, ...probable].sort(byStrength);
  return all.length > 0 ? { kind: 'probable', candidates: all } : { kind: 'none' };
}

/** The deal-check key of an account: registrations matched to one account are one customer. */
export const accountDealKey = (accountId: string) => `account:${accountId}`;

/**
 * Every key a registration is listed and looked up under in the deal check: its customer's, and its
 * account's when it matched one, so that a registration on the account finds it whatever it typed.
 */
export function registrationLookupKeys(customer: CustomerNaming, accountId?: string): string[] {
  const keys = lookupKeys(customerIdentity(customer));
  return accountId === undefined ? keys : [...keys, accountDealKey(accountId)];
}
