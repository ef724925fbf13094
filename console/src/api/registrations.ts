import { getJson, query, sendJson } from './client';
import type { AnswerOf, Registration, TransferRequest } from './types';

export interface RegistrationFilters {
  status?: string;
  resellerId?: string;
  distributorId?: string;
  /** Text in the customer's name or domain, or the opportunity's title. */
  q?: string;
  /** Submitted on or after / on or before these UTC days (YYYY-MM-DD). */
  submittedFrom?: string;
  submittedTo?: string;
}

export const searchRegistrations = (
  csrf: string,
  filters: RegistrationFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = 50,
) => getJson<AnswerOf<'listRegistrations'>>(csrf, `/registrations${query({ ...filters, limit, cursor })}`, signal);

/** An export stops here rather than pulling an unbounded amount into the browser. */
export const MAX_EXPORT = 10_000;

/** Every registration matching the filters (up to MAX_EXPORT), for an export. */
export async function allRegistrations(
  csrf: string,
  filters: RegistrationFilters,
): Promise<{ items: Registration[]; truncated: boolean }> {
  const items: Registration[] = [];
  let cursor: string | undefined;
  while (items.length < MAX_EXPORT) {
    const page = await searchRegistrations(csrf, filters, cursor, undefined, 200);
    items.push(...page.items);
    if (!page.nextCursor) return { items, truncated: false };
    cursor = page.nextCursor;
  }
  return { items: items.slice(0, MAX_EXPORT), truncated: true };
}

export const getRegistration = (csrf: string, id: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'getRegistration'>>(csrf, `/registrations/${encodeURIComponent(id)}`, signal);

export const getHistory = (csrf: string, id: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'registrationHistory'>>(csrf, `/registrations/${encodeURIComponent(id)}/history`, signal);

/**
 * The registration's workflow in the Temporal Web UI. The workflow id is `registration-<id>`
 * (docs/DESIGN.md, Workflows); the UI's base URL and namespace come from `GET /me`.
 */
export function temporalWorkflowUrl(base: string, namespace: string, registrationId: string): string {
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(`registration-${registrationId}`)}`;
}

/** A channel manager moves an approved registration's deal to another partner (answers both registrations). */
export const transferRegistration = (csrf: string, id: string, body: TransferRequest) =>
  sendJson<AnswerOf<'transferRegistration'>>(csrf, 'POST', `/registrations/${encodeURIComponent(id)}/transfer`, body);

export const revokeRegistration = (csrf: string, id: string, reason: string) =>
  sendJson<AnswerOf<'revokeRegistration'>>(csrf, 'POST', `/registrations/${encodeURIComponent(id)}/revoke`, {
    reason,
  });
