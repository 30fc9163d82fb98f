/**
 * The one way RiskDesk writes CSV: every export goes through `csvLine`, so quoting and formula
 * neutralisation cannot be forgotten by the next export.
 *
 * Quoting follows RFC 4180. Neutralisation follows OWASP's advice on CSV injection: a text value that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by Excel or LibreOffice as a formula
 * (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), so it gets a leading apostrophe, which those programs show as text.
 * Numbers are left alone: a negative amount such as `-12.50` is data, not a formula, and is written as it is
 * whether it arrives as a number or as the decimal string of a money column.
 */
export type CsvValue = string | number | null | undefined;

/** Excel reads a UTF-8 CSV as UTF-8 only with a byte order mark; RiskDesk's CSV import accepts one. */
export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Text as a spreadsheet will show it: with a leading apostrophe when it would otherwise run as a formula. */
function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field: empty for a missing value, formula-neutralised text, quoted when it holds a comma, quote or line break or starts or ends with a space. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, without its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}
