import { ApiError, getJson, request, sendJson } from './client';
import type { Policy, PolicyVersion, SimulationReport } from './types';

/** The policy in force, or undefined when none has been published yet (the API answers 404). */
export async function currentPolicy(key: string, signal?: AbortSignal): Promise<PolicyVersion | undefined> {
  try {
    return await getJson<PolicyVersion>(key, '/policy', signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

export const policyVersions = async (key: string, signal?: AbortSignal) =>
  (await getJson<{ versions: PolicyVersion[] }>(key, '/policy/versions', signal)).versions;

export const simulatePolicy = (key: string, policy: Policy) =>
  sendJson<SimulationReport>(key, 'POST', '/policy/simulate', { policy });

export const publishPolicy = (key: string, policy: Policy) => sendJson<PolicyVersion>(key, 'PUT', '/policy', policy);

/** The rules of engagement as the API renders them for partners (its HTML form). */
export async function policyGuideHtml(key: string, signal?: AbortSignal): Promise<string> {
  return (await request(key, '/policy/guide', { accept: 'text/html', signal })).text();
}
