import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { importCsv } from './import-csv.ts';
import { problemsOf, snapshot } from './fixtures/rejected-import.ts';
import { createTestWorkspace, TEST_NOW, type TestWorkspace } from './fixtures/test-workspace.ts';

// The values professional users found accepted on first use (issue 15), each refused or warned about against
// preload/contract/loan-vocabulary.ts's table. TEST_NOW is 2025-03-31: "today" for dates.
let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

const HEADER = 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months,repayment_type,collateral_type,channel,status';
const COLUMNS = HEADER.split(',');
const GOOD: Record<string, string> = {
  loan_id: 'L1',
  borrower_id: 'B1',
  product: 'sme_working_capital',
  origination_date: '2024-06-15',
  principal: '250000.00',
  interest_rate: '0.11',
  term_months: '12',
  repayment_type: 'interest_only_bullet',
  collateral_type: 'property',
  channel: 'offline_agent',
  status: 'current',
};

function loanFile(...rows: Record<string, string>[]): string {
  return [HEADER, ...rows.map((changes) => COLUMNS.map((column) => changes[column] ?? GOOD[column]).join(','))].join('\n');
}

async function withBorrower(): Promise<void> {
  await importCsv(ws.context(), { kind: 'borrowers', file: ws.writeFile('b.csv', 'borrower_id,region,annual_income\nB1,east,1\n') });
}

const REFUSED: { column: string; value: string; reason: string }[] = [
  { column: 'product', value: 'rocket', reason: 'is not one of consumer_cash_loan, consumer_instalment, sme_working_capital, revolving_credit_line' },
  { column: 'product', value: 'sme_workng_capital', reason: 'is not one of consumer_cash_loan, consumer_instalment, sme_working_capital, revolving_credit_line' },
  { column: 'product', value: 'SME_Working_Capital', reason: 'is not written exactly as sme_working_capital' },
  { column: 'status', value: 'late', reason: 'is not one of current, delinquent, default, written_off, paid_off' },
  { column: 'collateral_type', value: 'gold', reason: 'is not one of none, vehicle, property' },
  { column: 'repayment_type', value: 'amortising', reason: 'is not one of equal_instalment, equal_principal, interest_only_bullet, revolving_min_payment' },
  { column: 'channel', value: 'app', reason: 'is not one of app_organic, app_referral, web, partner_ecommerce, telemarketing, offline_agent' },
  { column: 'origination_date', value: '1900-01-01', reason: "is before 1990-01-01; write the loan's real origination date, not a placeholder" },
  { column: 'origination_date', value: '2030-01-01', reason: 'is after today (2025-03-31); a loan in the file must already have originated' },
  { column: 'origination_date', value: '2025-04-01', reason: 'is after today (2025-03-31); a loan in the file must already have originated' },
  { column: 'interest_rate', value: '5', reason: 'is more than 1: rates are decimals, so 5 means 500 %; write 0.05 for 5 %' },
  { column: 'interest_rate', value: '9.99', reason: 'is more than 1: rates are decimals, so 9.99 means 999 %; write 0.0999 for 9.99 %' },
  { column: 'term_months', value: '9999', reason: 'must be between 1 and 600 months' },
  { column: 'principal', value: '9999999999', reason: 'must be more than 0 and at most 1,000,000,000 major units of the loan currency' },
];

describe('importCsv refuses implausible loan values', () => {
  for (const c of REFUSED) {
    it(`${c.column} = ${c.value}`, async () => {
      await withBorrower();
      const before = snapshot(ws);
      const { problems, file } = await problemsOf(ws, 'loans', loanFile({ [c.column]: c.value }));
      assert.deepEqual(problems, [{ file, row: 2, column: c.column, value: c.value, reason: c.reason }]);
      assert.equal(snapshot(ws), before, 'nothing was written');
    });
  }

  it('takes the limits themselves: a rate of 0 and of 1, a term of 600 months, today as origination, a blank code', async () => {
    await withBorrower();
    const summary = await importCsv(ws.context(), {
      kind: 'loans',
      file: ws.writeFile('edges.csv', loanFile({ interest_rate: '0' }, { loan_id: 'L2', interest_rate: '1', term_months: '600', origination_date: TEST_NOW.toISOString().slice(0, 10), collateral_type: '', channel: '' })),
    });
    assert.equal(summary.rows, 2);
  });

  it('refuses a performance month after the current one and a status outside the codes', async () => {
    await withBorrower();
    await importCsv(ws.context(), { kind: 'loans', file: ws.writeFile('l.csv', loanFile({})) });
    const { problems, file } = await problemsOf(ws, 'performance', 'loan_id,as_of,balance,dpd,status\nL1,2025-04,1,0,current\nL1,2025-03,1,0,Late\n');
    assert.deepEqual(problems, [
      { file, row: 2, column: 'as_of', value: '2025-04', reason: 'is after this month (2025-03); performance is recorded for months that have ended or begun' },
      { file, row: 3, column: 'status', value: 'Late', reason: 'is not one of current, delinquent, default, written_off, paid_off' },
    ]);
  });
});

describe('importCsv refuses borrower codes outside the table', () => {
  it('names row, column, value and the codes, and takes a blank one', async () => {
    const before = snapshot(ws);
    const header = 'borrower_id,region,annual_income,employment_type,industry,home_ownership';
    const { problems, file } = await problemsOf(ws, 'borrowers', `${header}\nB1,east,1,salaried,tech,rent\nB2,east,1,employed,,\nB3,east,1,,,own\nB4,east,1,,,\n`);
    assert.deepEqual(problems, [
      { file, row: 2, column: 'industry', value: 'tech', reason: 'is not one of manufacturing, retail, information_technology, construction, logistics, education, healthcare, finance, hospitality, agriculture, transport, public_administration' },
      { file, row: 3, column: 'employment_type', value: 'employed', reason: 'is not one of salaried, self_employed, business_owner, gig_worker, civil_servant, student, retired, unemployed' },
      { file, row: 4, column: 'home_ownership', value: 'own', reason: 'is not one of own_mortgage, own_outright, rent, family, company_housing' },
    ]);
    assert.equal(snapshot(ws), before, 'nothing was written');
  });
});

describe('importCsv imports unusual loan values with warnings', () => {
  it('counts every warning, lists them located like problems, and the import still happens', async () => {
    await withBorrower();
    const text = loanFile(
      { interest_rate: '0.48' },
      { loan_id: 'L2', term_months: '240' },
      { loan_id: 'L3', principal: '50000000.00' },
      { loan_id: 'L4', origination_date: '2005-01-01' },
      { loan_id: 'L5' },
    );
    const summary = await importCsv(ws.context(), { kind: 'loans', file: ws.writeFile('unusual.csv', text) });
    const file = summary.file;
    assert.equal(summary.rows, 5);
    assert.deepEqual(summary.warnings, {
      total: 4,
      first: [
        { file, row: 2, column: 'interest_rate', value: '0.48', reason: 'is more than 0.36 a year, as a decimal (0.05 is 5 %), which is unusual; check that it is meant' },
        { file, row: 3, column: 'term_months', value: '240', reason: 'is more than 60 months, which is unusual; check that it is meant' },
        { file, row: 4, column: 'principal', value: '50000000.00', reason: 'is more than 10,000,000 major units of the loan currency, which is unusual; check that it is meant' },
        { file, row: 5, column: 'origination_date', value: '2005-01-01', reason: 'is more than 15 years ago, which is unusual for a loan still reported; check the year' },
      ],
    });
    assert.equal(ws.rows('SELECT * FROM loans').length, 5);
    const [event] = ws.rows<{ details: string }>("SELECT details FROM audit_events WHERE action = 'data.import' AND subject = 'loans'");
    assert.equal(JSON.parse(event?.details ?? '{}').warnings, 4, 'the audit event records how many values were unusual');
  });

  it('a file without unusual values has none, and a refused file reports its problems only', async () => {
    await withBorrower();
    const clean = await importCsv(ws.context(), { kind: 'loans', file: ws.writeFile('clean.csv', loanFile({})) });
    assert.deepEqual(clean.warnings, { total: 0, first: [] });
    const { problems } = await problemsOf(ws, 'loans', loanFile({ loan_id: 'L9', interest_rate: '0.5', product: 'rocket' }));
    assert.deepEqual(problems.map((p) => p.column), ['product']);
  });
});
