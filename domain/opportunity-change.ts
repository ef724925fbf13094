import type { Customer, Opportunity, OpportunityChange } from './registration';

/** The text staff searches find a registration by: its customer's name and domain and its title. */
export function registrationSearchText(
  customer: Pick<Customer, 'name' | 'domain'>,
  opportunity: Pick<Opportunity, 'title'>,
) {
  return [customer.name, customer.domain, opportunity.title].filter(Boolean).join(' ').toLowerCase();
}

/** What a change does to an opportunity: the fields that differ, before and after, and the lines it adds and removes. */
export interface OpportunityDiff {
  before: Partial<Opportunity>;
  after: Partial<Opportunity>;
  added: string[];
  removed: string[];
  /** The whole opportunity after the change. */
  opportunity: Opportunity;
}

/** Pure: a field counts as changed only when its value differs (product lines as a set). */
export function diffOpportunity(current: Opportunity, change: OpportunityChange): OpportunityDiff {
  const opportunity: Opportunity = { ...current, ...change };
  const before: Partial<Opportunity> = {};
  const after: Partial<Opportunity> = {};
  const added = opportunity.productLines.filter((line) => !current.productLines.includes(line));
  const removed = current.productLines.filter((line) => !opportunity.productLines.includes(line));
  for (const field of Object.keys(change) as Array<keyof Opportunity>) {
    const same =
      field === 'productLines'
        ? added.length === 0 && removed.length === 0
        : JSON.stringify(current[field]) === JSON.stringify(change[field]);
    if (same) continue;
    Object.assign(before, current[field] === undefined ? {} : { [field]: current[field] });
    Object.assign(after, { [field]: change[field] });
  }
  return { before, after, added, removed, opportunity };
}

/** The sequence that places a registration's product line in first come, first served: the line's own, if a change added it. */
export function lineSequence(
  registration: { sequence?: number; lineSequences?: Record<string, number> },
  line: string,
): number {
  return registration.lineSequences?.[line] ?? registration.sequence ?? Number.MAX_SAFE_INTEGER;
}
