import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isRiskDeskError, type RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ImportProblem } from '../import/problems.ts';
import { readLineFile } from './line-file.ts';

let folder = '';
let files = 0;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'riskdesk-line-file-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A real file holding `text` (a BOM, CRLFs, whatever the test writes), in the test's temp folder. */
async function fileWith(text: string): Promise<string> {
  files += 1;
  const file = join(folder, `lines-${files}.csv`);
  await writeFile(file, text, 'utf8');
  return file;
}

/** Reads `text` as `ratio` lines and insists on a rejection, returning its problems and its message. */
async function refused(text: string, ratio: 'lcr' | 'nsfr' = 'lcr'): Promise<{ error: RiskDeskError; problems: ImportProblem[] }> {
  const file = await fileWith(text);
  const error = await readLineFile(file, ratio, 'USD').then(
    () => assert.fail('the file was read'),
    (e: unknown) => e,
  );
  assert.ok(isRiskDeskError(error), String(error));
  assert.equal(error.code, 'IMPORT_REJECTED', error.message);
  assert.ok(error.message.startsWith(`${file} was not read (no line of it was used)`), error.message);
  return { error, problems: (error.details as { problems: ImportProblem[] }).problems };
}

describe('readLineFile', () => {
  it('reads the lines of an LCR file in minor units, with or without a BOM and a description', async () => {
    const text = 'line_id,category,amount,description\r\nC1,hqla_l1_cash,1234.56,vault\r\n\r\nD1,retail_less_stable,0.29,\r\nR1,inflow_retail,1000,"loans, due"\r\n';
    for (const file of [await fileWith(text), await fileWith(`\uFEFF${text}`)]) {
      assert.deepEqual(await readLineFile(file, 'lcr', 'USD'), [
        { lineId: 'C1', category: 'hqla_l1_cash', amountMinor: 123_456, description: 'vault' },
        { lineId: 'D1', category: 'retail_less_stable', amountMinor: 29, description: null },
        { lineId: 'R1', category: 'inflow_retail', amountMinor: 100_000, description: 'loans, due' },
      ]);
    }
    // Without the optional column, in a currency with no minor unit.
    assert.deepEqual(await readLineFile(await fileWith('line_id,category,amount\nA,asf_capital,5000\n'), 'nsfr', 'JPY'), [
      { lineId: 'A', category: 'asf_capital', amountMinor: 5000, description: null },
    ]);
  });

  it('refuses a category of the other ratio, or none, naming row and column', async () => {
    const { error, problems } = await refused('line_id,category,amount\nA,asf_capital,10\nB,hqla_l1_cash,10\n', 'lcr');
    assert.deepEqual(problems.map((p) => [p.file.endsWith('.csv'), p.row, p.column, p.value]), [[true, 2, 'category', 'asf_capital']]);
    assert.match(error.message, /row 2, column category: "asf_capital" is not one of the LCR categories/);
    const nsfr = await refused('line_id,category,amount\nA,asf_capital,10\nB,hqla_l1_cash,10\n', 'nsfr');
    assert.match(nsfr.error.message, /row 3, column category: "hqla_l1_cash" is not one of the NSFR categories/);
  });

  it('refuses a negative amount', async () => {
    const { error, problems } = await refused('line_id,category,amount\nA,hqla_l1_cash,-5.00\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.value, p.reason]), [[2, 'amount', '-5.00', 'must not be negative']]);
    assert.match(error.message, /row 2, column amount: "-5.00" must not be negative/);
  });

  it('refuses an amount that is not a number', async () => {
    const { error } = await refused('line_id,category,amount\nA,hqla_l1_cash,100\nB,hqla_l1_cash,"1,000"\nC,hqla_l1_cash,ten\nD,hqla_l1_cash,1.234\n');
    assert.match(error.message, /row 3, column amount: "1,000" has a comma/);
    assert.match(error.message, /row 4, column amount: "ten" is not an amount like 1234.56/);
    assert.match(error.message, /row 5, column amount: "1.234" has 3 decimals but USD has 2/);
  });

  it('refuses a line id used twice, naming both rows', async () => {
    const { error, problems } = await refused('line_id,category,amount\nA,hqla_l1_cash,1\nB,hqla_l2a,1\nA,hqla_l2a,2\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.value]), [[4, 'line_id', 'A']]);
    assert.match(error.message, /row 4, column line_id: "A" also appears in row 2/);
  });

  it('refuses an empty file, and a header without lines', async () => {
    const empty = await refused('');
    assert.match(empty.error.message, /row 1: the file is empty; its first row must name the columns/);
    const bomOnly = await refused('\uFEFF');
    assert.match(bomOnly.error.message, /row 1: the file is empty/);
    const headerOnly = await refused('line_id,category,amount\n\n');
    assert.deepEqual(headerOnly.problems.map((p) => [p.row, p.column]), [[2, null]]);
    assert.match(headerOnly.error.message, /row 2: the file has no lines below its header/);
  });

  it('refuses a file without a required column, and checks its rows all the same', async () => {
    const { error, problems } = await refused('line_id,amount\nA,10\nB,-1\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column]), [[1, 'category'], [3, 'amount']]);
    assert.match(error.message, /row 1, column category: is a required column of LCR lines but is missing from the header/);
  });

  it('refuses an unknown column and a row of the wrong length', async () => {
    const { error } = await refused('line_id,category,amount,maturity\nA,hqla_l1_cash,10,2025-01-01\nB,hqla_l1_cash\n');
    assert.match(error.message, /row 1, column maturity: "maturity" is not a column of LCR lines/);
    assert.match(error.message, /row 3: has 2 values but the header has 4 columns/);
  });

  it('refuses a file that does not exist, and a currency that is not one', async () => {
    await assert.rejects(readLineFile(join(folder, 'missing.csv'), 'lcr', 'USD'), (e: unknown) => isRiskDeskError(e) && e.code === 'FILE_UNREADABLE' && /does not exist/.test(e.message));
    await assert.rejects(readLineFile(await fileWith('line_id,category,amount\nA,hqla_l1_cash,1\n'), 'lcr', 'usd'), (e: unknown) => isRiskDeskError(e) && e.code === 'INVALID_ARGUMENT');
  });
});
