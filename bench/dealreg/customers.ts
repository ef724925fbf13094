import type { Customer, Segment } from '../../domain/registration';

/** A small seeded generator (mulberry32): the same seed gives the same workload on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const consonants = 'bcdfghjklmnprstvwxz'.split('');
const vowels = 'aeiou'.split('');
const syllables = consonants.flatMap((c) => vowels.map((v) => c + v));
/**
 * Second words by segment. All are on the matching code's list of generic words, so a customer's
 * blocking key is its one distinctive word, spread over a million prefixes as real names' are. (A
 * common but non-generic second word, "Logistics" say, would list every such customer under one key,
 * and the conflict check would read them all: names like that make candidate lists grow with the data.)
 */
const secondWords: Record<Segment, readonly string[]> = {
  'federal-civilian': ['Department', 'Office', 'Services', 'Management'],
  'federal-dod': ['Systems', 'Group', 'Services', 'Government'],
  'state-local': ['County', 'City', 'District', 'Department'],
  education: ['University', 'College', 'School', 'District'],
  commercial: ['Systems', 'Solutions', 'Group', 'Technologies', 'Holdings', 'Industries', 'Partners', 'Enterprises'],
};
export const productLines = ['storage', 'compute', 'networking', 'security', 'backup', 'analytics'] as const;
const segmentShares: Array<[Segment, number]> = [
  ['federal-civilian', 0.2],
  ['federal-dod', 0.15],
  ['state-local', 0.2],
  ['education', 0.15],
  ['commercial', 0.3],
];
const regions = ['east', 'west', 'central'] as const;

/** 10^8 four-syllable words; the multiplier (coprime with 10^8) spreads consecutive numbers over them. */
const WORD_SPACE = 100_000_000;
const SPREAD = 48_271_009;

/**
 * A company word that no other number maps to, so customers are distinct by construction: their
 * blocking keys (first six letters) spread over a million prefixes, as real names' do, instead of
 * piling candidates onto a few keys.
 */
function companyWord(serial: number): string {
  let n = Number((BigInt(serial) * BigInt(SPREAD)) % BigInt(WORD_SPACE));
  let word = '';
  for (let i = 0; i < 4; i += 1) {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A 12-character UEI unique to the serial (base 36 of a spread of it). */
function ueiOf(serial: number): string {
  const spread = (BigInt(serial) * 2_654_435_761n + 97_531n) % 36n ** 12n;
  return spread.toString(36).toUpperCase().padStart(12, '0');
}

function segmentFor(random: () => number): Segment {
  let roll = random();
  for (const [segment, share] of segmentShares) {
    roll -= share;
    if (roll < 0) return segment;
  }
  return 'commercial';
}

/** The customer numbered `serial`: unique name, most with a UEI, most with a domain. */
export function distinctCustomer(serial: number, random: () => number): Customer {
  const word = companyWord(serial);
  const segment = segmentFor(random);
  const second = pick(random, secondWords[segment]);
  const customer: Customer = { name: `${word} ${second}`, segment, region: pick(random, regions) };
  if (random() < 0.8) customer.domain = `${word}${second}.com`.toLowerCase();
  if (random() < 0.7) customer.identifiers = { uei: ueiOf(serial) };
  return customer;
}

/**
 * Another partner's spelling of the same company without its identifiers or domain: a legal form
 * added (normalized away) or a plural dropped, which the matching rates as a probable duplicate.
 */
export function nearDuplicateOf(customer: Customer, random: () => number): Customer {
  const variants = [
    `${customer.name} Inc`,
    `${customer.name} LLC`,
    customer.name.replace(/s$/, ''),
    `${customer.name} Co`,
  ];
  const { identifiers: _identifiers, domain: _domain, ...rest } = customer;
  return { ...rest, name: pick(random, variants) };
}

export function someProductLines(random: () => number): string[] {
  const first = pick(random, productLines);
  const second = pick(random, productLines);
  return random() < 0.4 && second !== first ? [first, second] : [first];
}
