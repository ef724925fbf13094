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

/**
 * RFC 4180 quoting of every cell, empty ones included, so that no cell's meaning depends on what it
 * holds. A cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
 * before one) is prefixed with an apostrophe: registration text comes from partners and must not
 * execute on an auditor's machine.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function registrationsCsv(registrations: Registration[]): string {
  const lines = [columns.map(([name]) => csvCell(name)).join(',')];
  for (const registration of registrations)
    lines.push(columns.map(([, read]) => csvCell(read(registration))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
