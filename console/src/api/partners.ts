import { deleteJson, getJson, sendJson } from './client';
import type { AnswerOf, DistributorUpdate, NewApiKey, NewDistributor, NewReseller, ResellerUpdate } from './types';

export async function listPartners(csrf: string, signal?: AbortSignal) {
  const [resellers, distributors] = await Promise.all([
    getJson<AnswerOf<'listResellers'>>(csrf, '/resellers', signal),
    getJson<AnswerOf<'listDistributors'>>(csrf, '/distributors', signal),
  ]);
  return { resellers: resellers.items, distributors: distributors.items };
}

export const createDistributor = (csrf: string, body: NewDistributor) =>
  sendJson<AnswerOf<'createDistributor'>>(csrf, 'POST', '/distributors', body);

export const createReseller = (csrf: string, body: NewReseller) =>
  sendJson<AnswerOf<'createReseller'>>(csrf, 'POST', '/resellers', body);

export const listApiKeys = async (csrf: string, signal?: AbortSignal) =>
  (await getJson<AnswerOf<'listApiKeys'>>(csrf, '/api-keys', signal)).items;

/** The answer carries the key itself, this once: the console shows it and keeps it nowhere. */
export const createApiKey = (csrf: string, body: NewApiKey) =>
  sendJson<AnswerOf<'createApiKey'>>(csrf, 'POST', '/api-keys', body);

export const revokeApiKey = (csrf: string, keyId: string) =>
  deleteJson<AnswerOf<'revokeApiKey'>>(csrf, `/api-keys/${encodeURIComponent(keyId)}`);

export const updateDistributor = (csrf: string, id: string, body: DistributorUpdate) =>
  sendJson<AnswerOf<'updateDistributor'>>(csrf, 'PUT', `/distributors/${encodeURIComponent(id)}`, body);

export const updateReseller = (csrf: string, id: string, body: ResellerUpdate) =>
  sendJson<AnswerOf<'updateReseller'>>(csrf, 'PUT', `/resellers/${encodeURIComponent(id)}`, body);
