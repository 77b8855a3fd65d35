/**
 * One CSV cell, quoted when needed. Text that a spreadsheet would run as a formula (=, +, @,
 * tab, CR, or - not followed by a number) gets a leading apostrophe; figures, negative
 * numbers included, stay numbers.
 */
export function neutraliseCsvCell(value: string): string {
  const isNumber = /^-?\d+(\.\d+)?$/.test(value);
  const safe = !isNumber && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
