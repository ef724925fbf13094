import http from 'node:http';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * A keep-alive JSON client on node:http: the load generator shares the two cores with what it
 * measures, so it should cost as little as possible per request (fetch costs noticeably more).
 */
export class JsonClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  /** A caller gives up after `timeoutMs`; an overloaded API then shows as failures, not as a hung benchmark. */
  constructor(
    baseUrl: string,
    maxSockets: number,
    private readonly timeoutMs = 60_000,
  ) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /**
   * A request that met a kept-alive socket the server closed while idle (ECONNRESET on a reused socket, the
   * race Node's http documentation describes) is sent once more on a fresh one: the benchmark's requests
   * are reads, or submissions with an Idempotency-Key, so a repeat is safe.
   */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    try {
      return await this.send(method, path, body, headers);
    } catch (error) {
      if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
      return this.send(method, path, body, headers);
    }
  }

  private send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers: {
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            if ((res.headers['content-type'] ?? '').includes('json') && text) parsed = JSON.parse(text);
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer within ${this.timeoutMs / 1000} s`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const closedWhileIdle = req.reusedSocket && error.code === 'ECONNRESET';
        reject(closedWhileIdle ? Object.assign(error, { reusedSocket: true }) : error);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
