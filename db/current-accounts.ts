import pLimit from 'p-limit';
import { matchAccount } from '../domain/accounts/match';
import { type AccountFacts, accountFacts } from '../domain/accounts/routing-facts';
import { type CustomerNaming, customerIdentity } from '../domain/matching';
import type { AccountRecord, ProgramRecord } from '../domain/vendor/records';
import { type AccountLookup, lookUpAccount, routingFactsOfAccount } from './account-lookup';
import { Account, type AccountDoc, AccountKey, accountsByCertainKeys, MAX_NAME_CANDIDATES } from './accounts';
import type { KeyClaimDoc } from './unique-keys';
import { Program, type ProgramDoc } from './vendor-records';

/** Keys and accounts remembered by one replay: past this many, the memory starts afresh. */
const MAX_REMEMBERED = 200_000;
/**
 * Reads one replay has in flight at most: the simulation shares the database with every request (it
 * otherwise has one read in flight, api/simulation-snapshots.ts), so a page of new customers is no burst.
 */
const READS_IN_FLIGHT = 4;
/** About how many identifier and domain keys a stored customer gives. */
const KEYS_PER_CUSTOMER = 2;

/** How the replay finds accounts: not at all (none stored), a point read per key, or all read at once. */
type Finder = { kind: 'none' } | { kind: 'point' } | ({ kind: 'whole' } & AllAccounts);

interface AllAccounts {
  byKey: Map<string, AccountRecord>;
  programsById: Map<string, ProgramRecord>;
  /** The programs that list each account as a member. */
  listing: Map<string, ProgramRecord[]>;
  /** The accounts under each name key, as its equality read finds them (a batch's look-ups only). */
  byNameKey: Map<string, AccountRecord[]>;
}

/**
 * The vendor's accounts as they are now, for a replay of many stored registrations (the policy
 * simulation): the same certain match as an acceptance's (identifiers and registrable domains; a name
 * routes nothing, so names are not read), or for a batch of migrated ones (`lookUp`, names included).
 * With no account stored nothing is read. While the customers to
 * replay would ask fewer keys than there are accounts, each distinct key and each account's facts are
 * point reads, once per replay; past that, every account, key claim and program is read once, in three
 * scans, and the rest is memory: either way the reads are bounded by the smaller of the two sizes.
 */
export class CurrentAccounts {
  private readonly underKey = new Map<string, Promise<AccountRecord[]>>();
  private readonly factsById = new Map<string, Promise<AccountFacts>>();
  private finder?: Promise<Finder>;
  private readonly reads = pLimit(READS_IN_FLIGHT);

  /**
   * `customers`: about how many registrations the replay will ask about (it chooses how to read);
   * `names`: also find name candidates, for `lookUp`.
   */
  constructor(
    private readonly customers: number,
    private readonly options: { names?: boolean } = {},
  ) {}

  /**
   * What an acceptance's look-up finds for this customer (db/account-lookup.ts), name candidates
   * included: for a batch of migrated registrations, which then asks nothing of an empty collection
   * and reads a small one once. Constructed with `names`.
   */
  async lookUp(customer: CustomerNaming, nameSimilarity: number): Promise<AccountLookup> {
    this.finder ??= this.chooseFinder();
    const finder = await this.finder;
    if (finder.kind === 'none') return { match: { kind: 'none' } };
    if (finder.kind === 'point') return lookUpAccount(customer, nameSimilarity);
    const identity = customerIdentity(customer);
    const certain = identity.certainKeys.flatMap((key) => finder.byKey.get(key) ?? []);
    const named = [identity.nameKey, ...identity.blockingKeys].flatMap((key) => finder.byNameKey.get(key) ?? []);
    const byName = [...new Map(named.map((account) => [account.id, account])).values()];
    const match = matchAccount(customer, [...certain, ...byName], nameSimilarity);
    if (match.kind !== 'certain') return { match };
    return { match, facts: accountFacts(match.account, programsOf(match.account, finder)) };
  }

  /** The routing facts of the account this customer is now, with certainty; undefined when none. */
  async factsOf(customer: CustomerNaming): Promise<AccountFacts | undefined> {
    this.finder ??= this.chooseFinder();
    const finder = await this.finder;
    if (finder.kind === 'none') return undefined;
    const keys = customerIdentity(customer).certainKeys;
    const found =
      finder.kind === 'whole'
        ? keys.flatMap((key) => {
            const account = finder.byKey.get(key);
            return account ? [account] : [];
          })
        : (await Promise.all(keys.map((key) => this.accountsUnder(key)))).flat();
    // A threshold above any similarity: a name is never even a candidate here.
    const match = matchAccount(customer, found, 2);
    if (match.kind !== 'certain') return undefined;
    const { account } = match;
    return remembered(this.factsById, account.id, () =>
      finder.kind === 'whole'
        ? Promise.resolve(accountFacts(account, programsOf(account, finder)))
        : this.reads(() => routingFactsOfAccount(account)),
    );
  }

  private async chooseFinder(): Promise<Finder> {
    const accounts = await Account.estimatedDocumentCount().exec();
    if (accounts === 0) return { kind: 'none' };
    if (this.customers * KEYS_PER_CUSTOMER < accounts) return { kind: 'point' };
    return { kind: 'whole', ...(await readAllAccounts(this.options.names === true)) };
  }

  private accountsUnder(key: string): Promise<AccountRecord[]> {
    return remembered(this.underKey, key, () => this.reads(() => accountsByCertainKeys([key])));
  }
}

/**
 * Every account by each key it holds, as a point read would find it: the key's claim names the account
 * and the account's stored version holds the key (a write between its steps may leave one without the other).
 */
async function readAllAccounts(names: boolean): Promise<AllAccounts> {
  const claims = new Map<string, string>();
  for await (const claim of AccountKey.find({}).lean<KeyClaimDoc>().cursor()) claims.set(claim._id, claim.recordId);
  const byKey = new Map<string, AccountRecord>();
  const byNameKey = new Map<string, AccountRecord[]>();
  const fields = { record: 1, certainKeys: 1, ...(names ? { nameKeys: 1 } : {}) };
  for await (const doc of Account.find({}).select(fields).lean<AccountDoc>().cursor()) {
    for (const key of doc.certainKeys) if (claims.get(key) === doc.record.id) byKey.set(key, doc.record);
    for (const key of names ? doc.nameKeys : []) {
      const under = byNameKey.get(key) ?? [];
      if (under.length < MAX_NAME_CANDIDATES) byNameKey.set(key, [...under, doc.record]);
    }
  }
  const programsById = new Map<string, ProgramRecord>();
  const listing = new Map<string, ProgramRecord[]>();
  for await (const { record } of Program.find({}).select({ record: 1 }).lean<ProgramDoc>().cursor()) {
    programsById.set(record.id, record);
    for (const member of record.accounts ?? []) listing.set(member, [...(listing.get(member) ?? []), record]);
  }
  return { byKey, programsById, listing, byNameKey };
}

/** The programs an account's facts come from, as `routingFactsOfAccount` reads them: those it names, those listing it. */
function programsOf(account: AccountRecord, all: AllAccounts): ProgramRecord[] {
  const named = (account.programs ?? []).flatMap((id) => {
    const program = all.programsById.get(id);
    return program ? [program] : [];
  });
  return [...named, ...(all.listing.get(account.id) ?? [])];
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
