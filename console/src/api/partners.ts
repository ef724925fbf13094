import { deleteJson, getJson, sendJson } from './client';
import type { AnswerOf, DistributorUpdate, NewApiKey, NewDistributor, NewReseller, ResellerUpdate } from './types';

export async function listPartners(key: string, signal?: AbortSignal) {
  const [resellers, distributors] = await Promise.all([
    getJson<AnswerOf<'listResellers'>>(key, '/resellers', signal),
    getJson<AnswerOf<'listDistributors'>>(key, '/distributors', signal),
  ]);
  return { resellers: resellers.items, distributors: distributors.items };
}

export const createDistributor = (key: string, body: NewDistributor) =>
  sendJson<AnswerOf<'createDistributor'>>(key, 'POST', '/distributors', body);

export const createReseller = (key: string, body: NewReseller) =>
  sendJson<AnswerOf<'createReseller'>>(key, 'POST', '/resellers', body);

export const listApiKeys = async (key: string, signal?: AbortSignal) =>
  (await getJson<AnswerOf<'listApiKeys'>>(key, '/api-keys', signal)).items;

/** The answer carries the key itself, this once: the console shows it and keeps it nowhere. */
export const createApiKey = (key: string, body: NewApiKey) =>
  sendJson<AnswerOf<'createApiKey'>>(key, 'POST', '/api-keys', body);

export const revokeApiKey = (key: string, keyId: string) =>
  deleteJson<AnswerOf<'revokeApiKey'>>(key, `/api-keys/${encodeURIComponent(keyId)}`);

export const updateDistributor = (key: string, id: string, body: DistributorUpdate) =>
  sendJson<AnswerOf<'updateDistributor'>>(key, 'PUT', `/distributors/${encodeURIComponent(id)}`, body);

export const updateReseller = (key: string, id: string, body: ResellerUpdate) =>
  sendJson<AnswerOf<'updateReseller'>>(key, 'PUT', `/resellers/${encodeURIComponent(id)}`, body);
