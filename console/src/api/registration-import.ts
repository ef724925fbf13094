import { request } from './client';
import type { ImportJob } from './vendor-records';

/** A migration file's format, from its name or type: JSON lines, or CSV. */
export const migrationMediaType = (file: File): 'text/csv' | 'application/x-ndjson' =>
  /\.(ndjson|jsonl)$/i.test(file.name) || file.type === 'application/x-ndjson' ? 'application/x-ndjson' : 'text/csv';

/** Sends a migration file as it is; a dry run stores nothing and reports what the import would do. */
export async function uploadMigration(csrf: string, file: File, dryRun: boolean): Promise<ImportJob> {
  const response = await request(csrf, `/registrations/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    raw: { body: file, contentType: migrationMediaType(file) },
  });
  return (await response.json()) as ImportJob;
}

export type MigrationReport = NonNullable<ImportJob['migration']>;
