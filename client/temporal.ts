import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config/config';

/** A Temporal client for the API and the tools; the worker has its own native connection for polling. */
export async function connectTemporalClient(
  cfg: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
): Promise<Client> {
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS, connectTimeout: 10_000 });
  return new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE });
}
