import { ApiError, deleteJson, getJson, request, sendJson } from './client';
import type { AnswerOf, Policy, PolicyInForce, SimulationJob } from './types';

/** The policy in force, or undefined when none has been published yet (the API answers 404). */
export async function currentPolicy(csrf: string, signal?: AbortSignal): Promise<PolicyInForce | undefined> {
  try {
    return await getJson<AnswerOf<'getPolicy'>>(csrf, '/policy', signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

export const policyVersions = async (csrf: string, signal?: AbortSignal) =>
  (await getJson<AnswerOf<'listPolicyVersions'>>(csrf, '/policy/versions', signal)).versions;

const POLL_EVERY_MS = 1000;

/** Route the replay by the vendor's accounts as they are now, or as each registration recorded them. */
export type SimulationAccounts = 'now' | 'at-acceptance';

/**
 * Starts a simulation and polls it until it has ended, telling `onProgress` how far it got. The API
 * answers at once with a job (one runs at a time; a second is refused with 409) and stops it at its
 * time limit with a partial report.
 */
export async function simulatePolicy(
  csrf: string,
  policy: Policy,
  onProgress: (job: SimulationJob) => void = () => undefined,
  accounts: SimulationAccounts = 'now',
): Promise<SimulationJob> {
  let job = await sendJson<AnswerOf<'simulatePolicy'>>(csrf, 'POST', '/policy/simulate', { policy, accounts });
  while (job.status === 'running') {
    onProgress(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    job = await getJson<AnswerOf<'getSimulation'>>(csrf, `/policy/simulations/${encodeURIComponent(job.id)}`);
  }
  return job;
}

/** Publishes a new version, in force now or from `effectiveFrom` (an ISO instant, not in the past). */
export const publishPolicy = (csrf: string, policy: Policy, effectiveFrom?: string) =>
  sendJson<AnswerOf<'publishPolicy'>>(csrf, 'PUT', '/policy', effectiveFrom ? { ...policy, effectiveFrom } : policy);

/** Cancels the scheduled change; it stays listed as cancelled and never takes force. */
export const cancelUpcomingPolicy = (csrf: string) =>
  deleteJson<AnswerOf<'cancelUpcomingPolicy'>>(csrf, '/policy/upcoming');

/** The rules of engagement as the API renders them for partners (its HTML form). */
export async function policyGuideHtml(csrf: string, signal?: AbortSignal): Promise<string> {
  return (await request(csrf, '/policy/guide', { accept: 'text/html', signal })).text();
}
