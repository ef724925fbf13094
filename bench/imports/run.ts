import { lookUpAccount } from '../../db/account-lookup';
import { connectDatabase, disconnectDatabase } from '../../db/connection';
import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { startJobProcesses, uploadFile } from '../infra/job-processes';
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
  const processes = await startJobProcesses('import', options, options.size, 'accounts');
  const { mongodbUri, adminKey } = processes;
  const base = `${processes.origin}/api/v1`;
  try {
    await api(`${base}/distributors`, adminKey, 'POST', { id: BENCH_DISTRIBUTOR, name: 'Bench distributor' });
    await api(`${base}/programs`, adminKey, 'POST', { id: BENCH_PROGRAM, name: 'Bench program' });
    progress('import: timing account look-ups with no account stored');
    const lookupMsWithoutAccounts = await measureLookups(mongodbUri, options.size, false);
    const started = performance.now();
    const { id } = await uploadFile(`${base}/accounts/import`, adminKey, 'text/csv', accountsCsv(options.size));
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
    await processes.stop();
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
