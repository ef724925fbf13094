import { csvCell } from '../../../domain/export/csv';
import type { Registration } from '../api/types';

/** One flat row per registration: what a spreadsheet needs; the JSON export keeps everything. */
const columns: [string, (r: Registration) => string | number | undefined][] = [
  ['id', (r) => r.id],
  ['sequence', (r) => r.sequence],
  ['status', (r) => r.status],
  ['reasonCode', (r) => r.reasonCode],
  ['resellerId', (r) => r.resellerId],
  ['distributorId', (r) => r.distributorId],
  ['customerName', (r) => r.customer.name],
  ['customerDomain', (r) => r.customer.domain],
  ['segment', (r) => r.customer.segment],
  ['region', (r) => r.customer.region],
  ['title', (r) => r.opportunity.title],
  ['productLines', (r) => r.opportunity.productLines.join(' ')],
  ['amount', (r) => r.opportunity.estimatedValue?.amount],
  ['currency', (r) => r.opportunity.estimatedValue?.currency],
  ['program', (r) => r.program],
  ['submittedAt', (r) => r.submittedAt],
  ['decidedAt', (r) => r.decidedAt],
  ['protectedUntil', (r) => r.protectedUntil],
  ['policyVersion', (r) => r.policyVersion],
  ['explanation', (r) => r.explanation],
];

// The one quoting rule, shared with the API's CSV (pure, no imports): every cell quoted, formulas defused.
export { csvCell };

export function registrationsCsv(registrations: Registration[]): string {
  const lines = [columns.map(([name]) => csvCell(name)).join(',')];
  for (const registration of registrations)
    lines.push(columns.map(([, read]) => csvCell(read(registration))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
