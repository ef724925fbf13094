import { distance } from 'fastest-levenshtein';
import type { MatchBasis } from '../allocation/types';
import { type IdentifierKind, identifierKinds } from './identifiers';
import { type CustomerIdentity, type CustomerNaming, customerIdentity } from './identity';

export type CustomerMatchStrength = 'certain' | 'probable' | 'none';

export interface CustomerComparison {
  strength: CustomerMatchStrength;
  /** What the verdict rests on; null when nothing matched at all. */
  basis: MatchBasis | null;
  /** 1 for identifiers and domains; otherwise the name similarity (0..1), for the trace. */
  score: number;
  /** The first identifier both customers give with different values (see `differingIdentifiers`). */
  conflict: IdentifierKind | null;
}

/**
 * Levenshtein similarity: 1 - edits / length of the longer name. It is the measure behind the
 * policy's `nameSimilarity`, and it reads plainly in the rules of engagement: at 0.9, two names
 * may differ in one character out of ten. Jaro-Winkler was weighed and not taken: it rewards a
 * common start, and company names commonly start alike ("Acme Federal" / "Acme Medical" score 0.90
 * there, 0.75 here), which would send unrelated customers to a channel manager.
 */
function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

const sortedWords = (name: string) => name.split(' ').sort().join(' ');

/**
 * Similarity of two normalized names, the better of as written and with words sorted, so that word
 * order does not hide a match ("veterans affairs department" / "department veterans affairs").
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return Math.max(levenshteinSimilarity(a, b), levenshteinSimilarity(sortedWords(a), sortedWords(b)));
}

/** Identifiers both customers give with different values, in `identifierKinds` order. */
export function differingIdentifiers(a: CustomerIdentity, b: CustomerIdentity): IdentifierKind[] {
  return identifierKinds.filter((kind) => {
    const left = a.identifiers[kind];
    const right = b.identifiers[kind];
    return left !== undefined && right !== undefined && left !== right;
  });
}

/**
 * Are two customers one? In order:
 * 1. a shared identifier (UEI, DUNS, tax id) is certain, even if another identifier differs
 *    (a typo in one field does not undo an exact match in another);
 * 2. a shared registrable domain is certain, unless the customers give different values for one
 *    identifier: then they are distinct legal entities on one domain (agencies of a department on
 *    "usda.gov", subsidiaries of a group), which a channel manager should look at: probable;
 * 3. names at least `threshold` similar are probable, never certain, even when equal: names are not
 *    unique, and a rejection must rest on something that is. A differing identifier does not rule
 *    such a match out: identifiers are typed by the partner and not checked, so an invented UEI
 *    would otherwise be the way to register a customer someone else holds. The channel manager sees
 *    both values (the match's `conflictingIdentifiers`) and decides.
 */
export function compareIdentities(a: CustomerIdentity, b: CustomerIdentity, threshold: number): CustomerComparison {
  const conflict = differingIdentifiers(a, b)[0] ?? null;
  for (const kind of identifierKinds) {
    const value = a.identifiers[kind];
    if (value !== undefined && value === b.identifiers[kind]) {
      return { strength: 'certain', basis: kind, score: 1, conflict };
    }
  }
  if (a.domain !== undefined && a.domain === b.domain) {
    return { strength: conflict === null ? 'certain' : 'probable', basis: 'domain', score: 1, conflict };
  }
  const score = nameSimilarity(a.normalizedName, b.normalizedName);
  if (score >= threshold) return { strength: 'probable', basis: 'name', score, conflict };
  return { strength: 'none', basis: null, score, conflict };
}

export function compareCustomers(a: CustomerNaming, b: CustomerNaming, threshold: number): CustomerComparison {
  return compareIdentities(customerIdentity(a), customerIdentity(b), threshold);
}

/** Product lines both registrations name, sorted; a deal needs at least one. */
export function sharedProductLines(a: readonly string[], b: readonly string[]): string[] {
  const normalize = (line: string) => line.trim().toLowerCase();
  const right = new Set(b.map(normalize));
  return [...new Set(a.map(normalize))].filter((line) => right.has(line)).sort();
}
