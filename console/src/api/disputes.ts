import { getJson, query, sendJson } from './client';
import type { AnswerOf, DisputeEvidence, DisputeGround, DisputeOutcome } from './types';

export const listDisputes = (csrf: string, status: 'open' | 'decided', cursor?: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'listDisputes'>>(csrf, `/disputes${query({ status, limit: 100, cursor })}`, signal);

export const getDispute = (csrf: string, id: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'getDispute'>>(csrf, `/disputes/${encodeURIComponent(id)}`, signal);

export const openDispute = (
  csrf: string,
  registrationId: string,
  body: { ground: DisputeGround; statement: string; evidence: DisputeEvidence[] },
) =>
  sendJson<AnswerOf<'openDispute'>>(
    csrf,
    'POST',
    `/registrations/${encodeURIComponent(registrationId)}/disputes`,
    body,
  );

export const answerDispute = (csrf: string, id: string, body: { statement: string; evidence: DisputeEvidence[] }) =>
  sendJson<AnswerOf<'respondToDispute'>>(csrf, 'POST', `/disputes/${encodeURIComponent(id)}/response`, body);

export const decideDispute = (csrf: string, id: string, body: { outcome: DisputeOutcome; reason: string }) =>
  sendJson<AnswerOf<'decideDispute'>>(csrf, 'POST', `/disputes/${encodeURIComponent(id)}/decide`, body);

/** The deadline that matters now: the second review's once the first has passed. */
export const disputeDeadline = (dispute: { level: number; reviewDueAt?: string; secondReviewDueAt?: string }) =>
  (dispute.level >= 2 ? dispute.secondReviewDueAt : dispute.reviewDueAt) ?? '';
