import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { lookUpAccount } from '../../db/account-lookup';
import { connectDatabase, disconnectDatabase } from '../../db/connection';
import { freePort } from '../../scripts/dev-stack/processes';
import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { startChild, stopChild, waitForHttp, waitForLogLine } from '../infra/children';
import { type LatencySummary, summarize } from '../load/stats';
import { accountDomain, accountsCsv, accountUei, BENCH_DISTRIBUTOR, BENCH_PROGRAM } from './accounts-csv';

/**
 * The account import at scale: a generated file of `size` accounts sent to `POST /accounts/import` of an
 * API process while a worker process imports it, timed from the first byte sent to the job done, against
 * the goal (100,000 accounts within 5 minutes); then what an acceptance will pay to find a customer's
 * account among them (db/account-lookup.ts, by domain, by UEI, and by a name matching nothing).
 */
export const importGoals = { size: 100_000, maxSeconds: 300, acceptanceSlowdownMs: 1 } as const;

export interface ImportBenchOptions {
  size: number;
  /** The servers to run against: Temporal's frontend and a MongoDB or FerretDB (a database of its own is used). */
  temporalAddress: string;
  mongodbUri: string;
}

export interface ImportBenchResult {
  size: number;
  /** From the first byte sent to the 202: the file checked and stored. */
  uploadSeconds?: number;
  /** From the first byte sent to the job done. */
  totalSeconds?: number;
  job?: { status: string; rows: number; done: number; failed: number; created: number; unchanged: number };
  /** Finding a customer's account among them, as an acceptance will. */
  lookupMs?: AccountLookupLatencies;
  /**
   * The same look-ups before the import, with no account stored: the only part of an acceptance that the
   * accounts change (issue 23: a registration's acceptance no slower with 100,000 accounts stored).
   */
  lookupMsWithoutAccounts?: AccountLookupLatencies;
  skipped?: string;
}

const LOOKUPS = 100;

/**
 * The same customers, none of them an account, looked up by domain, by UEI and by a name alone: what any
 * acceptance pays whether or not accounts are stored; with accounts stored, `found` times customers that
 * are accounts too, whose look-up then reads the record and its programs (the routing by account itself).
 */
export interface AccountLookupLatencies {
  byDomain: LatencySummary;
  byUei: LatencySummary;
  nameOnly: LatencySummary;
  found?: { byDomain: LatencySummary; byUei: LatencySummary };
}

function databaseUri(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function api(url: string, key: string, method: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Streams the generated file into the import (never whole in memory); resolves with the job the API answers. */
function upload(url: string, key: string, size: number): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          response.statusCode === 202
            ? resolve(JSON.parse(text) as { id: string })
            : reject(new Error(`the import answered ${response.statusCode}: ${text}`)),
        );
      },
    );
    sent.on('error', reject);
    accountsCsv(size).pipe(sent);
  });
}

async function timed(samples: number[], work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  samples.push(performance.now() - started);
}

/** What an acceptance pays to find the account: in this process, on the same database. */
async function measureLookups(
  mongodbUri: string,
  size: number,
  accountsStored: boolean,
): Promise<AccountLookupLatencies> {
  await connectDatabase(mongodbUri);
  try {
    const random = seededRandom(5);
    const pick = () => Math.floor(random() * size);
    // Beyond the generated indexes: the same shapes of domain and UEI, never an account.
    const absent = (i: number) => size + 1 + i;
    const missed = { byDomain: [] as number[], byUei: [] as number[], nameOnly: [] as number[] };
    const found = { byDomain: [] as number[], byUei: [] as number[] };
    for (let i = 0; i < LOOKUPS; i += 1) {
      await timed(missed.byDomain, () =>
        lookUpAccount({ name: 'Anyone', domain: `sales.${accountDomain(absent(i))}` }, 0.9),
      );
      await timed(missed.byUei, () =>
        lookUpAccount({ name: 'Anyone', identifiers: { uei: accountUei(absent(i)) } }, 0.9),
      );
      await timed(missed.nameOnly, () => lookUpAccount({ name: `Unheard Of Company ${i}` }, 0.9));
      if (!accountsStored) continue;
      await timed(found.byDomain, () =>
        lookUpAccount({ name: 'Anyone', domain: `sales.${accountDomain(pick())}` }, 0.9),
      );
      await timed(found.byUei, () => lookUpAccount({ name: 'Anyone', identifiers: { uei: accountUei(pick()) } }, 0.9));
    }
    return {
      byDomain: summarize(missed.byDomain),
      byUei: summarize(missed.byUei),
      nameOnly: summarize(missed.nameOnly),
      ...(accountsStored ? { found: { byDomain: summarize(found.byDomain), byUei: summarize(found.byUei) } } : {}),
    };
  } finally {
    await disconnectDatabase();
  }
}

export async function runImportBench(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const suffix = randomBytes(3).toString('hex');
  const mongodbUri = databaseUri(options.mongodbUri, `bench_import_${options.size}_${suffix}`);
  const adminKey = randomBytes(32).toString('base64url');
  const port = await freePort();
  const env = {
    TEMPORAL_ADDRESS: options.temporalAddress,
    MONGODB_URI: mongodbUri,
    TEMPORAL_TASK_QUEUE: `bench-import-${suffix}`,
    LOG_LEVEL: 'info',
    DEALREG_AUDIT_KEY: process.env.DEALREG_AUDIT_KEY ?? randomBytes(32).toString('base64'),
  };
  progress(`import: ${options.size} accounts into ${mongodbUri}`);
  const worker = await startChild({ name: 'worker-import', entry: 'worker/main.ts', env });
  const apiProcess = await startChild({
    name: 'api-import',
    entry: 'api/main.ts',
    env: {
      ...env,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      DEALREG_ADMIN_KEY: adminKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
    },
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    await waitForLogLine(worker, 'the import worker', /worker started/);
    await waitForHttp(apiProcess, 'the API', `http://127.0.0.1:${port}/readyz`);
    await api(`${base}/distributors`, adminKey, 'POST', { id: BENCH_DISTRIBUTOR, name: 'Bench distributor' });
    await api(`${base}/programs`, adminKey, 'POST', { id: BENCH_PROGRAM, name: 'Bench program' });
    progress('import: timing account look-ups with no account stored');
    const lookupMsWithoutAccounts = await measureLookups(mongodbUri, options.size, false);
    const started = performance.now();
    const { id } = await upload(`${base}/accounts/import`, adminKey, options.size);
    const uploadSeconds = (performance.now() - started) / 1000;
    progress(`import: file stored in ${uploadSeconds.toFixed(1)} s, job ${id}`);
    let job: Record<string, unknown>;
    let reported = performance.now();
    for (;;) {
      job = await api(`${base}/imports/${id}`, adminKey, 'GET');
      if (job.status !== 'running') break;
      if (performance.now() - reported > 10_000) {
        const p = job.progress as { done: number; failed: number; rows: number };
        progress(
          `import: ${p.done + p.failed} of ${p.rows} rows after ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
        reported = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const p = job.progress as { rows: number; done: number; failed: number };
    const o = job.outcomes as { created: number; unchanged: number };
    progress(`import: ${job.status} in ${totalSeconds.toFixed(1)} s; measuring account look-ups`);
    return {
      size: options.size,
      uploadSeconds,
      totalSeconds,
      job: { status: String(job.status), ...p, created: o.created, unchanged: o.unchanged },
      lookupMs: await measureLookups(mongodbUri, options.size, true),
      lookupMsWithoutAccounts,
    };
  } finally {
    await stopChild(apiProcess);
    await stopChild(worker);
  }
}

export function importLines(result: ImportBenchResult | undefined): string[] {
  if (!result) return [];
  const lines = [`account import of ${result.size} accounts:`];
  if (result.skipped) return [...lines, `  skipped: ${result.skipped}`];
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
  const j = result.job;
  if (j && result.totalSeconds !== undefined) {
    lines.push(
      `  ${j.status} in ${result.totalSeconds.toFixed(1)} s (file stored after ${result.uploadSeconds?.toFixed(1)} s): ` +
        `${j.done} imported (${j.created} created, ${j.unchanged} unchanged), ${j.failed} refused; ` +
        `${(j.rows / result.totalSeconds).toFixed(0)} rows/s`,
    );
  }
  const describe = (l: AccountLookupLatencies) =>
    `by domain p50 ${ms(l.byDomain.p50)} p99 ${ms(l.byDomain.p99)}; ` +
    `by UEI p50 ${ms(l.byUei.p50)} p99 ${ms(l.byUei.p99)}; name matching nothing p50 ${ms(l.nameOnly.p50)} p99 ${ms(l.nameOnly.p99)}`;
  if (result.lookupMsWithoutAccounts)
    lines.push(
      `  account look-up of an acceptance (customers that are no account), none stored: ${describe(result.lookupMsWithoutAccounts)}`,
    );
  if (result.lookupMs)
    lines.push(`  the same customers with ${result.size} accounts stored: ${describe(result.lookupMs)}`);
  const found = result.lookupMs?.found;
  if (found)
    lines.push(
      `  a customer that is one of the accounts (its record and programs read, to route by them): by domain p50 ${ms(found.byDomain.p50)} p99 ${ms(found.byDomain.p99)}; by UEI p50 ${ms(found.byUei.p50)} p99 ${ms(found.byUei.p99)}`,
    );
  const slowdown = acceptanceSlowdownMs(result);
  if (slowdown !== undefined)
    lines.push(
      `  the same acceptance with the accounts stored vs without: ${slowdown >= 0 ? '+' : ''}${slowdown.toFixed(1)} ms at p50 (the look-up is the only part they change)`,
    );
  return lines;
}

/**
 * What the stored accounts add to the same acceptance: the look-up's p50 with them minus without, for the
 * same customers (none an account) over the three kinds of look-up, the worst of the three. A customer
 * that is an account pays for reading its record too: routing by it, reported beside, not a slowdown.
 */
export function acceptanceSlowdownMs(result: ImportBenchResult): number | undefined {
  const [withAccounts, without] = [result.lookupMs, result.lookupMsWithoutAccounts];
  if (!withAccounts || !without) return undefined;
  const kinds = ['byDomain', 'byUei', 'nameOnly'] as const;
  const deltas = kinds.map((kind) => (withAccounts[kind].p50 ?? 0) - (without[kind].p50 ?? 0));
  return Math.max(...deltas);
}
