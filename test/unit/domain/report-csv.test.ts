import { csvCell } from '../../../domain/export/csv';
import { simulationChangesCsv } from '../../../domain/simulation/report-csv';
import type { SimulationReport } from '../../../domain/simulation/types';

describe('simulation report CSV', () => {
  test('quotes every cell, doubles quotes and defuses formulas', () => {
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(12)).toBe('"12"');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell(-1)).toBe('"-1"');
  });

  test('one quoted line per change after the header', () => {
    const report = {
      changes: [
        {
          registrationId: 'reg_1',
          sequence: 7,
          actual: { outcome: 'approve', reasonCode: null, decisiveRule: 'deal.first' },
          simulated: { outcome: 'escalate', reasonCode: 'possible-duplicate' },
          decisiveRule: 'deal.match',
          detail: 'matches "Acme", line 2\nand more',
        },
      ],
    } as unknown as SimulationReport;
    const lines = [...simulationChangesCsv(report)];
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('"registrationId","sequence",')).toBe(true);
    expect(lines[1]).toBe(
      '"reg_1","7","approve","","deal.first","escalate","possible-duplicate","deal.match","matches ""Acme"", line 2\nand more"\r\n',
    );
  });
});
