import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import { registerRoundTripCounters } from '../config/round-trip-metrics';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** GET /metrics for a worker process: Node's process metrics and its round trips to the database and Temporal. */
export async function startWorkerMetricsServer(host: string, port: number): Promise<MetricsServer> {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'dealreg_worker_' });
  registerRoundTripCounters(registry);
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
