import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { judgeWebhookTarget, type ResolvedAddress, type TargetPolicy } from './target-policy';

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What a partner's endpoint may send back is read and thrown away up to this size; beyond it, cut off. */
const RESPONSE_DRAIN_LIMIT = 64 * 1024;

/**
 * A `lookup` for the socket that answers the addresses already judged, and never asks DNS again: a name
 * that answers a public address to the check and 127.0.0.1 to the connection (DNS rebinding) still
 * reaches only the public address. TLS SNI and the Host header stay the URL's host name.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error('no judged address of the wanted family'), { code: 'ENOTFOUND' }), '', 4);
    } else if (options.all) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, usable[0]!.address, usable[0]!.family);
    }
  };
}

/** Reads the body to its end (the partner's answer is not used) or cancels it when it is too long. */
function drain(response: http.IncomingMessage): void {
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > RESPONSE_DRAIN_LIMIT) response.destroy();
  });
  response.on('error', () => {}); // a body cut off after the status arrived changes nothing
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * POSTs one webhook delivery: judges the target again (the URL was judged when registered, but DNS may
 * have changed), connects only to the judged addresses, follows no redirect (a 3xx fails the delivery)
 * and drains or cancels the response body. Answers undefined when delivered, else why not.
 */
export async function postWebhook(post: WebhookPost, policy: TargetPolicy): Promise<string | undefined> {
  const signal = AbortSignal.timeout(post.timeoutMs);
  const judged = await judgeWebhookTarget(post.url, policy, post.timeoutMs);
  if (judged.verdict !== 'allowed') return `target refused: ${judged.reason}`;
  const transport = judged.url.protocol === 'https:' ? https : http;
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const request = transport.request(judged.url, {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        // A fresh connection each time: a pooled socket would skip the judged lookup.
        agent: false,
        lookup: pinnedLookup(judged.addresses),
        signal,
      });
      request.on('response', (response) => {
        drain(response);
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(post.body);
    });
    if (status >= 200 && status < 300) return undefined;
    if (status >= 300 && status < 400) return `HTTP ${status} (redirects are not followed)`;
    return `HTTP ${status}`;
  } catch (error) {
    return describe(error);
  }
}
