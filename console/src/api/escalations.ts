import { getJson, query, sendJson } from './client';
import type { AnswerOf, Escalation, ResolutionRequest } from './types';

/** Enough for any real queue; a longer one says so rather than loading without end. */
const MAX_PAGES = 10;

export interface EscalationList {
  items: Escalation[];
  /** True when there were more than MAX_PAGES pages: the list is not complete. */
  truncated: boolean;
}

/** Every escalation of a status, following the API's cursor. */
export async function listEscalations(
  csrf: string,
  status: 'open' | 'resolved',
  signal?: AbortSignal,
): Promise<EscalationList> {
  const items: Escalation[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await getJson<AnswerOf<'listEscalations'>>(
      csrf,
      `/escalations${query({ status, limit: 200, cursor })}`,
      signal,
    );
    items.push(...answer.items);
    if (!answer.nextCursor) return { items, truncated: false };
    cursor = answer.nextCursor;
  }
  return { items, truncated: true };
}

export const getEscalation = (csrf: string, id: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'getEscalation'>>(csrf, `/escalations/${encodeURIComponent(id)}`, signal);

export const resolveEscalation = (csrf: string, id: string, body: ResolutionRequest) =>
  sendJson<AnswerOf<'resolveEscalation'>>(csrf, 'POST', `/escalations/${encodeURIComponent(id)}/resolve`, body);

/** The deadline that matters now: the second review's once the first has passed. */
export const currentDeadline = (escalation: Escalation) =>
  escalation.level >= 2 ? escalation.secondReviewDueAt : escalation.reviewDueAt;

/** Soonest deadline first: what a channel manager should look at next is at the top. */
export const bySoonestDeadline = (a: Escalation, b: Escalation) =>
  new Date(currentDeadline(a)).getTime() - new Date(currentDeadline(b)).getTime();

/** The customer an escalation is about, as the first registration it weighs names it. */
export const customerOf = (escalation: Escalation) =>
  escalation.contenders.find((c) => c.role === 'contender')?.customer?.name ??
  escalation.contenders[0]?.customer?.name ??
  escalation.id;
