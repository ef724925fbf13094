/**
 * RFC 4180 quoting of every cell, empty ones included, so that no cell's meaning depends on what it
 * holds. A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return before one) is prefixed with an apostrophe: registration text comes from partners and must
 * not execute on an auditor's machine.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;
