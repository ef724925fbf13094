import pLimit from 'p-limit';
import { type AccountMatch, matchAccount } from '../domain/accounts/match';
import { type AccountFacts, accountFacts } from '../domain/accounts/routing-facts';
import { type CustomerNaming, customerIdentity } from '../domain/matching';
import type { AccountRecord, ProgramRecord } from '../domain/vendor/records';
import { Account, accountsByCertainKeys, accountsByNameKeys } from './accounts';
import { programById, programsListing } from './vendor-records';

export interface AccountLookup {
  match: AccountMatch<AccountRecord>;
  /** The routing facts of the account matched with certainty, to record with the decision. */
  facts?: AccountFacts;
}

/**
 * The vendor's account of a registration's customer, for its acceptance: point reads of the customer's
 * identifier and domain keys, an equality read per name key (bounded), the pure match, and for a
 * certain match the programs that make its routing facts (those it names, those listing it).
 */
export async function lookUpAccount(customer: CustomerNaming, nameSimilarity: number): Promise<AccountLookup> {
  const identity = customerIdentity(customer);
  const [certain, byName] = await Promise.all([
    accountsByCertainKeys(identity.certainKeys),
    accountsByNameKeys([identity.nameKey, ...identity.blockingKeys]),
  ]);
  const match = matchAccount(customer, [...certain, ...byName], nameSimilarity);
  if (match.kind !== 'certain') return { match };
  return { match, facts: await routingFactsOfAccount(match.account) };
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

/** Keys and accounts remembered by one replay: past this many, the memory starts afresh. */
const MAX_REMEMBERED = 200_000;
/**
 * Reads one replay has in flight at most: the simulation shares the database with every request (it
 * otherwise has one read in flight, api/simulation-snapshots.ts), so a page of new customers is no burst.
 */
const READS_IN_FLIGHT = 4;

/**
 * The vendor's accounts as they are now, for a replay of many stored registrations (the policy
 * simulation): the same certain match as an acceptance's (identifiers and registrable domains; a name
 * routes nothing, so names are not read), each distinct key and each account's routing facts read
 * once per replay. With no account stored, nothing is read at all.
 */
export class CurrentAccounts {
  private readonly underKey = new Map<string, Promise<AccountRecord[]>>();
  private readonly factsById = new Map<string, Promise<AccountFacts>>();
  private anyStored?: Promise<boolean>;
  private readonly reads = pLimit(READS_IN_FLIGHT);

  /** The routing facts of the account this customer is now, with certainty; undefined when none. */
  async factsOf(customer: CustomerNaming): Promise<AccountFacts | undefined> {
    this.anyStored ??= Account.exists({})
      .exec()
      .then((found) => found !== null);
    if (!(await this.anyStored)) return undefined;
    const found = await Promise.all(customerIdentity(customer).certainKeys.map((key) => this.accountsUnder(key)));
    // A threshold above any similarity: a name is never even a candidate here.
    const match = matchAccount(customer, found.flat(), 2);
    return match.kind === 'certain' ? this.routingFacts(match.account) : undefined;
  }

  private accountsUnder(key: string): Promise<AccountRecord[]> {
    return remembered(this.underKey, key, () => this.reads(() => accountsByCertainKeys([key])));
  }

  private routingFacts(account: AccountRecord): Promise<AccountFacts> {
    return remembered(this.factsById, account.id, () => this.reads(() => routingFactsOfAccount(account)));
  }
}

function remembered<T>(memory: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  const known = memory.get(key);
  if (known) return known;
  if (memory.size >= MAX_REMEMBERED) memory.clear();
  const reading = read();
  memory.set(key, reading);
  // A failed read is not remembered: the next asks again.
  reading.catch(() => memory.delete(key));
  return reading;
}
