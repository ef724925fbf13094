import { csvLine } from '../export/csv';
import type { SimulationReport } from './types';

const header = [
  'registrationId',
  'sequence',
  'actualOutcome',
  'actualReasonCode',
  'actualDecisiveRule',
  'simulatedOutcome',
  'simulatedReasonCode',
  'decisiveRule',
  'detail',
];

/**
 * The report's changed registrations, one line each, every cell quoted, as lines so that a caller can
 * stream them. The counts and shares stay in the JSON report: a spreadsheet wants one row shape.
 */
export function* simulationChangesCsv(report: SimulationReport): Generator<string> {
  yield csvLine(header);
  for (const change of report.changes) {
    yield csvLine([
      change.registrationId,
      change.sequence,
      change.actual.outcome,
      change.actual.reasonCode,
      change.actual.decisiveRule,
      change.simulated.outcome,
      change.simulated.reasonCode,
      change.decisiveRule,
      change.detail,
    ]);
  }
}
