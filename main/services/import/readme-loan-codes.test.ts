import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BORROWER_CODES, LOAN_CODES, LOAN_RANGES, ORIGINATION_DATES, type PlausibleRange } from '../../../preload/contract/loan-vocabulary.ts';

// The README lists the codes and ranges a loan or borrower file is checked against; it must say what the table says.
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function limits(range: PlausibleRange): string {
  const low = range.minExclusive ? `more than ${range.min}` : `${range.min}`;
  return `${low} to ${range.max.toLocaleString('en-US')} ${range.unit}`;
}

/** The README's block, as the table renders it. */
function readmeBlock(): string {
  const codes = Object.entries({ ...LOAN_CODES, ...BORROWER_CODES }).map(([column, list]) => `| \`${column}\` | ${list.map((code) => `\`${code}\``).join(', ')} |`);
  const ranges = Object.entries(LOAN_RANGES).map(
    ([column, range]) => `| \`${column}\` | ${limits(range)} | above ${range.usualMax.toLocaleString('en-US')} | ${range.why} |`,
  );
  const dates = `| \`origination_date\` | ${ORIGINATION_DATES.earliest} to the day of the import | more than ${ORIGINATION_DATES.usualYearsBack} years before it | a placeholder (1900-01-01) or a loan not yet made is a mistake |`;
  return [
    '| coded column | codes |',
    '|---|---|',
    ...codes,
    '',
    '| column | refused outside | warned about | why |',
    '|---|---|---|---|',
    ...ranges,
    dates,
  ].join('\n');
}

describe('loan vocabulary in the README', () => {
  it('lists every code and range of loan-vocabulary.ts exactly', () => {
    assert.ok(README.includes(readmeBlock()), `README.md's "Codes and plausible values" should hold:\n${readmeBlock()}`);
  });
});
