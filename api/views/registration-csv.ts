import { csvLine } from '../../domain/export/csv';
import type { RegistrationView } from '../schemas/registration';

/** One flat row per registration, what a spreadsheet needs (the JSON list keeps everything). */
const columns: [string, (r: RegistrationView) => string | number | undefined][] = [
  ['id', (r) => r.id],
  ['sequence', (r) => r.sequence],
  ['status', (r) => r.status],
  ['reasonCode', (r) => r.reasonCode],
  ['resellerId', (r) => r.resellerId],
  ['distributorId', (r) => r.distributorId],
  // A direct opportunity has no partner: its seller, shown only to whom the view shows it.
  ['direct', (r) => (r.direct ? 'yes' : undefined)],
  ['sellerId', (r) => r.sellerId],
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
  ['extensionsUsed', (r) => r.extensionsUsed],
  ['policyVersion', (r) => r.policyVersion],
  ['explanation', (r) => r.explanation],
];

export const registrationCsvHeader = (): string => csvLine(columns.map(([name]) => name));

/** A registration as the caller sees it, as one CSV line: every cell quoted, would-be formulas defused. */
export const registrationCsvLine = (registration: RegistrationView): string =>
  csvLine(columns.map(([, read]) => read(registration)));
