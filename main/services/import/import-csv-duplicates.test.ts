import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { importCsv } from './import-csv.ts';
import { problemsOf, seedReferences, snapshot } from './fixtures/rejected-import.ts';
import { createTestWorkspace, type TestWorkspace } from './fixtures/test-workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

function schemaNames(): string[] {
  return ws.rows<{ name: string }>('SELECT name FROM sqlite_master ORDER BY name').map((r) => r.name);
}

interface DuplicateCase {
  kind: ImportKind;
  /** Row 3 has a key that differs from row 2's in one part only (or wholly), so it is not a duplicate; row 4 repeats row 2's. */
  text: string;
  column: string;
  value: string;
  reason: string;
}

const LOAN_HEADER = 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months';
const LOAN_REST = 'B1,consumer_cash_loan,2024-01-01,100,0.1,12';
const TX_HEADER = 'tx_id,account_id,ts,amount,currency';
const TX_REST = 'A1,2024-01-01T00:00:00Z,1,CNY';
const LABEL_HEADER = 'subject_type,subject_id,label';

const DUPLICATES: DuplicateCase[] = [
  { kind: 'borrowers', text: 'borrower_id,region,annual_income\nB2,east,1\nB3,east,1\nB2,west,2\n', column: 'borrower_id', value: 'B2', reason: 'also appears in row 2' },
  { kind: 'loans', text: `${LOAN_HEADER}\nL2,${LOAN_REST}\nL3,${LOAN_REST}\nL2,${LOAN_REST}\n`, column: 'loan_id', value: 'L2', reason: 'also appears in row 2' },
  { kind: 'performance', text: 'loan_id,as_of,balance,dpd\nL1,2024-01,90,0\nL1,2024-02,80,0\nL1,2024-01,70,0\n', column: 'loan_id', value: 'L1', reason: 'with as_of "2024-01" also appears in row 2' },
  { kind: 'accounts', text: 'account_id,opened_at\nA2,2024-01-01T00:00:00Z\nA3,2024-01-01T00:00:00Z\nA2,2024-02-01T00:00:00Z\n', column: 'account_id', value: 'A2', reason: 'also appears in row 2' },
  { kind: 'transactions', text: `${TX_HEADER}\nT2,${TX_REST}\nT3,${TX_REST}\nT2,${TX_REST}\n`, column: 'tx_id', value: 'T2', reason: 'also appears in row 2' },
  { kind: 'labels', text: `${LABEL_HEADER},source\nloan,L1,default,bureau\nloan,L1,default,manual\nloan,L1,current,bureau\n`, column: 'subject_type', value: 'loan', reason: 'with subject_id "L1" and source "bureau" also appears in row 2' },
  { kind: 'labels', text: `${LABEL_HEADER}\nloan,L1,default\naccount,A1,mule\nloan,L1,current\n`, column: 'subject_type', value: 'loan', reason: 'with subject_id "L1" and no source also appears in row 2' },
  { kind: 'liquidity_lines', text: 'line_id,category,amount\nX1,hqla_l1_cash,1\nX2,hqla_l1_cash,1\nX1,retail_stable,2\n', column: 'line_id', value: 'X1', reason: 'also appears in row 2' },
  { kind: 'daily_flows', text: 'date,product,inflow,outflow\n2025-01-01,mmf,1,2\n2025-01-01,bond,1,2\n2025-01-01,mmf,3,4\n', column: 'date', value: '2025-01-01', reason: 'with product "mmf" also appears in row 2' },
];

describe('importCsv refuses a natural key that appears twice in one file', () => {
  for (const c of DUPLICATES) {
    it(`${c.kind}: ${c.column} ${c.value} ${c.reason}`, async () => {
      await seedReferences(ws);
      const before = snapshot(ws);
      const { problems, file, error } = await problemsOf(ws, c.kind, c.text);
      assert.deepEqual(problems, [{ file, row: 4, column: c.column, value: c.value, reason: c.reason }]);
      assert.ok(error.message.includes(`row 4, column ${c.column}: "${c.value}" ${c.reason}`), error.message);
      assert.equal(snapshot(ws), before);
    });
  }

  it('names the first row for every later repeat, and still reports the other problems of those rows', async () => {
    await seedReferences(ws);
    const text = `${TX_HEADER}\nT2,A1,2024-01-01T00:00:00Z,x,CNY\nT2,${TX_REST}\nT3,${TX_REST}\nT2,A1,yesterday,1,CNY\n`;
    const { problems } = await problemsOf(ws, 'transactions', text);
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.reason]),
      [
        [2, 'amount', 'is not an amount like 1234.56'],
        [3, 'tx_id', 'also appears in row 2'],
        [5, 'ts', 'is not a timestamp like 2024-01-31T09:30:00+08:00'],
        [5, 'tx_id', 'also appears in row 2'],
      ],
    );
  });

  it('still updates in place an id imported by an earlier file', async () => {
    await seedReferences(ws);
    const summary = await importCsv(ws.context(), { kind: 'accounts', file: ws.writeFile('again.csv', 'account_id,opened_at,country\nA1,2024-01-01T00:00:00Z,CN\nA2,2024-01-01T00:00:00Z,SG\n') });
    assert.equal(summary.rows, 2);
    assert.deepEqual(ws.rows('SELECT account_id, country FROM accounts ORDER BY account_id'), [
      { account_id: 'A1', country: 'CN' },
      { account_id: 'A2', country: 'SG' },
    ]);
  });

  it('leaves no scratch table behind after an import that commits or one that is refused', async () => {
    const schema = schemaNames();
    await importCsv(ws.context(), { kind: 'daily_flows', file: ws.writeFile('ok.csv', 'date,product,inflow,outflow\n2025-01-01,mmf,1,2\n') });
    assert.deepEqual(schemaNames(), schema);
    await problemsOf(ws, 'daily_flows', 'date,product,inflow,outflow\n2025-01-01,mmf,1,2\n2025-01-01,mmf,1,2\n');
    assert.deepEqual(schemaNames(), schema);
    assert.equal(ws.db.inTransaction, false);
  });

  it('leaves no scratch table behind when the process dies mid-import', async () => {
    const schema = schemaNames();
    const lines = ['date,product,inflow,outflow'];
    for (let i = 0; i < 3000; i += 1) lines.push(`2025-01-01,p${i},1,2`);
    const file = ws.writeFile('flows.csv', lines.join('\n'));
    const { path, key } = ws.context().workspace.readerSpec();
    const crash = fileURLToPath(new URL('./fixtures/crash-mid-import.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', crash, path, file], { encoding: 'utf8', env: { ...process.env, RISKDESK_TEST_KEY: key.toString('hex') } });
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    assert.equal(child.stdout, 'scratch table present: yes\n', 'the child died inside the import, scratch table and all');
    assert.deepEqual(schemaNames(), schema);
    assert.deepEqual(ws.rows('SELECT count(*) AS n FROM daily_flows'), [{ n: 0 }]);
    const summary = await importCsv(ws.context(), { kind: 'daily_flows', file });
    assert.equal(summary.rows, 3000);
    assert.deepEqual(schemaNames(), schema);
  });
});
