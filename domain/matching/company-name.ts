/**
 * Company-name normalization. Two spellings of one company must normalize to the same string, so
 * that equal names compare equal and the name lookup key is stable whatever a partner typed.
 */

/**
 * Legal-form words dropped from the end of a name ("Acme Widgets, Inc." is "acme widgets"). They say
 * how a company is incorporated, not which company it is. Dots are removed before this list applies,
 * so "L.L.C." arrives as "llc" and "S.A." as "sa".
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'pllc',
  'llp',
  'lllp',
  'lp',
  'ltd',
  'ltda',
  'limited',
  'co',
  'company',
  'cos',
  'companies',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'plc',
  'pty',
  'pte',
  'bv',
  'nv',
  'oy',
  'oyj',
  'kk',
  'ulc',
  'pc',
  'and', // what remains of "& Co." once "co" is gone
]);

/** Multi-word legal forms, removed before the single words (which would leave "liability" behind). */
const LEGAL_PHRASES = ['limited liability company', 'limited liability partnership', 'public limited company'].map(
  (phrase) => new RegExp(` ${phrase} $`),
);

/**
 * Abbreviations that partners write either way. Both sides are normalized, so "Acme Intl" and
 * "Acme International" become one name instead of a near miss.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  intl: 'international',
  natl: 'national',
  dept: 'department',
  univ: 'university',
  mfg: 'manufacturing',
  assn: 'association',
  assoc: 'associates',
  bros: 'brothers',
  svcs: 'services',
  govt: 'government',
};

/**
 * Lowercase, without diacritics: NFKD splits "é" into "e" plus a combining mark, which is then
 * dropped; it also unfolds ligatures ("ﬁ" is "fi"). Upper-casing first folds "ß" to "SS" so that
 * "STRASSE" and "Straße" agree.
 */
export function foldCase(text: string): string {
  return text.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Words of a name after case, diacritics, punctuation and abbreviations are settled. */
function words(name: string): string[] {
  const folded = foldCase(name)
    .replace(/&/g, ' and ')
    // Dots and apostrophes join what they separate: "L.L.C." is "llc", "O'Neil's" is "oneils".
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  let text = ` ${folded.trim()} `;
  for (const phrase of LEGAL_PHRASES) text = text.replace(phrase, ' ');
  return text
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => ABBREVIATIONS[word] ?? word);
}

/**
 * The tokens of a company's name that identify it: a leading "the" and trailing legal forms are
 * gone (repeatedly: "Acme Holdings Co., Ltd." is "acme holdings"), but never the last word, so a
 * company called "The Company" keeps a name.
 */
export function companyNameTokens(name: string): string[] {
  const tokens = words(name);
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  while (tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop();
  return tokens;
}

/**
 * The normalized company name ("acme widgets"). A name made only of punctuation has no tokens;
 * it keeps its folded raw text so that it still equals itself and nothing else.
 */
export function normalizeCompanyName(name: string, tokens = companyNameTokens(name)): string {
  return tokens.length > 0 ? tokens.join(' ') : foldCase(name).replace(/\s+/g, ' ').trim();
}
