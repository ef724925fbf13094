import { registrableDomain } from '../matching/identifiers';

/**
 * Searching vendor records by equality only (docs/DESIGN.md, "Every query an index can serve"): a record
 * is listed under a few keys per word it holds (the word and its first 3, 5 and 8 letters), and a query
 * word is looked up under the longest of those its own length reaches, then checked as a prefix.
 */
const PREFIX_LENGTHS = [3, 5, 8] as const;
const MAX_WORDS = 24;

/** Lowercase letters and digits, accents dropped; everything else separates words. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** An id or identifier as one word: "ACCT-0042" and "12-345-6789" are "acct0042" and "123456789". */
export const compactWord = (text: string) => searchWords(text).join('');

/** The words a record is found by, each once, bounded. */
export function recordWords(parts: {
  texts?: readonly string[];
  compact?: readonly string[];
  domains?: readonly string[];
}): string[] {
  const words = [
    ...(parts.texts ?? []).flatMap(searchWords),
    ...(parts.compact ?? []).map(compactWord),
    ...(parts.domains ?? []).flatMap((domain) => {
      const registrable = registrableDomain(domain);
      return registrable ? [registrable] : [];
    }),
  ].filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** The keys a record's word is listed under. */
export function wordKeys(word: string): string[] {
  return [word, ...PREFIX_LENGTHS.filter((length) => length < word.length).map((length) => word.slice(0, length))];
}

/** The one key a query word is looked up under: every word it is a prefix of is listed under it. */
export function queryKey(word: string): string {
  const reach = PREFIX_LENGTHS.filter((length) => length <= word.length).at(-1);
  return reach === undefined ? word : word.slice(0, reach);
}

/**
 * The words of a query: a domain is its registrable domain ("www.acme.com" is "acme.com"), an identifier
 * or id with digits and dashes is one word ("12-345-6789"), anything else is split into words.
 */
export function queryWords(q: string): string[] {
  const words = q
    .trim()
    .split(/\s+/)
    .flatMap((part) => {
      const domain = part.includes('.') ? registrableDomain(part) : undefined;
      if (domain) return [domain];
      if (/\d/.test(part) && /^[\p{L}\p{N}_:-]+$/u.test(part)) return [compactWord(part)];
      return searchWords(part);
    });
  return [...new Set(words.filter((word) => word.length > 0))];
}

/** Every query word starts one of the record's words. */
export const matchesQuery = (words: readonly string[], query: readonly string[]) =>
  query.every((wanted) => words.some((word) => word.startsWith(wanted)));

/** The query word whose key lists the fewest records, most likely: the longest. */
export const narrowestWord = (query: readonly string[]) =>
  [...query].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
