import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Config } from '../config/config';
import { countTemporalRpcs } from '../services/temporal-rpc-count';

/**
 * The API retries an unavailable Temporal only briefly (about a second) and then answers 503 with
 * Retry-After: a caller waiting twenty seconds behind the client's default retries is worse off
 * than one told to come back. Tools and the worker keep the default, patient retries.
 */
export const apiGrpcRetry = () =>
  makeGrpcRetryInterceptor(
    defaultGrpcRetryOptions({ maxAttempts: 4, initialIntervalMs: () => 100, maxIntervalMs: () => 500 }),
  );

export async function connectApiTemporalClient(
  cfg: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
): Promise<Client> {
  const connection = await Connection.connect({
    address: cfg.TEMPORAL_ADDRESS,
    connectTimeout: 10_000,
    // Counting after the retries: each attempt is a round trip (dealreg_temporal_rpcs_total on /metrics).
    interceptors: [apiGrpcRetry(), countTemporalRpcs],
  });
  return new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE });
}
