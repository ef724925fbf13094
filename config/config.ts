import path from 'node:path';
import { z } from 'zod';
import { crashPoints } from './crash-points';

/**
 * The whole runtime configuration, read once from the environment.
 * Every process (API, worker, scripts) builds it the same way so that they agree on
 * where Temporal and MongoDB are and which task queue they share.
 */
const port = z.coerce.number().int().min(0).max(65535);
/**
 * A rough guess at a key's strength in bits: its length times the Shannon entropy of its own characters,
 * not counting characters that continue a run such as "abcd" or "4321" (those add next to nothing).
 */
export function estimatedEntropyBits(key: string): number {
  const counts = new Map<string, number>();
  for (const char of key) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / key.length) * Math.log2(count / key.length);
  let runs = 0;
  for (let i = 1; i < key.length; i += 1) {
    if (Math.abs(key.charCodeAt(i) - key.charCodeAt(i - 1)) <= 1) runs += 1;
  }
  return perChar * (key.length - runs);
}
export const MIN_ADMIN_KEY_BITS = 90;

/** A key is sent as `Bearer <key>`: the characters of the API's own keys, and nothing a header could mangle. */
const adminKeySchema = z
  .string()
  .min(24, 'must be at least 24 characters')
  .max(200, 'must be at most 200 characters')
  .regex(
    /^[A-Za-z0-9._~+/=-]+$/,
    'may hold only letters, digits and . _ ~ + / = - (no whitespace, control or other characters)',
  )
  .refine((key) => estimatedEntropyBits(key) >= MIN_ADMIN_KEY_BITS, {
    message: `is too predictable (repeated or few distinct characters); use at least 32 random characters, such as the output of "openssl rand -base64 32"`,
  });

const trustProxySchema = z.union([z.boolean(), z.string()]).transform((value, ctx): false | number | string[] => {
  if (value === false || value === 'false' || value === '') return false;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (value === true || value === 'true') {
    ctx.addIssue({
      code: 'custom',
      message: 'true would trust any X-Forwarded-For; give the number of proxy hops or their addresses',
    });
    return z.NEVER;
  }
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
});
/**
 * Key material given as text: hex (64 or more hex digits) or base64/base64url, decoding to at least
 * 32 bytes. Hex is tried first, so a hex key is never misread as base64.
 */
export function decodeKeyText(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^(?:[0-9a-f]{2})+$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return Buffer.from(trimmed, 'base64');
  return undefined;
}
export const MIN_AUDIT_KEY_BYTES = 32;
const auditKeySchema = z.string().refine((text) => (decodeKeyText(text)?.length ?? 0) >= MIN_AUDIT_KEY_BYTES, {
  message: `must be hex or base64 of at least ${MIN_AUDIT_KEY_BYTES} random bytes, such as the output of "openssl rand -base64 32"`,
});

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const configFields = z.object({
  /** host:port of the Temporal frontend (gRPC). */
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'must be host:port, for example 127.0.0.1:7233')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dealreg'),
  /** Base URL of the Temporal Web UI, used for links that auditors follow. */
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// connection string')
    .default('mongodb://127.0.0.1:27017/dealreg'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** Public base URL of the API, printed and used in links; defaults to http://API_HOST:API_PORT. */
  API_PUBLIC_URL: z.url().optional(),
  /** Bootstrap admin key. Must be long and random enough that guessing it is hopeless. */
  DEALREG_ADMIN_KEY: adminKeySchema.optional(),
  LOG_LEVEL: logLevel.default('info'),
  /** Requests a single API key may make per minute before it is answered 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Requests per minute and client address to the routes outside /api/v1 (health, metrics, console). */
  RATE_LIMIT_ROOT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Failed authentications per minute after which a client address is refused before its key is looked up. */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** A Redis shared by every API process for the rate limit counts; without it each process counts alone. */
  RATE_LIMIT_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
    .optional(),
  /**
   * Which proxies in front of the API may say who the client is (X-Forwarded-For): `false` (the default:
   * the connection's address counts, so a client cannot invent addresses), a number of proxy hops, or a
   * comma-separated list of proxy addresses or subnets (`loopback`, `10.0.0.0/8`), as Express's `trust proxy`.
   */
  TRUST_PROXY: trustProxySchema.default(false),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 64kb')
    .default('64kb'),
  /**
   * A scraper that presents it (`Authorization: Bearer <token>`) gets the program's own figures on the
   * API's `/metrics` too (registrations by status, open escalations, submissions); anyone else gets
   * process and request figures only. Unset: nobody gets them there.
   */
  METRICS_TOKEN: adminKeySchema.optional(),
  /**
   * Port of the worker's Prometheus `/metrics` (worker/metrics.ts); 0, the default, serves none, so that
   * several workers on one host do not collide. `npm start` sets 9464.
   */
  WORKER_METRICS_PORT: port.default(0),
  /**
   * Where the Temporal SDK's own exporter listens (127.0.0.1 only): the worker's `/metrics` appends its
   * text. Defaults to WORKER_METRICS_PORT + 1; used only when WORKER_METRICS_PORT is set.
   */
  WORKER_TEMPORAL_METRICS_PORT: port.optional(),
  /** The address the worker's `/metrics` listens on. */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * How long `POST /registrations` waits for its workflow to store the registration before answering 503
   * (the workflow goes on: a repeat with the same Idempotency-Key gets the registration once stored).
   */
  SUBMISSION_ACCEPTANCE_WAIT_MS: z.coerce.number().int().positive().default(5000),
  /** How often the outbox dispatcher looks for due webhook deliveries. */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Requests in flight to one partner's endpoint at once: a slow endpoint holds no more than these. */
  WEBHOOK_CONCURRENCY_PER_ENDPOINT: z.coerce.number().int().positive().default(4),
  /** Endpoints one dispatcher (worker process) serves at once; the others wait for a free slot or another worker. */
  WEBHOOK_ENDPOINTS_PER_DISPATCHER: z.coerce.number().int().positive().default(32),
  /** How long a failing delivery is retried, from when it was queued (or redelivered), before it is abandoned. */
  WEBHOOK_RETRY_WINDOW_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600 * 1000),
  /** The longest wait between two attempts of one delivery (the exponential backoff stops growing there). */
  WEBHOOK_MAX_BACKOFF_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(3600 * 1000),
  /**
   * Lets webhooks use http and reach loopback, private and other local addresses. For development and
   * tests only: in a deployment it would let any partner's key make the worker call inside its network.
   */
  DEALREG_WEBHOOKS_ALLOW_LOCAL: z.stringbool().default(false),
  /**
   * The audit key: signs every decision and the global audit log, and (derived) encrypts webhook
   * secrets. It must not live in the database, or a database writer could re-sign what it rewrites.
   */
  DEALREG_AUDIT_KEY: auditKeySchema.optional(),
  /**
   * For auditors: the audit key's public half (base64 of its SPKI DER form, as `npm run audit --
   * --public-key` prints it). With it and no audit key, `npm run audit` verifies but cannot checkpoint.
   */
  DEALREG_AUDIT_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 (npm run audit -- --public-key prints it)')
    .optional(),
  /** A file holding the audit key (same text forms), read when DEALREG_AUDIT_KEY is not set. */
  DEALREG_AUDIT_KEY_FILE: z.string().min(1).optional(),
  /**
   * This deployment's local files: the development audit key `npm start` creates (`audit.key`, used
   * when neither setting above is given) and, by default, the audit checkpoints. Defaults to .data/dev.
   */
  DEALREG_DATA_DIR: z
    .string()
    .min(1)
    .default(path.resolve(__dirname, '..', '.data', 'dev')),
  /** Where `npm run audit -- --checkpoint` writes checkpoints: outside the database. Defaults to <data>/audit-checkpoints. */
  DEALREG_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /**
   * Where mail to people goes: `smtp://host:port`, `smtps://user:password@host:465` (nodemailer's URL
   * form). Unset: mail is queued and kept, and sent once a worker runs with it set. `npm start` points
   * it at its local mail catcher.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The From of every mail. */
  MAIL_FROM: z.string().min(3).default('dealreg <dealreg@localhost>'),
  /** How often the mail dispatcher looks for mail to send and digests that are due. */
  MAIL_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** One SMTP exchange (connect, greeting, each command) may take this long before it counts as failed. */
  MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Mails sent at once by one dispatcher. */
  MAIL_CONCURRENCY: z.coerce.number().int().positive().max(50).default(4),
  /** How long a failing mail is retried (jittered backoff) before it is abandoned. */
  MAIL_RETRY_WINDOW_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600 * 1000),
  /** Failed sign-ins per client address in 15 minutes before that address is answered 429. */
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  /** Failed sign-ins per email address in 15 minutes (known or not) before that address is answered 429. */
  SIGN_IN_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  /** A policy simulation stops reading after this long and reports what it read, marked partial. */
  SIMULATION_TIME_LIMIT_MS: z.coerce.number().int().positive().max(3_600_000).default(120_000),
  /**
   * The simulation thread's nice value (0 to 19; Linux, where each thread has its own): when the API's
   * requests and the replay want the same cores, the requests come first. 0 leaves it as the process.
   */
  SIMULATION_THREAD_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** The largest CSV file an import accepts (`POST /accounts/import`), in megabytes; it is stored as it arrives. */
  IMPORT_MAX_MB: z.coerce.number().int().positive().max(10_000).default(200),
  /** `test` (as jest sets it) lets the test-only switch below be honoured; nothing else reads it. */
  NODE_ENV: z.string().optional(),
  /**
   * Test only: comma-separated points (config/crash-points.ts) where this process kills itself with
   * SIGKILL, once per point per DEALREG_CRASH_ONCE_DIR. A process refuses to start with it unless NODE_ENV=test.
   */
  DEALREG_CRASH_AT: z
    .string()
    .refine((text) => text.split(',').every((point) => (crashPoints as readonly string[]).includes(point.trim())), {
      message: `must name crash points, comma-separated: ${crashPoints.join(', ')}`,
    })
    .optional(),
  /** Test only: where each crash point marks that it fired, so that a restarted process goes past it. */
  DEALREG_CRASH_ONCE_DIR: z.string().min(1).optional(),
});

/** The variables, and the checks across them. */
export const configSchema = configFields.superRefine((cfg, ctx) => {
  if (cfg.DEALREG_CRASH_AT !== undefined && cfg.NODE_ENV !== 'test') {
    ctx.addIssue({
      code: 'custom',
      path: ['DEALREG_CRASH_AT'],
      message: `is a test-only switch that kills this process; it is refused unless NODE_ENV=test (NODE_ENV is ${cfg.NODE_ENV ?? 'unset'}): unset DEALREG_CRASH_AT`,
    });
  } else if (cfg.DEALREG_CRASH_AT !== undefined && cfg.DEALREG_CRASH_ONCE_DIR === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['DEALREG_CRASH_ONCE_DIR'],
      message:
        'is needed with DEALREG_CRASH_AT: each point marks there that it fired, so that a restarted process goes past it',
    });
  }
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError that lists every bad variable at once. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}

let cached: Config | undefined;

/**
 * The configuration of this process. An invalid environment ends the process with one
 * message naming every bad variable: starting half-configured would fail later and less clearly.
 */
export function config(): Config {
  if (cached) return cached;
  try {
    cached = parseConfig();
    return cached;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`dealreg: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export function apiPublicUrl(cfg: Config): string {
  return cfg.API_PUBLIC_URL ?? `http://${cfg.API_HOST === '0.0.0.0' ? '127.0.0.1' : cfg.API_HOST}:${cfg.API_PORT}`;
}

/** Where the audit key is read from when DEALREG_AUDIT_KEY is not set. */
export const auditKeyFile = (cfg: Config): string =>
  cfg.DEALREG_AUDIT_KEY_FILE ?? path.join(cfg.DEALREG_DATA_DIR, 'audit.key');

/** The console's base URL, for links in mail. */
export const consolePublicUrl = (cfg: Config): string => `${apiPublicUrl(cfg).replace(/\/+$/, '')}/console`;

export const auditCheckpointDir = (cfg: Config): string =>
  cfg.DEALREG_AUDIT_CHECKPOINT_DIR ?? path.join(cfg.DEALREG_DATA_DIR, 'audit-checkpoints');
