import type { Customer } from '../registration';
import type { AccountRecord } from '../vendor/records';
import type { AccountMatch, AccountMatchBasis } from './match';
import { type AccountFacts, type DeclaredRouting, declarationDifferences, declaredRouting } from './routing-facts';

/** An account the customer may be (staff see it beside the registration; it routes nothing). */
export interface AccountCandidateView {
  accountId: string;
  name: string;
  basis: AccountMatchBasis;
  score: number;
}

/**
 * What a registration records of the vendor's account at its acceptance: the account matched with
 * certainty and the snapshot of its routing facts (routing then goes by them), what the reseller
 * declared instead (kept for staff), and the accounts it only may be (a similar name: for staff).
 */
export interface RegistrationAccount {
  accountId?: string;
  account?: AccountFacts;
  declared?: DeclaredRouting;
  accountCandidates?: AccountCandidateView[];
}

/** Staff read a few candidates, strongest first; more would only be the same name's namesakes. */
export const MAX_ACCOUNT_CANDIDATES = 5;

/**
 * The account fields of a registration from the look-up's match. `facts` are the matched account's
 * routing facts (required for a certain match: there is nothing to route by without them).
 */
export function registrationAccount(
  match: AccountMatch<Pick<AccountRecord, 'id' | 'name'>>,
  facts: AccountFacts | undefined,
  declaration: { customer: Pick<Customer, 'segment' | 'region'>; program?: string },
): RegistrationAccount {
  const candidates = (match.kind === 'certain' ? match.probable : match.kind === 'probable' ? match.candidates : [])
    .slice(0, MAX_ACCOUNT_CANDIDATES)
    .map((candidate) => ({
      accountId: candidate.account.id,
      name: candidate.account.name,
      basis: candidate.basis,
      score: candidate.score,
    }));
  const probable = candidates.length > 0 ? { accountCandidates: candidates } : {};
  if (match.kind !== 'certain' || !facts) return probable;
  return {
    accountId: match.account.id,
    account: facts,
    declared: declaredRouting(declaration.customer, declaration.program),
    ...probable,
  };
}

/** The declared fields that say something else than the account (empty without an account). */
export function declaredOtherwise(registration: Pick<RegistrationAccount, 'account' | 'declared'>) {
  if (!registration.account || !registration.declared) return [];
  return declarationDifferences(registration.declared, registration.account);
}

export type { DeclaredRouting };
