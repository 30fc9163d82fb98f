import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { importCsv } from './import-csv.ts';
import { failure, snapshot } from './fixtures/rejected-import.ts';
import { createTestWorkspace, type TestWorkspace } from './fixtures/test-workspace.ts';
import type { ImportProblem } from './problems.ts';

// A check (checkOnly) is the import rolled back: it must find what the import finds and leave every table, the
// audit trail included, as it was.
let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

const LOANS = 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months';

async function withBorrower(): Promise<void> {
  await importCsv(ws.context(), { kind: 'borrowers', file: ws.writeFile('b.csv', 'borrower_id,region,annual_income\nB1,east,1\n') });
}

describe('importCsv with checkOnly', () => {
  it('lists the rows and the warnings (value, row, column) and writes nothing, no audit event either', async () => {
    await withBorrower();
    const before = snapshot(ws);
    const file = ws.writeFile('unusual.csv', `${LOANS}\nL1,B1,consumer_cash_loan,2024-06-15,5000.00,0.48,12\nL2,B1,consumer_cash_loan,2024-06-15,5000.00,0.12,240\nL3,B1,consumer_cash_loan,2024-06-15,5000.00,0.12,12\n`);
    const checked = await importCsv(ws.context(), { kind: 'loans', file, checkOnly: true });
    assert.equal(checked.written, false);
    assert.equal(checked.rows, 3);
    assert.deepEqual(
      checked.warnings.first.map((w) => [w.row, w.column, w.value]),
      [
        [2, 'interest_rate', '0.48'],
        [3, 'term_months', '240'],
      ],
    );
    assert.equal(checked.warnings.total, 2);
    assert.equal(snapshot(ws), before, 'no loan and no audit event after a check');

    // Confirming imports the same file, with the same summary apart from having written it.
    const imported = await importCsv(ws.context(), { kind: 'loans', file });
    assert.deepEqual({ ...imported, written: false }, checked);
    assert.equal(ws.rows('SELECT loan_id FROM loans').length, 3);
  });

  it('refuses a bad file naming row and column, as the import would, and writes nothing', async () => {
    await withBorrower();
    const before = snapshot(ws);
    // Row 2: a rate typed as a percentage; row 3: a borrower not imported (found only by the database's own check).
    const file = ws.writeFile('bad.csv', `${LOANS}\nL1,B1,consumer_cash_loan,2024-06-15,5000.00,12,12\nL2,B9,consumer_cash_loan,2024-06-15,5000.00,0.12,12\n`);
    const checkError = await failure(importCsv(ws.context(), { kind: 'loans', file, checkOnly: true }));
    const importError = await failure(importCsv(ws.context(), { kind: 'loans', file }));
    assert.equal(checkError.code, 'IMPORT_REJECTED');
    assert.match(checkError.message, /^\S*bad\.csv cannot be imported \(checked; nothing was written\): 2 problems/);
    const located = (error: typeof checkError) => (error.details as { problems: ImportProblem[] }).problems.map((p) => [p.row, p.column, p.value]);
    assert.deepEqual(located(checkError), [
      [2, 'interest_rate', '12'],
      [3, 'borrower_id', 'B9'],
    ]);
    assert.deepEqual(located(checkError), located(importError), 'the check finds exactly what the import finds');
    assert.equal(snapshot(ws), before);
  });

  it('is refused to a role that may not import, like the import', async () => {
    const file = ws.writeFile('b2.csv', 'borrower_id,region,annual_income\nB2,east,1\n');
    const error = await failure(importCsv(ws.context('auditor', 'audra'), { kind: 'borrowers', file, checkOnly: true }));
    assert.equal(error.code, 'FORBIDDEN');
  });
});
