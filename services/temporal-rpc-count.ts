import type { ConnectionOptions } from '@temporalio/client';

type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/** Temporal RPCs this process has sent, by method (StartWorkflowExecution, SignalWorkflowExecution...). */
const rpcCounts = new Map<string, number>();

/**
 * A gRPC interceptor that counts each call, retries included (place it after the retry interceptor),
 * and hands the call on untouched.
 */
export const countTemporalRpcs: GrpcInterceptor = (options, nextCall) => {
  const method = options.method_definition.path.split('/').at(-1) ?? 'unknown';
  rpcCounts.set(method, (rpcCounts.get(method) ?? 0) + 1);
  // The next call is an InterceptingCall at run time; grpc-js types it by its interface.
  return nextCall(options) as ReturnType<GrpcInterceptor>;
};

export function temporalRpcCounts(): ReadonlyMap<string, number> {
  return rpcCounts;
}
