import type { AllocationModel } from '../../domain/policy/schema';
import type { JsonClient } from '../load/http-client';
import { benchResellers, distributorIds, modelPolicies } from './partners';

const API = '/api/v1';

async function expectStatus(
  client: JsonClient,
  adminKey: string,
  method: string,
  path: string,
  body: unknown,
  wanted: number[],
): Promise<unknown> {
  const answer = await client.request(method, `${API}${path}`, body, { authorization: `Bearer ${adminKey}` });
  if (!wanted.includes(answer.status)) {
    throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** Distributors, resellers of every partner type and one key per reseller, through the admin API. */
export async function seedPartners(client: JsonClient, adminKey: string): Promise<Map<string, string>> {
  for (const id of distributorIds) {
    await expectStatus(client, adminKey, 'POST', '/distributors', { id, name: `Bench ${id}` }, [201]);
  }
  const keys = new Map<string, string>();
  for (const reseller of benchResellers) {
    await expectStatus(client, adminKey, 'POST', '/resellers', { ...reseller, name: `Bench ${reseller.id}` }, [201]);
    const created = (await expectStatus(
      client,
      adminKey,
      'POST',
      '/api-keys',
      { role: 'reseller', resellerId: reseller.id, label: 'bench' },
      [201],
    )) as { key: string };
    keys.set(reseller.id, created.key);
  }
  return keys;
}

/** Publishes the model's policy; registrations submitted from now on are decided under it. */
export async function publishModelPolicy(client: JsonClient, adminKey: string, model: AllocationModel): Promise<void> {
  await expectStatus(client, adminKey, 'PUT', '/policy', modelPolicies[model], [200, 201]);
}
