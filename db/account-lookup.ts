import { type AccountMatch, matchAccount } from '../domain/accounts/match';
import { type AccountFacts, accountFacts } from '../domain/accounts/routing-facts';
import { type CustomerNaming, customerIdentity } from '../domain/matching';
import type { AccountRecord, ProgramRecord } from '../domain/vendor/records';
import { accountsByCertainKeys, accountsByNameKeys } from './accounts';
import { programById, programsListing } from './vendor-records';

export interface AccountLookup {
  match: AccountMatch<AccountRecord>;
  /** The routing facts of the account matched with certainty, to record with the decision. */
  facts?: AccountFacts;
}

/** How a registration finds its customer's account: `lookUpAccount`, or a batch's (db/current-accounts.ts). */
export type LookUpAccount = (customer: CustomerNaming, nameSimilarity: number) => Promise<AccountLookup>;

/**
 * The vendor's account of a registration's customer, for its acceptance: point reads of the customer's
 * identifier and domain keys, an equality read per name key (bounded), the pure match, and for a
 * certain match the programs that make its routing facts (those it names, those listing it).
 */
export async function lookUpAccount(
  customer: CustomerNaming,
  nameSimilarity: number,
  candidates: Promise<AccountRecord[]> = accountCandidates(customer),
): Promise<AccountLookup> {
  const match = matchAccount(customer, await candidates, nameSimilarity);
  if (match.kind !== 'certain') return { match };
  return { match, facts: await routingFactsOfAccount(match.account) };
}

/**
 * The accounts a customer could be: by its identifier and domain keys, and by its name keys. Apart from
 * the match, so that an acceptance reads them while it reads the policy whose similarity judges them.
 */
export async function accountCandidates(customer: CustomerNaming): Promise<AccountRecord[]> {
  const identity = customerIdentity(customer);
  const [certain, byName] = await Promise.all([
    accountsByCertainKeys(identity.certainKeys),
    accountsByNameKeys([identity.nameKey, ...identity.blockingKeys]),
  ]);
  return [...certain, ...byName];
}

/** An account's routing facts as they are now: its own programs and the programs that list it. */
export async function routingFactsOfAccount(account: AccountRecord): Promise<AccountFacts> {
  const [named, listing] = await Promise.all([
    Promise.all((account.programs ?? []).map(programById)),
    programsListing(account.id),
  ]);
  const programs = [...named, ...listing].filter((program): program is ProgramRecord => program !== undefined);
  return accountFacts(account, programs);
}
