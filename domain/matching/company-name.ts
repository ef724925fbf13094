import unhomoglyph from 'unhomoglyph';

/**
 * Company-name normalization. Two spellings of one company must normalize to the same string, so
 * that equal names compare equal and the name lookup key is stable whatever a partner typed. That
 * includes spellings that only look alike (Cyrillic "А" for Latin "A") or that carry invisible
 * characters: the normal form is a matching form, never shown to anyone.
 */

/**
 * What renders as nothing: format controls (zero-width space and joiners, bidirectional controls,
 * soft hyphen, byte order mark) and the other default-ignorable code points (variation selectors,
 * Hangul fillers).
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The UTS #39 skeleton: NFD, the confusables mapping of Unicode's confusables.txt, NFD again. */
const skeleton = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/**
 * The form in which names are compared and keyed, lowercase Latin for the most part:
 * - NFKC and then the invisible characters removed: "Ac\u200Bme" is "Acme", "ﬁ" is "fi";
 * - one case first (lower, then upper, so that "ß" is "SS"), so that any case of a name has one
 *   form; the skeleton of the capitals settles look-alike capitals (Cyrillic "А", "М", Greek "Ι"),
 *   and a second skeleton after lower-casing settles small look-alikes ("ɑ", "rn" and "m");
 * - diacritics dropped ("Société" is "societe").
 * The skeleton is case-sensitive and maps "I", "1" and "l" together, so with case ignored every
 * "i" is an "l" here ("inc" is "lnc"). It maps "m" to "rn"; "rn" is written back as "m" so that
 * the form stays readable (no "m" is left by then, so this changes no comparison). Because the case
 * is settled first, a small look-alike whose capital looks different (Greek "ν" for "v") is not
 * caught; capitals and the common Cyrillic and Greek small letters are.
 */
export function comparableText(text: string): string {
  const oneCase = text.normalize('NFKC').replace(INVISIBLE, '').normalize('NFKD').toLowerCase().toUpperCase();
  const capitalsSettled = skeleton(oneCase).toLowerCase();
  return skeleton(capitalsSettled).toLowerCase().replace(/\p{M}/gu, '').replace(/rn/g, 'm');
}

/** The lists below are written plainly and compared in the same form as the names. */
const comparable = (words: string[]) => words.map(comparableText);

/**
 * Legal-form words dropped from the end of a name ("Acme Widgets, Inc." is "acme widgets"). They say
 * how a company is incorporated, not which company it is. Dots are removed before this list applies,
 * so "L.L.C." arrives as "llc" and "S.A." as "sa".
 */
const LEGAL_SUFFIXES_PLAIN = [
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
];
const LEGAL_SUFFIXES = new Set(comparable(LEGAL_SUFFIXES_PLAIN));

/** Multi-word legal forms, removed before the single words (which would leave "liability" behind). */
const LEGAL_PHRASES = comparable([
  'limited liability company',
  'limited liability partnership',
  'public limited company',
]).map((phrase) => new RegExp(` ${phrase} $`));

/**
 * Abbreviations that partners write either way. Both sides are normalized, so "Acme Intl" and
 * "Acme International" become one name instead of a near miss.
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
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
  }).map(([short, long]) => [comparableText(short), comparableText(long)]),
);

/** Words of a name after case, diacritics, punctuation and abbreviations are settled. */
function words(name: string): string[] {
  const folded = comparableText(name)
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
    .map((word) => ABBREVIATIONS.get(word) ?? word);
}

const THE = comparableText('the');

/**
 * The tokens of a company's name that identify it: a leading "the" and trailing legal forms are
 * gone (repeatedly: "Acme Holdings Co., Ltd." is "acme holdings"), but never the last word, so a
 * company called "The Company" keeps a name.
 */
export function companyNameTokens(name: string): string[] {
  const tokens = words(name);
  if (tokens.length > 1 && tokens[0] === THE) tokens.shift();
  while (tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop();
  return tokens;
}

/**
 * The normalized company name ("acme wldgets" for "Acme Widgets, Inc.", see `comparableText`). A name made only of punctuation has no tokens;
 * it keeps its folded raw text so that it still equals itself and nothing else.
 */
export function normalizeCompanyName(name: string, tokens = companyNameTokens(name)): string {
  return tokens.length > 0 ? tokens.join(' ') : comparableText(name).replace(/\s+/g, ' ').trim();
}
