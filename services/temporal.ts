import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Config } from '../config/config';
import { countTemporalRpcs } from './temporal-rpc-count';

/** A Temporal client for the API and the tools; the worker has its own native connection for polling. */
export async function connectTemporalClient(
  cfg: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
): Promise<Client> {
  const connection = await Connection.connect({
    address: cfg.TEMPORAL_ADDRESS,
    connectTimeout: 10_000,
    // Given interceptors replace the default retries, so those come first, then the count of each attempt
    // (dealreg_temporal_rpcs_total on /metrics; the worker's polling goes through its native connection).
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), countTemporalRpcs],
  });
  return new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE });
}
