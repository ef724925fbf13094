import { foldText } from '../accounts/routing-facts';
import { sharedProductLines } from '../matching';
import type { Policy } from '../policy/schema';
import type { RegistrationFacts } from './types';

export type ProductScope = 'line' | 'family';

/** Stored policies from before `productScope` existed compare by line, as they always did. */
export const productScopeOf = (policy: Policy): ProductScope => policy.matching.productScope ?? 'line';

export interface SharedProducts {
  /** The subject's product lines the two registrations have in common (by line, or by their family). */
  lines: string[];
  /** Under the family scope: the families both name. */
  families?: string[];
}

const normalizeLine = (line: string) => line.trim().toLowerCase();

/** A line's family in the catalogue, or the line itself when the catalogue does not know it. */
function familyKey(line: string, families: Record<string, string> | undefined): string {
  const family = families?.[normalizeLine(line)];
  return family === undefined ? `line:${normalizeLine(line)}` : `family:${foldText(family)}`;
}

/**
 * What two registrations share of their products. By line (the default), the same product line; by
 * family, any lines of one family ("array-x" and "array-y" are both "Storage"), a line the catalogue
 * does not know still counting as itself.
 */
export function sharedProducts(
  subject: Pick<RegistrationFacts, 'productLines' | 'productFamilies'>,
  holder: Pick<RegistrationFacts, 'productLines' | 'productFamilies'>,
  scope: ProductScope,
): SharedProducts {
  if (scope === 'line') return { lines: sharedProductLines(subject.productLines, holder.productLines) };
  const theirs = new Set(holder.productLines.map((line) => familyKey(line, holder.productFamilies)));
  const lines = [...new Set(subject.productLines.map(normalizeLine))]
    .filter((line) => theirs.has(familyKey(line, subject.productFamilies)))
    .sort();
  const families = [
    ...new Set(
      lines.flatMap((line) => {
        const family = subject.productFamilies?.[line];
        return family === undefined ? [] : [family];
      }),
    ),
  ].sort();
  return { lines, families };
}
