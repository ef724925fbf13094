import type { Customer } from '../registration';
import { companyNameTokens, comparableText, normalizeCompanyName } from './company-name';
import { identifierKinds, type NormalizedIdentifiers, normalizeIdentifiers, registrableDomain } from './identifiers';

/** The parts of a customer that say who it is (segment and region say where it is routed). */
export type CustomerNaming = Pick<Customer, 'name' | 'domain' | 'identifiers'>;

/**
 * Who a customer is, reduced to comparable values and to the keys under which registrations are
 * indexed in the `dealkeys` collection (one document per key, `_id` equal to the key).
 */
export interface CustomerIdentity {
  /** `uei:…`, `duns:…`, `taxid:…`, `domain:…`: a shared one makes two customers certainly one. */
  certainKeys: string[];
  /** `name:…`: the whole normalized name; equal names share it. */
  nameKey: string;
  /** `word:…`: keys that bring name-similar customers together as candidates (see below). */
  blockingKeys: string[];
  normalizedName: string;
  identifiers: NormalizedIdentifiers;
  domain: string | undefined;
}

/** Long names are cut: two names that agree on their first 80 characters are candidates anyway. */
const MAX_NAME_KEY_LENGTH = 80;
const MAX_WORD_KEYS = 2;
/** Letters of a word that make its key; see the recall note on `blockingWords`. */
const WORD_KEY_LENGTH = 6;
const MIN_WORD_LENGTH = 3;

/**
 * Words too common in company names to bring useful candidates together: a key on "global" or
 * "systems" would list a large part of all registrations, and every conflict check reading it would
 * compare against all of them.
 */
const GENERIC_WORDS_PLAIN = [
  'the',
  'and',
  'of',
  'for',
  'global',
  'international',
  'national',
  'american',
  'united',
  'first',
  'general',
  'systems',
  'system',
  'solutions',
  'services',
  'service',
  'group',
  'technologies',
  'technology',
  'holdings',
  'enterprises',
  'industries',
  'partners',
  'associates',
  'consulting',
  'management',
  'department',
  'county',
  'city',
  'state',
  'university',
  'college',
  'school',
  'district',
  'office',
  'federal',
  'government',
  // Distinctive-looking words that start a great many company names.
  'advanced',
  'applied',
  'integrated',
  'digital',
  'data',
  'software',
  'health',
  'healthcare',
  'medical',
  'energy',
  'capital',
  'financial',
  'professional',
  'strategic',
  'innovative',
  'premier',
  'new',
  'north',
  'south',
  'east',
  'west',
  'america',
  'usa',
];
const GENERIC_WORDS = new Set(GENERIC_WORDS_PLAIN.map(comparableText));

/**
 * Blocking words: the first two distinctive words of the name, each cut to its first six letters.
 *
 * Recall trade-off. A probable match can only be found if the two registrations share a key, so
 * these keys decide which name pairs the similarity threshold ever gets to see:
 * - one shared distinctive word suffices ("Northwind Traders" / "Northwind Trading" share
 *   `word:northw`), and two words per name survive a typo or a reordering in one of them
 *   ("Veterans Affairs Department" / "Department of Veterans Affairs" share `word:vetera`);
 * - six letters keep plural and inflected endings out of the key ("Acme Widgets" / "Acme Widget"),
 *   yet are specific enough that few unrelated companies share one;
 * - missed on purpose: a typo inside the first six letters of every distinctive word, a name made
 *   only of generic words (those still meet under the exact `name:` key), and words past the
 *   second. Identifiers and domains are the reliable route; names are the safety net.
 * Generic words are skipped so that no key's list explodes; words shorter than three letters are
 * initials or noise.
 */
function blockingWords(tokens: string[]): string[] {
  const distinctive = tokens.filter((token) => token.length >= MIN_WORD_LENGTH && !GENERIC_WORDS.has(token));
  const keys = distinctive.map((token) => token.slice(0, WORD_KEY_LENGTH));
  return [...new Set(keys)].slice(0, MAX_WORD_KEYS);
}

/**
 * Identities already derived, by customer object: one decision derives its subject's identity for the
 * look-up and again for each comparison, and a replay meets each holder once per later registration
 * on its keys. Facts are never changed once built, so the object stands for its contents; the identity
 * returned is shared and must not be changed either.
 */
const derived = new WeakMap<CustomerNaming, CustomerIdentity>();

export function customerIdentity(customer: CustomerNaming): CustomerIdentity {
  let identity = derived.get(customer);
  if (!identity) {
    identity = deriveIdentity(customer);
    derived.set(customer, identity);
  }
  return identity;
}

function deriveIdentity(customer: CustomerNaming): CustomerIdentity {
  const identifiers = normalizeIdentifiers(customer.identifiers);
  const domain = registrableDomain(customer.domain);
  const certainKeys: string[] = [];
  for (const kind of identifierKinds) {
    const value = identifiers[kind];
    if (value !== undefined) certainKeys.push(`${kind.toLowerCase()}:${value}`);
  }
  if (domain !== undefined) certainKeys.push(`domain:${domain}`);

  const tokens = companyNameTokens(customer.name);
  const normalizedName = normalizeCompanyName(customer.name, tokens);
  return {
    certainKeys,
    nameKey: `name:${normalizedName.slice(0, MAX_NAME_KEY_LENGTH).trim().replace(/ /g, '-')}`,
    blockingKeys: blockingWords(tokens).map((word) => `word:${word}`),
    normalizedName,
    identifiers,
    domain,
  };
}

/**
 * Every key to index a registration under and to look candidates up by: at most four certain keys,
 * the name key and two word keys (usually three to five in all).
 */
export function lookupKeys(identity: CustomerIdentity): string[] {
  return [...new Set([...identity.certainKeys, identity.nameKey, ...identity.blockingKeys])];
}

/** The keys that name the customer (search attribute, watches): its certain keys, or its name's without them. */
export const customerKeysOf = (identity: CustomerIdentity): string[] =>
  identity.certainKeys.length > 0 ? identity.certainKeys : [identity.nameKey];
