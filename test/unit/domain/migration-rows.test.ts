import {
  importedRegistrationFromRow,
  importedRegistrationId,
  JSON_LINE_COLUMN,
  readMigrationHeader,
} from '../../../domain/migration/rows';

const header =
  'resellerId,distributorId,submittedAt,status,protectedUntil,customerName,uei,segment,opportunityTitle,productLines,estimatedValue,currency';
const columns = header.split(',');
const cells = (overrides: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    resellerId: 'value-var',
    distributorId: 'dist-a',
    submittedAt: '2025-03-01T10:00:00+02:00',
    status: 'approved',
    protectedUntil: '2027-01-01T00:00:00Z',
    customerName: 'Acme Logistics',
    uei: 'ACME12345678',
    segment: 'commercial',
    opportunityTitle: 'Refresh',
    productLines: 'storage; Compute ;storage',
    estimatedValue: '120000',
    currency: 'USD',
    ...overrides,
  };
  return columns.map((column) => values[column] ?? '');
};

test('a CSV row becomes the registration body plus where it stood, its times in UTC', () => {
  const parsed = importedRegistrationFromRow(columns, cells(), 2);
  expect(parsed).toEqual({
    record: {
      resellerId: 'value-var',
      distributorId: 'dist-a',
      submittedAt: '2025-03-01T08:00:00.000Z',
      status: 'approved',
      protectedUntil: '2027-01-01T00:00:00.000Z',
      customer: { name: 'Acme Logistics', identifiers: { uei: 'ACME12345678' }, segment: 'commercial' },
      opportunity: {
        title: 'Refresh',
        productLines: ['storage', 'compute'],
        estimatedValue: { amount: 120000, currency: 'USD' },
      },
    },
  });
});

test('errors name the CSV column the person who exported the file can fix', () => {
  const parsed = importedRegistrationFromRow(
    columns,
    cells({ uei: 'short', segment: 'retail', estimatedValue: 'lots', protectedUntil: '', customerName: '' }),
    7,
  );
  expect('errors' in parsed && parsed.errors.map((error) => `${error.row}:${error.path}`).sort()).toEqual(
    ['7:customerName', '7:estimatedValue', '7:segment', '7:uei'].sort(),
  );
  const approvedWithoutEnd = importedRegistrationFromRow(columns, cells({ protectedUntil: '' }), 3);
  expect(approvedWithoutEnd).toEqual({
    errors: [{ row: 3, path: 'protectedUntil', message: 'required for an approved registration' }],
  });
  expect(importedRegistrationFromRow(columns, [...cells(), 'extra'], 4)).toEqual({
    errors: [{ row: 4, path: '', message: `has ${columns.length + 1} fields; the header has ${columns.length}` }],
  });
});

test('a JSON line is read as the contract words it; its errors name the JSON path', () => {
  const line = JSON.stringify({
    resellerId: 'value-var',
    distributorId: 'dist-a',
    submittedAt: '2025-03-01T10:00:00Z',
    status: 'pending',
    customer: { name: 'Acme', segment: 'commercial', identifiers: { duns: 'x' } },
    opportunity: { title: 'Refresh', productLines: ['storage'] },
  });
  expect(importedRegistrationFromRow([JSON_LINE_COLUMN], [line], 1)).toEqual({
    errors: [{ row: 1, path: 'customer.identifiers.duns', message: 'a DUNS number is 9 digits' }],
  });
  expect(importedRegistrationFromRow([JSON_LINE_COLUMN], ['{"a":'], 2)).toMatchObject({
    errors: [{ row: 2, path: '', message: expect.stringMatching(/^not valid JSON/) }],
  });
});

test("a registration's id is its identity, not its status: a later export of the same rows lands on it", () => {
  const first = importedRegistrationFromRow(columns, cells(), 2);
  const closed = importedRegistrationFromRow(columns, cells({ status: 'won', protectedUntil: '' }), 9);
  const other = importedRegistrationFromRow(columns, cells({ customerName: 'Other Co' }), 2);
  if (!('record' in first) || !('record' in closed) || !('record' in other)) throw new Error('rows should parse');
  expect(importedRegistrationId(closed.record)).toBe(importedRegistrationId(first.record));
  expect(importedRegistrationId(other.record)).not.toBe(importedRegistrationId(first.record));
});

test('a header names the required columns, may add optional ones in any order and case, and nothing else', () => {
  expect(readMigrationHeader(columns.map((column) => ` ${column.toUpperCase()} `))).toEqual({ columns });
  const wrong = readMigrationHeader(['resellerId', 'status', 'colour', 'status']);
  expect('problem' in wrong && wrong.problem).toMatch(
    /missing distributorId, submittedAt.*unknown "colour".*repeated status/,
  );
});
