import type { z } from 'zod';
import {
  type AccountRecord,
  accountRecordSchema,
  type ProductRecord,
  type ProgramRecord,
  productRecordSchema,
  programRecordSchema,
} from './records';

/**
 * CSV files of vendor records: the columns of each kind (the accounts' are the contract's), and how a
 * row becomes a record. Lists are split by `;`; an empty cell is an absent field. Errors name the row
 * and the column, so the person who exported the file can find and fix the cell.
 */
export const importKinds = ['accounts', 'programs', 'products'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importColumns = {
  accounts: ['id', 'name', 'domains', 'uei', 'duns', 'taxId', 'segment', 'region', 'programs', 'ownerKind', 'ownerId'],
  programs: ['id', 'name', 'contractNumbers', 'accounts'],
  products: ['id', 'name', 'family'],
} as const satisfies Record<ImportKind, readonly string[]>;

export interface RowError {
  /** As a spreadsheet numbers it: the header is row 1, the first record row 2. */
  row: number;
  /** The column; empty for the row as a whole. */
  path: string;
  message: string;
}

export type RecordOf<K extends ImportKind> = K extends 'accounts'
  ? AccountRecord
  : K extends 'programs'
    ? ProgramRecord
    : ProductRecord;

/**
 * The header's columns in the file's order, or what is wrong with it. Columns may come in any order;
 * each of the kind's must be there once, and no other. Names compare without case or surrounding spaces.
 */
export function readHeader(kind: ImportKind, cells: readonly string[]): { columns: string[] } | { problem: string } {
  const expected: readonly string[] = importColumns[kind];
  const byLower = new Map(expected.map((column) => [column.toLowerCase(), column]));
  const columns = cells.map((cell) => byLower.get(cell.trim().toLowerCase()) ?? cell.trim());
  const unknown = columns.filter((column) => !expected.includes(column));
  const missing = expected.filter((column) => !columns.includes(column));
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  const problems = [
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`unknown ${unknown.map((c) => `"${c}"`).join(', ')}`] : []),
    ...(repeated.length > 0 ? [`repeated ${repeated.join(', ')}`] : []),
  ];
  if (problems.length > 0) {
    return { problem: `the header must name the columns ${expected.join(',')} (${problems.join('; ')})` };
  }
  return { columns };
}

const cell = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};
const list = (value: string | undefined) => {
  const items = (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
};
const present = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A row's cells by column, shaped as the kind's record (before validation). */
function shape(kind: ImportKind, at: (column: string) => string | undefined): Record<string, unknown> {
  switch (kind) {
    case 'accounts': {
      const identifiers = present({ uei: cell(at('uei')), duns: cell(at('duns')), taxId: cell(at('taxId')) });
      const owner = present({ kind: cell(at('ownerKind')), id: cell(at('ownerId')) });
      return present({
        id: cell(at('id')),
        name: cell(at('name')),
        domains: list(at('domains')),
        identifiers: Object.keys(identifiers).length > 0 ? identifiers : undefined,
        segment: cell(at('segment')),
        region: cell(at('region')),
        programs: list(at('programs')),
        owner: Object.keys(owner).length > 0 ? owner : undefined,
      });
    }
    case 'programs':
      return present({
        id: cell(at('id')),
        name: cell(at('name')),
        contractNumbers: list(at('contractNumbers')),
        accounts: list(at('accounts')),
      });
    case 'products':
      return present({ id: cell(at('id')), name: cell(at('name')), family: cell(at('family')) });
  }
}

const schemas: Record<ImportKind, z.ZodType> = {
  accounts: accountRecordSchema,
  programs: programRecordSchema,
  products: productRecordSchema,
};

/** The CSV column a record field comes from: `identifiers.uei` is `uei`, `owner.kind` is `ownerKind`. */
export function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === 'identifiers' && second) return second;
  if (first === 'owner') return second === 'id' ? 'ownerId' : 'ownerKind';
  return first ?? '';
}

/** "item 2: …" for an error inside a list cell (items counted from 1, as a person reads them). */
function messageOf(path: readonly PropertyKey[], message: string): string {
  const [first, second] = path;
  const listColumns = ['domains', 'programs', 'contractNumbers', 'accounts'];
  if (typeof first === 'string' && listColumns.includes(first) && typeof second === 'number') {
    return `item ${second + 1}: ${message}`;
  }
  return message;
}

/** One row as a record of its kind, or its errors. */
export function recordFromRow<K extends ImportKind>(
  kind: K,
  columns: readonly string[],
  cells: readonly string[],
  row: number,
): { record: RecordOf<K> } | { errors: RowError[] } {
  if (cells.length !== columns.length) {
    return {
      errors: [{ row, path: '', message: `has ${cells.length} fields; the header has ${columns.length}` }],
    };
  }
  const at = (column: string) => cells[columns.indexOf(column)];
  const shaped = shape(kind, at);
  const parsed = schemas[kind].safeParse(shaped);
  if (parsed.success) return { record: parsed.data as RecordOf<K> };
  const missing = (path: readonly PropertyKey[]) =>
    path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], shaped) ===
    undefined;
  return {
    errors: parsed.error.issues.map((issue) => ({
      row,
      path: columnOf(issue.path),
      message: missing(issue.path) ? 'required' : messageOf(issue.path, issue.message),
    })),
  };
}
