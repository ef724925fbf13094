import {
  type CustomerComparison,
  type CustomerIdentity,
  compareIdentities,
  customerIdentity,
  differingIdentifiers,
} from '../matching';
import type { Policy } from '../policy/schema';
import type { ReasonCode } from '../registration';
import { type ProductScope, productScopeOf, sharedProducts } from './products';
import { type RegistrationRef, registrationRef } from './refs';
import { type EngineStep, traceStep } from './steps';
import type { DealMatch, DecisionOutcome, RegistrationFacts } from './types';

export interface DealVerdict {
  outcome: DecisionOutcome;
  reasonCode?: ReasonCode;
  matches: DealMatch[];
  ownRegistrationId?: string;
  steps: EngineStep[];
}

/** Only these hold a deal; anything else handed in by mistake is not weighed. */
const holdsDeal = (holder: RegistrationFacts) => holder.status === 'approved' || holder.status === 'escalated';

/** Sequence order, then id: the answer must not depend on the order the caller found holders in. */
const bySequence = (a: { sequence: number; id: string }, b: { sequence: number; id: string }) =>
  a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Weighed {
  match: DealMatch;
  ref: RegistrationRef;
}

/**
 * Two registrations matched to one vendor account are one customer, certainly, whatever identifier or
 * domain each gave; otherwise their customers are compared as typed. Different accounts do not make
 * them different customers: an identifier typed by a partner may be invented, so a name match still counts.
 */
function compareCustomers(
  subject: RegistrationFacts,
  subjectIdentity: CustomerIdentity,
  holder: RegistrationFacts,
  holderIdentity: CustomerIdentity,
  threshold: number,
): CustomerComparison {
  const account = subject.account?.accountId;
  if (account !== undefined && account === holder.account?.accountId) {
    const conflict = differingIdentifiers(subjectIdentity, holderIdentity)[0] ?? null;
    return { strength: 'certain', basis: 'account', score: 1, conflict };
  }
  return compareIdentities(subjectIdentity, holderIdentity, threshold);
}

function weigh(
  subject: RegistrationFacts,
  subjectIdentity: CustomerIdentity,
  holder: RegistrationFacts,
  threshold: number,
  scope: ProductScope,
): { step: EngineStep; weighed?: Weighed } {
  const holderIdentity = customerIdentity(holder.customer);
  const comparison = compareCustomers(subject, subjectIdentity, holder, holderIdentity, threshold);
  const products = sharedProducts(subject, holder, scope);
  const shared = products.lines;
  const ref = registrationRef(holder, subject);
  const inputs = {
    holder: ref,
    threshold,
    strength: comparison.strength,
    basis: comparison.basis,
    score: comparison.score,
    conflict: comparison.conflict,
    sharedProductLines: shared,
    // Only under the family scope, so that decisions by line serialize as they always did.
    ...(products.families && { productScope: scope, sharedProductFamilies: products.families }),
  };
  if (comparison.strength === 'none' || comparison.basis === null) {
    return { step: traceStep('deal.compare-customer', 'none', inputs) };
  }
  if (shared.length === 0) return { step: traceStep('deal.compare-customer', 'no-common-product', inputs) };
  const match: DealMatch = {
    registrationId: holder.id,
    resellerId: holder.resellerId,
    distributorId: holder.distributorId,
    sequence: holder.sequence,
    strength: comparison.strength,
    basis: comparison.basis,
    score: comparison.score,
    sharedProductLines: shared,
    ...(products.families && { sharedProductFamilies: products.families }),
  };
  const conflictingIdentifiers = differingIdentifiers(subjectIdentity, holderIdentity).map((kind) => ({
    kind,
    value: subjectIdentity.identifiers[kind] as string,
    holderValue: holderIdentity.identifiers[kind] as string,
  }));
  // Only when there is one, so that decisions without a conflict serialize as they always did.
  if (conflictingIdentifiers.length > 0) match.conflictingIdentifiers = conflictingIdentifiers;
  return { step: traceStep('deal.compare-customer', comparison.strength, inputs), weighed: { match, ref } };
}

/**
 * The deal check, once routing allows: first come, first served among the registrations that hold
 * the same deal. A certain match decides (the earliest holder is named); a probable one only
 * escalates, because names alone are not proof; nothing at all approves.
 */
export function evaluateDealCheck(
  subject: RegistrationFacts,
  holders: RegistrationFacts[],
  policy: Policy,
): DealVerdict {
  const subjectIdentity = customerIdentity(subject.customer);
  const threshold = policy.matching.nameSimilarity;
  const scope = productScopeOf(policy);
  const steps: EngineStep[] = [];
  const certain: Weighed[] = [];
  const probable: Weighed[] = [];
  const candidates = holders.filter((holder) => holder.id !== subject.id && holdsDeal(holder)).sort(bySequence);
  for (const holder of candidates) {
    const { step, weighed } = weigh(subject, subjectIdentity, holder, threshold, scope);
    steps.push(step);
    if (weighed?.match.strength === 'certain') certain.push(weighed);
    else if (weighed) probable.push(weighed);
  }

  const first = certain[0];
  const namedEntry = first ?? probable[0];
  const inputs = {
    subjectSequence: subject.sequence,
    holdersCompared: candidates.length,
    certain: certain.map((entry) => entry.ref),
    probable: probable.map((entry) => entry.ref),
    named: namedEntry?.ref ?? null,
    namedMatch: namedEntry
      ? {
          strength: namedEntry.match.strength,
          basis: namedEntry.match.basis,
          sharedProductLines: namedEntry.match.sharedProductLines,
          ...(namedEntry.match.sharedProductFamilies && {
            sharedProductFamilies: namedEntry.match.sharedProductFamilies,
          }),
        }
      : null,
  };
  if (first !== undefined) {
    steps.push(traceStep('deal.first-come', 'reject', inputs, true));
    const matches = certain.map((entry) => entry.match);
    if (first.ref.sameReseller) {
      return {
        outcome: 'reject',
        reasonCode: 'duplicate',
        matches,
        ownRegistrationId: first.match.registrationId,
        steps,
      };
    }
    return { outcome: 'reject', reasonCode: 'already-registered', matches, steps };
  }
  if (probable.length > 0) {
    steps.push(traceStep('deal.first-come', 'escalate', inputs, true));
    return { outcome: 'escalate', reasonCode: 'possible-duplicate', matches: probable.map((e) => e.match), steps };
  }
  steps.push(traceStep('deal.first-come', 'approve', inputs, true));
  return { outcome: 'approve', matches: [], steps };
}
