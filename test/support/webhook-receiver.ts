import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from '../../db/partners';

/** Every partner's webhook endpoint on one local server: what arrived, by delivery id. */
export interface WebhookReceiver {
  /** Delivery ids received (the body's `id`), each with how many times it came. */
  received: Map<string, number>;
  /** Points every partner (and the channel managers) at this server. */
  register(webhookIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const id = String((JSON.parse(body) as { id?: string }).id);
      received.set(id, (received.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    async register(webhookIds) {
      const createdAt = new Date();
      await Webhook.insertMany(
        webhookIds.map((id) => ({ _id: id, url: `${url}/${id}`, secret: `secret-${id}`, createdAt })),
      );
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
