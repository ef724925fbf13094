import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import pLimit from 'p-limit';
import { crashPoint } from '../config/crash-points';
import { listUnderKeys } from '../db/dealkeys';
import { importChunk, importJob } from '../db/imports';
import { Distributor, Reseller, type ResellerDoc } from '../db/partners';
import { currentPolicy } from '../db/policies';
import { type PlannedRow, recordPlan, storePlanChunk } from '../db/registration-imports';
import { Registration } from '../db/registrations';
import { drawBlock, highestSequence } from '../db/sequences';
import { catalogueHasProducts, productById } from '../db/vendor-records';
import { emptyMigrationReport } from '../domain/migration/report';
import {
  type ImportedRegistration,
  importedRegistrationFromRow,
  importedRegistrationId,
} from '../domain/migration/rows';
import { isActiveStatus } from '../domain/registration';
import type { RowError } from '../domain/vendor/csv-rows';
import { currentRun, escalationIdFor } from './escalation-ids';
import { keysOf, planConflicts } from './registration-import-conflicts';

/** Planned rows to a chunk, as the file's chunks. */
const PLANNED_PER_CHUNK = 1000;
/** Point reads at once (existence checks, listings). */
const READS_IN_FLIGHT = 16;

type Checked = Omit<PlannedRow, 'sequence'>;

/** The partners and products a migration names, each looked up once per job. */
class References {
  private readonly resellers = new Map<string, Promise<ResellerDoc | null>>();
  private readonly distributors = new Map<string, Promise<boolean>>();
  private readonly products = new Map<string, Promise<boolean>>();
  private catalogue?: Promise<boolean>;

  private reseller(id: string) {
    if (!this.resellers.has(id)) this.resellers.set(id, Reseller.findById(id).lean<ResellerDoc>().exec());
    return this.resellers.get(id) as Promise<ResellerDoc | null>;
  }

  private distributor(id: string) {
    if (!this.distributors.has(id))
      this.distributors.set(
        id,
        Distributor.exists({ _id: id }).then((found) => found !== null),
      );
    return this.distributors.get(id) as Promise<boolean>;
  }

  private product(id: string) {
    if (!this.products.has(id))
      this.products.set(
        id,
        productById(id).then((found) => found !== undefined),
      );
    return this.products.get(id) as Promise<boolean>;
  }

  /** The row's reseller, or the errors that keep it out: an unknown partner is reported, never guessed. */
  async check(row: number, record: ImportedRegistration): Promise<ResellerDoc | RowError[]> {
    const errors: RowError[] = [];
    const reseller = await this.reseller(record.resellerId);
    if (!reseller) errors.push({ row, path: 'resellerId', message: `no reseller ${record.resellerId} is registered` });
    if (!(await this.distributor(record.distributorId)))
      errors.push({ row, path: 'distributorId', message: `no distributor ${record.distributorId} is registered` });
    else if (reseller && !reseller.distributorIds.includes(record.distributorId))
      errors.push({
        row,
        path: 'distributorId',
        message: `reseller ${record.resellerId} does not buy through distributor ${record.distributorId}`,
      });
    this.catalogue ??= catalogueHasProducts();
    if (await this.catalogue) {
      for (const line of record.opportunity.productLines)
        if (!(await this.product(line)))
          errors.push({ row, path: 'productLines', message: `"${line}" is not a product of the catalogue` });
    }
    return errors.length > 0 || !reseller ? errors : reseller;
  }
}

/** Every row of the file checked, in file order: the valid ones, and the errors of the others. */
async function checkRows(jobId: string, columns: string[], chunks: number) {
  const references = new References();
  const valid: Checked[] = [];
  const rowErrors: RowError[] = [];
  const rowOfId = new Map<string, number>();
  for (let index = 0; index < chunks; index += 1) {
    const chunk = await importChunk(jobId, index);
    if (!chunk) throw ApplicationFailure.nonRetryable(`chunk ${index} of ${jobId} is missing`, 'ChunkMissing');
    for (const [at, { cells }] of chunk.rows.entries()) {
      const row = chunk.firstRow + at;
      const parsed = importedRegistrationFromRow(columns, cells, row);
      if ('errors' in parsed) {
        rowErrors.push(...parsed.errors);
        continue;
      }
      const checked = await references.check(row, parsed.record);
      if (Array.isArray(checked)) {
        rowErrors.push(...checked);
        continue;
      }
      const registrationId = importedRegistrationId(parsed.record);
      const earlier = rowOfId.get(registrationId);
      if (earlier !== undefined) {
        rowErrors.push({ row, path: '', message: `repeats row ${earlier} (same partners, time, customer and deal)` });
        continue;
      }
      rowOfId.set(registrationId, row);
      valid.push({ row, registrationId, partnerType: checked.partnerType, record: parsed.record });
    }
    heartbeat({ checked: index + 1 });
  }
  return { valid, rowErrors };
}

/** The rows whose registration is stored already (an earlier import of the same rows): skipped. */
async function storedAlready(rows: readonly Checked[]): Promise<Set<string>> {
  const limit = pLimit(READS_IN_FLIGHT);
  const found = await Promise.all(
    rows.map((row) =>
      limit(async () => {
        heartbeat();
        return (await Registration.exists({ _id: row.registrationId }).exec()) !== null;
      }),
    ),
  );
  return new Set(rows.filter((_, index) => found[index]).map((row) => row.registrationId));
}

const byOriginalOrder = (a: Checked, b: Checked) =>
  Date.parse(a.record.submittedAt) - Date.parse(b.record.submittedAt) || a.row - b.row;

/**
 * A migration's plan, made once (a retry after a crash makes the same one and reuses the job's block of
 * sequences): rows checked, those stored already skipped, the others ordered by original `submittedAt`
 * and numbered from a block drawn after every existing registration. The live ones are listed under their
 * deal's keys before any is started, so that each registration's look finds the imports numbered before
 * it and waits for them. A dry run stops at the report.
 */
export async function planRegistrationImport({ jobId }: { jobId: string }): Promise<{ planChunks: number }> {
  const job = await importJob(jobId);
  if (!job) throw ApplicationFailure.nonRetryable(`import ${jobId} does not exist`, 'ImportMissing');
  if (job.planChunks !== undefined) return { planChunks: job.planChunks };
  const policy = await currentPolicy();
  if (!policy)
    throw ApplicationFailure.nonRetryable('no allocation policy has been published yet; an admin must PUT /policy');
  const { valid, rowErrors } = await checkRows(jobId, job.columns, job.chunks);
  const stored = await storedAlready(valid);
  const ordered = valid.filter((row) => !stored.has(row.registrationId)).sort(byOriginalOrder);
  const dryRun = job.dryRun === true;
  const sequences = dryRun
    ? await highestSequence().then((top) => ordered.map((_, index) => top + index + 1))
    : await drawBlock(`import:${jobId}`, ordered.length);
  if (!dryRun) await crashPoint('import:block-drawn');
  const numbered: PlannedRow[] = ordered.map((row, index) => ({ ...row, sequence: sequences[index] as number }));
  const report = { ...emptyMigrationReport(dryRun), alreadyImported: stored.size };
  // Each deal's escalation named from this run (a retry of the plan names it the same), never from a row.
  const run = currentRun();
  const conflicts = await planConflicts(numbered, policy, report, (first) =>
    escalationIdFor(`import-conflict:${first}`, run),
  );
  const planned = numbered.map((row) => {
    const conflict = conflicts.get(row.registrationId);
    return conflict ? { ...row, conflict } : row;
  });
  heartbeat({ predicted: planned.length });
  let planChunks = 0;
  if (!dryRun) {
    const limit = pLimit(READS_IN_FLIGHT);
    const live = planned.filter((row) => isActiveStatus(row.record.status));
    await Promise.all(
      live.map((row) =>
        limit(async () => {
          heartbeat();
          await listUnderKeys(row.registrationId, keysOf(row.record));
        }),
      ),
    );
    for (let start = 0; start < planned.length; start += PLANNED_PER_CHUNK) {
      heartbeat();
      await storePlanChunk(jobId, planChunks, planned.slice(start, start + PLANNED_PER_CHUNK));
      planChunks += 1;
    }
  }
  rowErrors.sort((a, b) => a.row - b.row);
  await recordPlan(jobId, {
    planChunks,
    done: dryRun ? valid.length : stored.size,
    rowErrors,
    migration: report,
  });
  return { planChunks };
}
