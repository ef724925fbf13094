import { deleteJson, getJson, sendJson } from './client';
import type {
  ApiKey,
  CreatedApiKey,
  Distributor,
  DistributorUpdate,
  NewApiKey,
  NewDistributor,
  NewReseller,
  Reseller,
  ResellerUpdate,
} from './types';

export async function listPartners(key: string, signal?: AbortSignal) {
  const [resellers, distributors] = await Promise.all([
    getJson<{ items: Reseller[] }>(key, '/resellers', signal),
    getJson<{ items: Distributor[] }>(key, '/distributors', signal),
  ]);
  return { resellers: resellers.items, distributors: distributors.items };
}

export const createDistributor = (key: string, body: NewDistributor) =>
  sendJson<Distributor>(key, 'POST', '/distributors', body);

export const createReseller = (key: string, body: NewReseller) => sendJson<Reseller>(key, 'POST', '/resellers', body);

export const listApiKeys = async (key: string, signal?: AbortSignal) =>
  (await getJson<{ items: ApiKey[] }>(key, '/api-keys', signal)).items;

/** The answer carries the key itself, this once: the console shows it and keeps it nowhere. */
export const createApiKey = (key: string, body: NewApiKey) => sendJson<CreatedApiKey>(key, 'POST', '/api-keys', body);

export const revokeApiKey = (key: string, keyId: string) =>
  deleteJson<ApiKey>(key, `/api-keys/${encodeURIComponent(keyId)}`);

export const updateDistributor = (key: string, id: string, body: DistributorUpdate) =>
  sendJson<Distributor>(key, 'PUT', `/distributors/${encodeURIComponent(id)}`, body);

export const updateReseller = (key: string, id: string, body: ResellerUpdate) =>
  sendJson<Reseller>(key, 'PUT', `/resellers/${encodeURIComponent(id)}`, body);
