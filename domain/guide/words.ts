import { parse as parseIsoDuration } from 'tinyduration';
import type { RouteCondition } from '../policy/schema';
import type { PartnerType, Segment } from '../registration';

/** Plain words for the policy's codes, as partners read them. */
export const SEGMENT_WORDS: Record<Segment, string> = {
  'federal-civilian': 'Federal civilian',
  'federal-dod': 'Federal DoD',
  'state-local': 'State and local government',
  education: 'Education',
  commercial: 'Commercial',
};

export const PARTNER_TYPE_WORDS: Record<PartnerType, string> = {
  integrator: 'integrators',
  var: 'VARs (value-added resellers)',
  boutique: 'boutiques',
};

/** "a", "a or b", "a, b or c" */
export function either(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a", "a and b", "a, b and c" */
export function both(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** An ISO 8601 duration in the units it was written in: "P90D" is "90 days", "PT48H" "48 hours". */
export function durationInWords(iso: string): string {
  const parsed = parseIsoDuration(iso);
  const parts: [number | undefined, string][] = [
    [parsed.years, 'year'],
    [parsed.months, 'month'],
    [parsed.weeks, 'week'],
    [parsed.days, 'day'],
    [parsed.hours, 'hour'],
    [parsed.minutes, 'minute'],
    [parsed.seconds, 'second'],
  ];
  const words = parts
    .filter(([count]) => count !== undefined && count > 0)
    .map(([count, unit]) => plural(count!, unit));
  return words.length > 0 ? both(words) : 'no time';
}

/** "once", "twice", "3 times" */
export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/**
 * Who a route is about, as the subject of a sentence: "Federal DoD customers in the east region",
 * "Registrations by integrators under the SEWP V program".
 */
export function routeSubject(when: RouteCondition): string {
  const regions = when.regions && ` in the ${either(when.regions)} ${when.regions.length > 1 ? 'regions' : 'region'}`;
  const byType = when.partnerTypes && `by ${either(when.partnerTypes.map((type) => PARTNER_TYPE_WORDS[type]))}`;
  const programs =
    when.programs && ` under the ${either(when.programs)} ${when.programs.length > 1 ? 'programs' : 'program'}`;
  if (when.segments) {
    const segments = either(when.segments.map((segment, index) => lowerAfterFirst(SEGMENT_WORDS[segment], index)));
    return `${segments} customers${regions ?? ''}${byType ? `, registered ${byType}` : ''}${programs ? `,${programs}` : ''}`;
  }
  return `Registrations${regions ? ` for customers${regions}` : ''}${byType ? ` ${byType}` : ''}${programs ?? ''}`;
}

/** "Federal DoD or education", keeping proper words ("DoD") as they are. */
function lowerAfterFirst(word: string, index: number): string {
  return index === 0 ? word : word.charAt(0).toLowerCase() + word.slice(1);
}
