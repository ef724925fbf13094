import { registrationCsvHeader, registrationCsvLine } from '../../../api/views/registration-csv';
import { csvCell } from '../../../domain/export/csv';

// The export's rows (GET /registrations/export.csv): what a spreadsheet reads safely.
test('the CSV export quotes every cell and defuses spreadsheet formulas', () => {
  const registration = {
    id: 'reg_1',
    status: 'approved',
    resellerId: 'acme',
    distributorId: 'dist-a',
    customer: { name: '=HYPERLINK("http://evil")', segment: 'commercial' },
    opportunity: { title: 'Refresh, phase "2"', productLines: ['storage', 'compute'] },
    submittedAt: '2026-01-01T00:00:00.000Z',
    sequence: 7,
    extensionsUsed: 0,
    policyVersion: 1,
    decisions: [],
  } as const;
  const header = registrationCsvHeader().trimEnd();
  const row = registrationCsvLine(registration as never);
  expect(header?.split(',')[0]).toBe('"id"');
  expect(header?.split(',').every((name) => /^"[A-Za-z]+"$/.test(name))).toBe(true);
  expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect(row).toContain('"Refresh, phase ""2"""');
  expect(row).toContain('"storage compute"');
  // Numbers, plain words and missing values are quoted too.
  expect(row?.startsWith('"reg_1","7","approved","",')).toBe(true);
  expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
  expect(csvCell('\t=1+1')).toBe(`"'\t=1+1"`);
  expect(csvCell(-3)).toBe('"-3"');
});

test('a direct opportunity exports as direct with its seller, and no partner', () => {
  const direct = {
    id: 'reg_2',
    status: 'approved',
    direct: true,
    sellerId: 'seller-east',
    customer: { name: 'Globex', segment: 'commercial' },
    opportunity: { title: 'Renewal', productLines: ['storage'] },
    submittedAt: '2026-01-01T00:00:00.000Z',
    sequence: 8,
    extensionsUsed: 0,
    policyVersion: 1,
    decisions: [],
  } as const;
  const names = registrationCsvHeader().trimEnd().split(',');
  const cells = registrationCsvLine(direct as never)
    .trimEnd()
    .split(',');
  const cell = (name: string) => cells[names.indexOf(`"${name}"`)];
  expect(cell('direct')).toBe('"yes"');
  expect(cell('sellerId')).toBe('"seller-east"');
  expect(cell('resellerId')).toBe('""');
});
