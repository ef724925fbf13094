import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';

export interface RunningServer {
  server: Server;
  port: number;
  /**
   * Stops taking connections and resolves once every request in flight has been answered. Idle
   * keep-alive connections close at once; requests still running after `graceMs` are cut.
   */
  shutdown(graceMs?: number): Promise<void>;
}

export function listen(app: Express, host: string, port: number, logger: Logger): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      let closing: Promise<void> | undefined;
      const shutdown = (graceMs = 25_000) => {
        closing ??= new Promise<void>((done, fail) => {
          const force = setTimeout(() => {
            logger.warn('requests still running after the grace period: closing their connections');
            server.closeAllConnections();
          }, graceMs);
          force.unref();
          server.close((error) => {
            clearTimeout(force);
            if (error) fail(error);
            else done();
          });
          server.closeIdleConnections();
        });
        return closing;
      };
      resolve({ server, port: (server.address() as AddressInfo).port, shutdown });
    });
  });
}
