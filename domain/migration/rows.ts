import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { importableStatusSchema, partnerIdSchema, plainText, registrationSubmissionSchema } from '../registration';
import type { RowError } from '../vendor/csv-rows';

/**
 * A migration file's rows (`POST /registrations/import`): as JSON lines, each the registration body plus
 * `resellerId`, `submittedAt`, `status`, `protectedUntil?`, `note?` (the contract's words); as CSV, the same
 * fields flattened into the columns below. Errors name the row and the field (the CSV column, or the JSON
 * path), so whoever exported the file can find the cell.
 */
export const migrationColumns = {
  required: [
    'resellerId',
    'distributorId',
    'submittedAt',
    'status',
    'customerName',
    'segment',
    'opportunityTitle',
    'productLines',
  ],
  optional: [
    'protectedUntil',
    'note',
    'customerDomain',
    'uei',
    'duns',
    'taxId',
    'region',
    'estimatedValue',
    'currency',
    'expectedCloseDate',
    'program',
  ],
} as const;

/** The one column a JSON-lines job stores per row: the line itself. */
export const JSON_LINE_COLUMN = '$json';

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString());

export const importedRegistrationSchema = z
  .strictObject({
    ...registrationSubmissionSchema.shape,
    resellerId: partnerIdSchema,
    submittedAt: instant,
    status: importableStatusSchema,
    protectedUntil: instant.optional(),
    note: plainText(1000).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.status === 'approved' && !row.protectedUntil)
      ctx.addIssue({ code: 'custom', path: ['protectedUntil'], message: 'required for an approved registration' });
    if (Date.parse(row.submittedAt) > Date.now())
      ctx.addIssue({ code: 'custom', path: ['submittedAt'], message: 'is in the future' });
  })
  .meta({ id: 'ImportedRegistration' });
export type ImportedRegistration = z.infer<typeof importedRegistrationSchema>;

/**
 * An imported registration's id, from what makes it the same registration (its partners, submission time,
 * customer, opportunity and program), not from its status or note: a file exported again after the old
 * system moved on lands on the registrations imported the first time.
 */
export function importedRegistrationId(row: ImportedRegistration): string {
  const { resellerId, distributorId, submittedAt, customer, opportunity, program } = row;
  const identity = stringify({ resellerId, distributorId, submittedAt, customer, opportunity, program }) ?? '';
  return `reg_${createHash('sha256').update(`import\n${identity}`).digest('hex').slice(0, 24)}`;
}

/**
 * The header's columns in the file's order, or what is wrong with it: the required columns once each, the
 * optional ones at most once, no other. Names compare without case or surrounding spaces.
 */
export function readMigrationHeader(cells: readonly string[]): { columns: string[] } | { problem: string } {
  const known: readonly string[] = [...migrationColumns.required, ...migrationColumns.optional];
  const byLower = new Map(known.map((column) => [column.toLowerCase(), column]));
  const columns = cells.map((cell) => byLower.get(cell.trim().toLowerCase()) ?? cell.trim());
  const unknown = columns.filter((column) => !known.includes(column));
  const missing = migrationColumns.required.filter((column) => !columns.includes(column));
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  const problems = [
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`unknown ${unknown.map((c) => `"${c}"`).join(', ')}`] : []),
    ...(repeated.length > 0 ? [`repeated ${repeated.join(', ')}`] : []),
  ];
  if (problems.length === 0) return { columns };
  return {
    problem: `the header must name the columns ${migrationColumns.required.join(',')} and may add ${migrationColumns.optional.join(',')} (${problems.join('; ')})`,
  };
}

const cell = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};
const present = <T extends object>(value: T): T | undefined => {
  const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length > 0 ? (kept as T) : undefined;
};
const amountOf = (text: string | undefined) => (text === undefined || Number.isNaN(Number(text)) ? text : Number(text));

/** A CSV row's cells as the JSON line it stands for (before validation). */
function shapeCsv(at: (column: string) => string | undefined): Record<string, unknown> {
  const amount = cell(at('estimatedValue'));
  return (
    present({
      resellerId: cell(at('resellerId')),
      distributorId: cell(at('distributorId')),
      submittedAt: cell(at('submittedAt')),
      status: cell(at('status')),
      protectedUntil: cell(at('protectedUntil')),
      note: cell(at('note')),
      customer: present({
        name: cell(at('customerName')),
        domain: cell(at('customerDomain')),
        identifiers: present({ uei: cell(at('uei')), duns: cell(at('duns')), taxId: cell(at('taxId')) }),
        segment: cell(at('segment')),
        region: cell(at('region')),
      }),
      opportunity: present({
        title: cell(at('opportunityTitle')),
        productLines: cell(at('productLines'))
          ?.split(';')
          .map((line) => line.trim())
          .filter(Boolean),
        estimatedValue: amount === undefined ? undefined : { amount: amountOf(amount), currency: cell(at('currency')) },
        expectedCloseDate: cell(at('expectedCloseDate')),
      }),
      program: cell(at('program')),
    }) ?? {}
  );
}

/** The CSV column a field comes from: `customer.name` is `customerName`, `customer.identifiers.uei` is `uei`. */
export function migrationColumnOf(path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'customer') {
    if (second === 'identifiers') return third ?? 'uei';
    return second === 'name' ? 'customerName' : second === 'domain' ? 'customerDomain' : (second ?? 'customerName');
  }
  if (first === 'opportunity') {
    if (second === 'title') return 'opportunityTitle';
    if (second === 'estimatedValue') return third === 'currency' ? 'currency' : 'estimatedValue';
    return second ?? 'opportunityTitle';
  }
  return first ?? '';
}

const jsonPathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * One row of a migration file as an imported registration, or its errors. `columns` is the CSV header,
 * or `[JSON_LINE_COLUMN]` for a JSON-lines file (each row's one cell is its line).
 */
export function importedRegistrationFromRow(
  columns: readonly string[],
  cells: readonly string[],
  row: number,
): { record: ImportedRegistration } | { errors: RowError[] } {
  const jsonLines = columns.length === 1 && columns[0] === JSON_LINE_COLUMN;
  let shaped: unknown;
  if (jsonLines) {
    try {
      shaped = JSON.parse(cells[0] ?? '');
    } catch (error) {
      return { errors: [{ row, path: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  } else {
    if (cells.length !== columns.length)
      return { errors: [{ row, path: '', message: `has ${cells.length} fields; the header has ${columns.length}` }] };
    shaped = shapeCsv((column) => {
      const index = columns.indexOf(column);
      return index < 0 ? undefined : cells[index];
    });
  }
  const parsed = importedRegistrationSchema.safeParse(shaped);
  if (parsed.success) return { record: parsed.data };
  const missing = (path: readonly PropertyKey[]) =>
    path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], shaped) ===
    undefined;
  return {
    errors: parsed.error.issues.map((issue) => ({
      row,
      path: jsonLines ? jsonPathOf(issue.path) : migrationColumnOf(issue.path),
      message: missing(issue.path) && issue.code !== 'custom' ? 'required' : issue.message,
    })),
  };
}
