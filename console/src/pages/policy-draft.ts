import type { AllocationModel, Policy, PolicyDisputes, PolicyLimits, PolicyTiming, Route } from '../api/types';

/**
 * A policy as the form edits it: the API's Policy with every field optional, because a text from the
 * JSON view may leave fields to their defaults. The API checks it; the form only shapes it.
 */
export interface PolicyDraft {
  model?: AllocationModel;
  routes?: Route[];
  onWrongRoute?: Policy['onWrongRoute'];
  houseAccounts?: Policy['houseAccounts'];
  matching?: Partial<Policy['matching']>;
  timing?: Partial<Omit<PolicyTiming, 'extension'>> & { extension?: Partial<PolicyTiming['extension']> };
  limits?: PolicyLimits;
  disputes?: Partial<PolicyDisputes>;
}

export type DraftParse = { draft: PolicyDraft } | { error: string };

/** The JSON view's text as a draft, when it is a JSON object (anything else stays in the JSON view). */
export function draftOf(text: string): DraftParse {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { error: 'the policy must be a JSON object' };
    }
    return { draft: value as PolicyDraft };
  } catch (error) {
    return { error: (error as SyntaxError).message };
  }
}

export const draftText = (draft: PolicyDraft) => JSON.stringify(draft, null, 2);

/** An empty route for the model: it names what the model routes by, so that it can apply. */
export function newRoute(model: AllocationModel | undefined, distributorId: string | undefined): Route {
  return {
    when: model === 'partner-type' ? { partnerTypes: ['integrator'] } : { segments: ['commercial'] },
    distributors: distributorId ? [distributorId] : [],
  };
}

/** Values used anywhere in the policy's routes, offered again as suggestions. */
export const usedValues = (routes: readonly Route[], field: 'regions' | 'programs') =>
  [...new Set(routes.flatMap((route) => route.when[field] ?? []))].sort();
