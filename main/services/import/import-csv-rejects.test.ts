import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { MAX_RECORD_CHARS } from './csv-file.ts';
import { importCsv } from './import-csv.ts';
import type { ImportProblem } from './problems.ts';
import { EMPTY_SNAPSHOT, failure, problemsOf, seedReferences, snapshot } from './fixtures/rejected-import.ts';
import { createTestWorkspace, type TestWorkspace } from './fixtures/test-workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

interface BadValueCase {
  kind: ImportKind;
  header: string;
  row: string;
  column: string;
  value: string;
  reason: string | RegExp;
}

const BORROWER_COLUMNS = 'borrower_id, region, annual_income, birth_date, occupation, employment_type, industry, monthly_debt, credit_history_months, home_ownership, registered_at, id_verified';
const LOAN_HEADER = 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months,currency,maturity_date,dpd';
const LOAN_OK = ['L2', 'B1', 'consumer_cash_loan', '2024-01-01', '100', '0.1', '12', '', '', ''];
function loanRow(changes: Record<number, string>): string {
  return LOAN_OK.map((cell, index) => changes[index] ?? cell).join(',');
}

const BAD_VALUES: BadValueCase[] = [
  { kind: 'borrowers', header: 'borrower_id,region,annual_income', row: 'B2,,1', column: 'region', value: '', reason: 'is empty but this column is required' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income', row: 'B2 ,east,1', column: 'borrower_id', value: 'B2 ', reason: /spaces before or after it/ },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income', row: 'B2,east,1.234', column: 'annual_income', value: '1.234', reason: 'has 3 decimals but CNY has 2' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income', row: 'B2,east,-1', column: 'annual_income', value: '-1', reason: 'must not be negative' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income', row: 'B2,east,1e3', column: 'annual_income', value: '1e3', reason: /exponent/ },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income,birth_date', row: 'B2,east,1,2023-02-29', column: 'birth_date', value: '2023-02-29', reason: 'is not a date on the calendar' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income,birth_date', row: 'B2,east,1,2030-01-01', column: 'birth_date', value: '2030-01-01', reason: 'is in the future' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income,id_verified', row: 'B2,east,1,maybe', column: 'id_verified', value: 'maybe', reason: 'is not true/false, yes/no or 1/0' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income,credit_history_months', row: 'B2,east,1,3.5', column: 'credit_history_months', value: '3.5', reason: 'is not a whole number' },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income,registered_at', row: 'B2,east,1,2024-01-01T10:00:00', column: 'registered_at', value: '2024-01-01T10:00:00', reason: /has no time zone/ },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 4: '0' }), column: 'principal', value: '0', reason: 'must be more than 0 and at most 1,000,000,000 major units of the loan currency' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 5: '12.5' }), column: 'interest_rate', value: '12.5', reason: 'is more than 1: rates are decimals, so 12.5 means 1,250 %; write 0.125 for 12.5 %' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 5: '-0.01' }), column: 'interest_rate', value: '-0.01', reason: 'must be between 0 and 1 a year, as a decimal (0.05 is 5 %)' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 6: '0' }), column: 'term_months', value: '0', reason: 'must be between 1 and 600 months' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 7: 'RMB' }), column: 'currency', value: 'RMB', reason: /not an ISO 4217 currency code/ },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 4: '100.5', 7: 'JPY' }), column: 'principal', value: '100.5', reason: 'has decimals but JPY has no minor unit' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 8: '2023-12-31' }), column: 'maturity_date', value: '2023-12-31', reason: 'is before the origination date 2024-01-01' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 9: '-1' }), column: 'dpd', value: '-1', reason: 'must not be negative' },
  { kind: 'performance', header: 'loan_id,as_of,balance,dpd', row: 'L1,2024-13,1,0', column: 'as_of', value: '2024-13', reason: 'is not a month on the calendar' },
  { kind: 'performance', header: 'loan_id,as_of,balance,dpd', row: 'L1,2024-01-31,1,0', column: 'as_of', value: '2024-01-31', reason: 'is not a month in the form YYYY-MM' },
  { kind: 'accounts', header: 'account_id,opened_at,kyc_level', row: 'A2,yesterday,1', column: 'opened_at', value: 'yesterday', reason: /not a timestamp/ },
  { kind: 'accounts', header: 'account_id,opened_at,kyc_level', row: 'A2,2024-01-01T00:00:00Z,-2', column: 'kyc_level', value: '-2', reason: 'must not be negative' },
  { kind: 'transactions', header: 'tx_id,account_id,ts,amount,currency', row: 'T2,A1,2024-01-01T00:00:00Z,5,usd', column: 'currency', value: 'usd', reason: 'is not written as its ISO 4217 code; write USD' },
  { kind: 'transactions', header: 'tx_id,account_id,ts,amount,currency', row: 'T2,A1,2024-01-01T00:00:00Z,"1,000.00",CNY', column: 'amount', value: '1,000.00', reason: /comma/ },
  { kind: 'labels', header: 'subject_type,subject_id,label', row: 'borrower,B1,good', column: 'subject_type', value: 'borrower', reason: 'is not one of transaction, account, loan' },
  { kind: 'liquidity_lines', header: 'line_id,category,amount', row: 'X1,hqla_l3,1', column: 'category', value: 'hqla_l3', reason: /is not one of the LCR categories/ },
  { kind: 'liquidity_lines', header: 'line_id,category,amount', row: 'X1,hqla_l1_cash,-5', column: 'amount', value: '-5', reason: 'must not be negative' },
  { kind: 'daily_flows', header: 'date,product,inflow,outflow', row: '2025-01-01,mmf,1,12.', column: 'outflow', value: '12.', reason: 'ends with a decimal point; write 12 or 12.00' },
  // Hidden characters are refused by name and echoed as <U+XXXX>, so the message cannot be reordered or recoloured by them.
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 0: 'L\u202E2' }), column: 'loan_id', value: 'L<U+202E>2', reason: /^contains U\+202E \(right-to-left override\) at character 2; ids may not/ },
  { kind: 'transactions', header: 'tx_id,account_id,ts,amount,currency,device_id', row: 'T2,A1,2024-01-01T00:00:00Z,5,CNY,D\u001B[2J', column: 'device_id', value: 'D<U+001B>[2J', reason: /^contains U\+001B \(escape\) at character 2;/ },
  { kind: 'labels', header: 'subject_type,subject_id,label', row: 'loan,L1,bad\u0000', column: 'label', value: 'bad<U+0000>', reason: /^contains U\+0000 \(null\) at character 4; text may not/ },
  { kind: 'liquidity_lines', header: 'line_id,category,amount,description', row: 'X1,hqla_l1_cash,1,"cash \u2066at bank"', column: 'description', value: 'cash <U+2066>at bank', reason: /^contains U\+2066 \(left-to-right isolate\) at character 6;/ },
  { kind: 'borrowers', header: 'borrower_id,region,annual_income', row: `${'B'.repeat(65)},east,1`, column: 'borrower_id', value: `${'B'.repeat(40)}…`, reason: 'is 65 characters long; ids may have at most 64' },
  { kind: 'daily_flows', header: 'date,product,inflow,outflow', row: `2025-01-01,${'p'.repeat(501)},1,2`, column: 'product', value: `${'p'.repeat(40)}…`, reason: 'is 501 characters long; text may have at most 500' },
  { kind: 'loans', header: LOAN_HEADER, row: loanRow({ 3: '0001-01-01' }), column: 'origination_date', value: '0001-01-01', reason: 'is outside the accepted range 1900-01-01 to 2200-12-31' },
  { kind: 'accounts', header: 'account_id,opened_at', row: 'A2,1899-12-31T23:59:59Z', column: 'opened_at', value: '1899-12-31T23:59:59Z', reason: 'is outside the accepted range 1900-01-01 to 2200-12-31 (in UTC)' },
  { kind: 'performance', header: 'loan_id,as_of,balance,dpd', row: 'L1,2201-01,1,0', column: 'as_of', value: '2201-01', reason: 'is outside the accepted range 1900-01 to 2200-12' },
];

describe('importCsv reports each kind of bad value with file, row, column, value and reason', () => {
  for (const bad of BAD_VALUES) {
    it(`${bad.kind}.${bad.column} = ${JSON.stringify(bad.value)}`, async () => {
      await seedReferences(ws);
      const before = snapshot(ws);
      const { file, problems, total } = await problemsOf(ws, bad.kind, `${bad.header}\n${bad.row}\n`);
      assert.equal(total, 1, JSON.stringify(problems));
      const [problem] = problems;
      assert.ok(problem);
      assert.equal(problem.file, file);
      assert.equal(problem.row, 2);
      assert.equal(problem.column, bad.column);
      assert.equal(problem.value, bad.value);
      if (typeof bad.reason === 'string') assert.equal(problem.reason, bad.reason);
      else assert.match(problem.reason, bad.reason);
      assert.equal(snapshot(ws), before);
    });
  }

  it('reports every bad value of a row and of later rows, numbered as a spreadsheet shows them', async () => {
    const text = 'borrower_id,region,annual_income,id_verified\nB1,east,1,yes\n\nB2,,x,perhaps\nB3,"two\nlines",1,no\nB4,west,-3,no\n';
    const { problems, error } = await problemsOf(ws, 'borrowers', text);
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.value]),
      [
        [4, 'region', ''],
        [4, 'annual_income', 'x'],
        [4, 'id_verified', 'perhaps'],
        [6, 'annual_income', '-3'],
      ],
    );
    assert.match(error.message, /borrowers\.csv was not imported \(nothing was written\): 4 problems/);
    assert.match(error.message, /row 4, column annual_income: "x" is not an amount like 1234\.56/);
    assert.match(error.message, /row 6, column annual_income: "-3" must not be negative/);
  });

  it('caps the listed problems but counts them all', async () => {
    const lines = ['date,product,inflow,outflow'];
    for (let i = 0; i < 250; i += 1) lines.push(`2025-01-01,p${i},bad,0`);
    const { problems, total, error } = await problemsOf(ws, 'daily_flows', lines.join('\n'));
    assert.equal(total, 250);
    assert.equal(problems.length, 100);
    assert.equal(problems[99]?.row, 101);
    assert.match(error.message, /250 problems/);
    assert.match(error.message, /… and 245 more \(the first 100 are in the details\)/);
    assert.equal(error.message.split('\n').length, 7);
  });

  it('reports rows with the wrong number of values', async () => {
    const { problems } = await problemsOf(ws, 'daily_flows', 'date,product,inflow,outflow\n2025-01-01,mmf,1\n2025-01-02,mmf,1,2,3\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.reason]), [
      [2, null, 'has 3 values but the header has 4 columns'],
      [3, null, 'has 5 values but the header has 4 columns'],
    ]);
  });

  it('reports broken quoting at its row and column, after the problems of the rows before it', async () => {
    const { problems } = await problemsOf(ws, 'borrowers', 'borrower_id,region,annual_income\nB1,"multi\nline",x\n\nB2,e"ast,1\nB3,east,y\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column]), [[2, 'annual_income'], [4, 'region']]);
    assert.match(problems[1]?.reason ?? '', /" inside an unquoted value/);
  });

  it('reports a quote left open to the end of a long file at the row where it opens', async () => {
    const lines = ['date,product,inflow,outflow'];
    for (let i = 0; i < 20_000; i += 1) lines.push(`2025-01-01,p${i},1,2`);
    lines.push('2025-01-02,"open,1,2', '2025-01-03,x,1,2');
    const { problems } = await problemsOf(ws, 'daily_flows', lines.join('\n'));
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.reason]), [[20_002, 'product', 'has a quoted value that is never closed (a " is missing); nothing after it could be read']]);
  });

  it('refuses a record longer than any import takes as soon as it is that long, naming its row', async () => {
    const { problems } = await problemsOf(ws, 'borrowers', `borrower_id,region,annual_income\nB1,north,1.00\nB2,${'x'.repeat(MAX_RECORD_CHARS * 4)},2.00\nB3,east,3.00\n`);
    assert.deepEqual(problems.map((p) => [p.row, p.value]), [[3, null]]);
    assert.match(problems[0]?.reason ?? '', /is longer than 65,536 characters/);
  });

  it('reports broken quoting in the header', async () => {
    const { problems } = await problemsOf(ws, 'daily_flows', 'date,"product,inflow,outflow\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column]), [[1, null]]);
  });

  it('reports text that is not UTF-8', async () => {
    const gbk = Buffer.concat([Buffer.from('borrower_id,region,annual_income\nB1,'), Buffer.from([0xba, 0xbc, 0xd6, 0xdd]), Buffer.from(',1\n')]);
    const file = ws.writeFile('gbk.csv', gbk);
    const error = await failure(importCsv(ws.context(), { kind: 'borrowers', file }));
    const [problem] = (error.details as { problems: ImportProblem[] }).problems;
    assert.deepEqual([problem?.row, problem?.column], [2, 'region']);
    assert.match(problem?.reason ?? '', /^is not valid UTF-8 text; the file looks like GBK/);
  });

  it('refuses an empty file', async () => {
    const { problems } = await problemsOf(ws, 'borrowers', '');
    assert.deepEqual(problems.map((p) => [p.row, p.reason]), [[1, 'the file is empty; its first row must name the columns']]);
  });
});

describe('importCsv checks the header', () => {
  it('reports a missing required column on row 1, naming it', async () => {
    const { problems, file } = await problemsOf(ws, 'loans', 'loan_id,borrower_id,product,origination_date,interest_rate,term_months\nL1,B1,consumer_cash_loan,2024-01-01,0.1,12\n');
    assert.deepEqual(problems, [{ file, row: 1, column: 'principal', value: null, reason: 'is a required column of loans but is missing from the header' }]);
  });

  it('reports unknown, misspelt, repeated and unnamed columns', async () => {
    const { problems } = await problemsOf(ws, 'daily_flows', 'date,product,inflow,outflow,Notes,Inflow,product,\n2025-01-01,mmf,1,2,x,1,mmf,\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column, p.value, p.reason]), [
      [1, 'Notes', 'Notes', 'is not a column of daily_flows (its columns are date, product, inflow, outflow)'],
      [1, 'Inflow', 'Inflow', 'is not a column of daily_flows; column names are lower case (inflow)'],
      [1, 'product', 'product', 'appears twice in the header'],
      [1, null, '', 'column 8 of the header has no name'],
    ]);
  });

  // One non-key column and a valid value under it: nothing in the row is wrong, only the header.
  const HEADER_MISSING: { kind: ImportKind; column: string; value: string; missing: string[] }[] = [
    { kind: 'borrowers', column: 'region', value: 'east', missing: ['borrower_id', 'annual_income'] },
    { kind: 'loans', column: 'product', value: 'consumer_cash_loan', missing: ['loan_id', 'borrower_id', 'origination_date', 'principal', 'interest_rate', 'term_months'] },
    { kind: 'performance', column: 'balance', value: '10', missing: ['loan_id', 'as_of', 'dpd'] },
    { kind: 'accounts', column: 'opened_at', value: '2024-01-01T00:00:00Z', missing: ['account_id'] },
    { kind: 'transactions', column: 'amount', value: '5', missing: ['tx_id', 'account_id', 'ts', 'currency'] },
    { kind: 'labels', column: 'label', value: 'fraud', missing: ['subject_type', 'subject_id'] },
    { kind: 'liquidity_lines', column: 'amount', value: '5', missing: ['line_id', 'category'] },
    { kind: 'daily_flows', column: 'inflow', value: '5', missing: ['date', 'product', 'outflow'] },
  ];
  for (const c of HEADER_MISSING) {
    it(`${c.kind} with only ${c.column} in the header names each missing column`, async () => {
      await seedReferences(ws);
      const before = snapshot(ws);
      const { problems, file } = await problemsOf(ws, c.kind, `${c.column}\n${c.value}\n`);
      const reason = `is a required column of ${c.kind} but is missing from the header`;
      assert.deepEqual(problems, c.missing.map((column) => ({ file, row: 1, column, value: null, reason })));
      assert.equal(snapshot(ws), before);
    });
  }

  it('echoes only the offending header cell, clipped, when the file is not a CSV at all', async () => {
    const first = 'root:x:0:0:root-and-a-long-gecos-field-for-the-administrator:/root:/bin/bash';
    const text = `${first}\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n`;
    const { problems, error, file } = await problemsOf(ws, 'borrowers', text, 'passwd');
    const clipped = `${first.slice(0, 40)}…`;
    const missing = (column: string) => ({ file, row: 1, column, value: null, reason: 'is a required column of borrowers but is missing from the header' });
    assert.deepEqual(problems, [
      { file, row: 1, column: clipped, value: clipped, reason: `is not a column of borrowers (its columns are ${BORROWER_COLUMNS})` },
      missing('borrower_id'),
      missing('region'),
      missing('annual_income'),
    ]);
    for (const shown of [error.message, JSON.stringify(error.details)]) {
      assert.ok(!shown.includes('/bin/bash') && !shown.includes('daemon'), shown);
    }
  });

  it('still checks the values of the known columns', async () => {
    const { problems } = await problemsOf(ws, 'daily_flows', 'date,product,inflow\n2025-01-01,mmf,x\n');
    assert.deepEqual(problems.map((p) => [p.row, p.column]), [[1, 'outflow'], [2, 'inflow']]);
  });
});

describe('importCsv checks references', () => {
  const cases: { kind: ImportKind; text: string; column: string; value: string; reason: string }[] = [
    { kind: 'loans', text: 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months\nL2,B404,consumer_cash_loan,2024-01-01,1,0.1,12\n', column: 'borrower_id', value: 'B404', reason: 'is not a borrower in this workspace; import the borrowers first' },
    { kind: 'performance', text: 'loan_id,as_of,balance,dpd\nL404,2024-01,1,0\n', column: 'loan_id', value: 'L404', reason: 'is not a loan in this workspace; import the loans first' },
    { kind: 'accounts', text: 'account_id,opened_at,borrower_id\nA2,2024-01-01T00:00:00Z,B404\n', column: 'borrower_id', value: 'B404', reason: 'is not a borrower in this workspace; import the borrowers first' },
    { kind: 'transactions', text: 'tx_id,account_id,ts,amount,currency\nT2,A404,2024-01-01T00:00:00Z,1,CNY\n', column: 'account_id', value: 'A404', reason: 'is not an account in this workspace; import the accounts first' },
    { kind: 'labels', text: 'subject_type,subject_id,label\nloan,L404,default\n', column: 'subject_id', value: 'L404', reason: 'is not a loan in this workspace; import the loans first' },
    { kind: 'labels', text: 'subject_type,subject_id,label\naccount,T1,mule\n', column: 'subject_id', value: 'T1', reason: 'is not an account in this workspace; import the accounts first' },
  ];
  for (const c of cases) {
    it(`${c.kind}.${c.column} must exist`, async () => {
      await seedReferences(ws);
      const before = snapshot(ws);
      const { problems, file } = await problemsOf(ws, c.kind, c.text);
      assert.deepEqual(problems, [{ file, row: 2, column: c.column, value: c.value, reason: c.reason }]);
      assert.equal(snapshot(ws), before);
    });
  }

  it('finds every unknown reference, not just the first', async () => {
    await seedReferences(ws);
    const { problems } = await problemsOf(ws, 'transactions', 'tx_id,account_id,ts,amount,currency\nT2,A404,2024-01-01T00:00:00Z,1,CNY\nT3,A1,2024-01-01T00:00:00Z,1,CNY\nT4,A405,2024-01-01T00:00:00Z,1,CNY\n');
    assert.deepEqual(problems.map((p) => [p.row, p.value]), [[2, 'A404'], [4, 'A405']]);
  });
});

describe('importCsv is all or nothing', () => {
  it('a bad row late in a file leaves the tables and the audit trail unchanged', async () => {
    await seedReferences(ws);
    const before = snapshot(ws);
    const lines = ['tx_id,account_id,ts,amount,currency'];
    // Several read chunks' worth, so rows were written before the bad one was reached.
    for (let i = 0; i < 20_000; i += 1) lines.push(`X${i},A1,2024-02-01T00:00:00Z,${i}.25,CNY`);
    lines.push('T1,A1,2024-02-01T00:00:00Z,999.999,CNY');
    const { problems } = await problemsOf(ws, 'transactions', lines.join('\n'));
    assert.deepEqual(problems.map((p) => [p.row, p.column]), [[20_002, 'amount']]);
    assert.equal(snapshot(ws), before);
    assert.equal(ws.db.inTransaction, false);
  });

  it('refuses an auditor before touching the file or the database', async () => {
    const file = ws.writeFile('b.csv', 'borrower_id,region,annual_income\nB1,east,1\n');
    const error = await failure(importCsv(ws.context('auditor', 'audrey'), { kind: 'borrowers', file }));
    assert.equal(error.code, 'FORBIDDEN');
    assert.match(error.message, /audrey \(auditor\) may not data\.import/);
    assert.equal(snapshot(ws), EMPTY_SNAPSHOT);
  });

  it('gives FILE_UNREADABLE naming a missing file or a folder', async () => {
    const missing = `${ws.dir}/nope.csv`;
    const error = await failure(importCsv(ws.context(), { kind: 'borrowers', file: missing }));
    assert.equal(error.code, 'FILE_UNREADABLE');
    assert.equal(error.message, `${missing} does not exist.`);
    const folder = await failure(importCsv(ws.context(), { kind: 'borrowers', file: ws.dir }));
    assert.equal(folder.code, 'FILE_UNREADABLE');
    assert.equal(folder.message, `${ws.dir} is a folder, not a file.`);
    assert.equal(ws.rows('SELECT * FROM audit_events').length, 0);
  });

  it('gives FILE_UNREADABLE for a file without read permission', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
    const file = ws.writeFile('locked.csv', 'borrower_id,region,annual_income\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o000);
    const error = await failure(importCsv(ws.context(), { kind: 'borrowers', file }));
    assert.equal(error.code, 'FILE_UNREADABLE');
    assert.equal(error.message, `${file} cannot be read: permission denied.`);
  });

  it('refuses an unknown kind', async () => {
    const error = await failure(importCsv(ws.context(), { kind: 'investors' as ImportKind, file: ws.writeFile('x.csv', 'a\n') }));
    assert.equal(error.code, 'INVALID_ARGUMENT');
  });

  it('cancelling through the signal mid-file writes nothing', async () => {
    await seedReferences(ws);
    const before = snapshot(ws);
    const lines = ['tx_id,account_id,ts,amount,currency'];
    for (let i = 0; i < 5000; i += 1) lines.push(`X${i},A1,2024-02-01T00:00:00Z,1,CNY`);
    const file = ws.writeFile('tx.csv', lines.join('\n'));
    const controller = new AbortController();
    const error = await failure(importCsv(ws.context(), { kind: 'transactions', file }, { signal: controller.signal, onProgress: () => controller.abort() }));
    assert.equal(error.code, 'JOB_CANCELLED');
    assert.equal(error.message, `The import of ${file} was cancelled; nothing was written.`);
    assert.equal(snapshot(ws), before);
    assert.equal(ws.db.inTransaction, false);
  });

  it('a signal aborted before the start writes nothing', async () => {
    const file = ws.writeFile('b.csv', 'borrower_id,region,annual_income\nB1,east,1\n');
    const error = await failure(importCsv(ws.context(), { kind: 'borrowers', file }, { signal: AbortSignal.abort() }));
    assert.equal(error.code, 'JOB_CANCELLED');
    assert.equal(ws.rows('SELECT * FROM borrowers').length, 0);
  });

  it('does not join a transaction that someone else has open on the connection', async () => {
    const file = ws.writeFile('b.csv', 'borrower_id,region,annual_income\nB1,east,1\n');
    ws.db.exec('BEGIN');
    try {
      const error = await failure(importCsv(ws.context(), { kind: 'borrowers', file }));
      assert.equal(error.code, 'JOB_FAILED');
    } finally {
      ws.db.exec('ROLLBACK');
    }
  });
});
