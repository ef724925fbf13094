import { houseAccountSeller } from '../accounts/routing-facts';
import type { Policy } from '../policy/schema';
import { type EngineStep, traceStep } from './steps';
import type { RegistrationFacts } from './types';

export type HouseAccountVerdict =
  | { kind: 'allowed'; steps: EngineStep[] }
  | { kind: 'stopped'; outcome: 'reject' | 'escalate'; steps: EngineStep[] };

/**
 * A partner's registration on a vendor seller's house account meets the policy's `houseAccounts` rule
 * before anything else: `reject` and `escalate` stop it (reason `house-account`); `allow-and-notify`
 * lets it on (the seller is told by the lifecycle, not here). Any other customer passes without a step,
 * so its trace is what it always was.
 */
export function evaluateHouseAccount(policy: Policy, subject: RegistrationFacts): HouseAccountVerdict {
  const sellerId = houseAccountSeller(subject.account);
  if (sellerId === undefined || !subject.account) return { kind: 'allowed', steps: [] };
  const rule = policy.houseAccounts;
  const inputs = { accountId: subject.account.accountId, sellerId, houseAccounts: rule };
  if (rule === 'allow-and-notify') return { kind: 'allowed', steps: [traceStep('house-account', 'allow', inputs)] };
  return { kind: 'stopped', outcome: rule, steps: [traceStep('house-account', rule, inputs, true)] };
}
