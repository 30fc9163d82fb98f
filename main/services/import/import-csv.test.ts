import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { verifyAuditChain } from '../../store/audit.ts';
import { importCsv } from './import-csv.ts';
import { createTestWorkspace, TEST_NOW, type TestWorkspace } from './fixtures/test-workspace.ts';

const BOM = '\uFEFF';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

async function importText(kind: Parameters<typeof importCsv>[1]['kind'], text: string, name = `${kind}.csv`) {
  return importCsv(ws.context(), { kind, file: ws.writeFile(name, text) });
}

const BORROWERS = [
  'borrower_id,region,annual_income,birth_date,occupation,employment_type,industry,monthly_debt,credit_history_months,home_ownership,registered_at,id_verified',
  'B1,east,1234.56,1990-02-28,"engineer, senior",salaried,information_technology,250.5,36,own_outright,2024-01-31T09:30:00+08:00,TRUE',
  'B2,west,0,,,,,,,,,',
].join('\n');

describe('importCsv accepts each kind', () => {
  it('borrowers: money in base-currency minor units, empty optionals as null, BOM and quoted commas', async () => {
    const text = BOM + BORROWERS + '\n';
    const summary = await importText('borrowers', text);
    assert.equal(summary.rows, 2);
    assert.equal(summary.kind, 'borrowers');
    assert.equal(summary.sha256, createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    assert.deepEqual(ws.rows('SELECT * FROM borrowers ORDER BY borrower_id'), [
      {
        borrower_id: 'B1',
        region: 'east',
        annual_income_minor: 123456,
        birth_date: '1990-02-28',
        occupation: 'engineer, senior',
        employment_type: 'salaried',
        industry: 'information_technology',
        monthly_debt_minor: 25050,
        credit_history_months: 36,
        home_ownership: 'own_outright',
        registered_at: '2024-01-31T01:30:00.000Z',
        id_verified: 1,
      },
      {
        borrower_id: 'B2',
        region: 'west',
        annual_income_minor: 0,
        birth_date: null,
        occupation: null,
        employment_type: null,
        industry: null,
        monthly_debt_minor: null,
        credit_history_months: null,
        home_ownership: null,
        registered_at: null,
        id_verified: null,
      },
    ]);
  });

  it('borrowers: amounts follow the workspace base currency when one is set', async () => {
    ws.db.prepare(`INSERT INTO meta (key, value) VALUES ('base_currency', 'JPY')`).run();
    await importText('borrowers', 'borrower_id,region,annual_income\nB1,east,5000000\n');
    assert.deepEqual(ws.rows('SELECT annual_income_minor FROM borrowers'), [{ annual_income_minor: 5000000 }]);
    await assert.rejects(importText('borrowers', 'borrower_id,region,annual_income\nB2,east,10.5\n'), /has decimals but JPY has no minor unit/);
  });

  it('loans: currency defaults to the base currency; JPY amounts have no decimals', async () => {
    await importText('borrowers', 'borrower_id,region,annual_income\nB1,east,1\n');
    await importText(
      'loans',
      [
        'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months,currency,maturity_date,repayment_type,collateral_type,collateral_value,channel,status,outstanding_balance,dpd,undrawn_amount',
        'L1,B1,consumer_cash_loan,2024-01-15,1234.56,0.125,12,,2025-01-15,equal_instalment,,,app_organic,current,1000.01,0,',
        'L2,B1,sme_working_capital,2024-02-01,5000000,0.08,24,JPY,,,property,8000000,web,delinquent,4000000,45,1000000',
      ].join('\r\n'),
    );
    assert.deepEqual(ws.rows('SELECT * FROM loans ORDER BY loan_id'), [
      {
        loan_id: 'L1',
        borrower_id: 'B1',
        product: 'consumer_cash_loan',
        origination_date: '2024-01-15',
        principal_minor: 123456,
        interest_rate: 0.125,
        term_months: 12,
        currency: 'CNY',
        maturity_date: '2025-01-15',
        repayment_type: 'equal_instalment',
        collateral_type: null,
        collateral_value_minor: null,
        channel: 'app_organic',
        status: 'current',
        outstanding_balance_minor: 100001,
        dpd: 0,
        undrawn_amount_minor: null,
      },
      {
        loan_id: 'L2',
        borrower_id: 'B1',
        product: 'sme_working_capital',
        origination_date: '2024-02-01',
        principal_minor: 5000000,
        interest_rate: 0.08,
        term_months: 24,
        currency: 'JPY',
        maturity_date: null,
        repayment_type: null,
        collateral_type: 'property',
        collateral_value_minor: 8000000,
        channel: 'web',
        status: 'delinquent',
        outstanding_balance_minor: 4000000,
        dpd: 45,
        undrawn_amount_minor: 1000000,
      },
    ]);
  });

  it('performance: balances are in the loan’s own currency', async () => {
    await importText('borrowers', 'borrower_id,region,annual_income\nB1,east,1\n');
    await importText('loans', 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months,currency\nL1,B1,consumer_cash_loan,2024-01-01,100,0.1,12,\nL2,B1,consumer_cash_loan,2024-01-01,100,0.1,12,JPY\n');
    await importText('performance', 'loan_id,as_of,balance,dpd,paid_amount,status\nL1,2024-02,99.5,0,0.5,current\nL2,2024-02,95,31,,delinquent\n');
    assert.deepEqual(ws.rows('SELECT * FROM loan_performance ORDER BY loan_id'), [
      { loan_id: 'L1', as_of: '2024-02', balance_minor: 9950, dpd: 0, paid_amount_minor: 50, status: 'current' },
      { loan_id: 'L2', as_of: '2024-02', balance_minor: 95, dpd: 31, paid_amount_minor: null, status: 'delinquent' },
    ]);
  });

  it('accounts, transactions and labels: timestamps to UTC, signed amounts, label source defaults to empty', async () => {
    await importText('borrowers', 'borrower_id,region,annual_income\nB1,east,1\n');
    await importText(
      'accounts',
      'account_id,opened_at,borrower_id,country,kyc_level,phone_changed_at,password_changed_at\nA1,2023-06-01T00:00:00Z,B1,CN,2,2024-03-01T10:00:00-05:00,\nA2,2023-06-02 08:00:00+08:00,,,,,\n',
    );
    assert.deepEqual(ws.rows('SELECT * FROM accounts ORDER BY account_id'), [
      { account_id: 'A1', opened_at: '2023-06-01T00:00:00.000Z', borrower_id: 'B1', country: 'CN', kyc_level: 2, phone_changed_at: '2024-03-01T15:00:00.000Z', password_changed_at: null },
      { account_id: 'A2', opened_at: '2023-06-02T00:00:00.000Z', borrower_id: null, country: null, kyc_level: null, phone_changed_at: null, password_changed_at: null },
    ]);

    await importText(
      'transactions',
      [
        'tx_id,account_id,ts,amount,currency,type,channel,merchant_id,merchant_category,counterparty_account,country,device_id,ip,card_id',
        'T1,A1,2024-05-01T23:59:59.999+08:00,88.80,CNY,purchase,app,M1,5411,,CN,D1,10.0.0.1,C1',
        'T2,A1,2024-05-02T00:00:00Z,-1000,JPY,refund,,,,A2,,,,',
      ].join('\n'),
    );
    assert.deepEqual(ws.rows('SELECT * FROM transactions ORDER BY tx_id'), [
      { tx_id: 'T1', account_id: 'A1', ts: '2024-05-01T15:59:59.999Z', amount_minor: 8880, currency: 'CNY', type: 'purchase', channel: 'app', merchant_id: 'M1', merchant_category: '5411', counterparty_account: null, country: 'CN', device_id: 'D1', ip: '10.0.0.1', card_id: 'C1' },
      { tx_id: 'T2', account_id: 'A1', ts: '2024-05-02T00:00:00.000Z', amount_minor: -1000, currency: 'JPY', type: 'refund', channel: null, merchant_id: null, merchant_category: null, counterparty_account: 'A2', country: null, device_id: null, ip: null, card_id: null },
    ]);

    await importCsv(ws.context(), { kind: 'loans', file: ws.writeFile('l.csv', 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months\nL1,B1,consumer_cash_loan,2024-01-01,100,0.1,12\n') });
    await importText('labels', 'subject_type,subject_id,label,source,labeled_at\ntransaction,T1,fraud,chargeback,2024-06-01T00:00:00Z\naccount,A2,mule,,\nloan,L1,default,,\n');
    assert.deepEqual(ws.rows('SELECT * FROM labels ORDER BY subject_type'), [
      { subject_type: 'account', subject_id: 'A2', label: 'mule', source: '', labeled_at: null },
      { subject_type: 'loan', subject_id: 'L1', label: 'default', source: '', labeled_at: null },
      { subject_type: 'transaction', subject_id: 'T1', label: 'fraud', source: 'chargeback', labeled_at: '2024-06-01T00:00:00.000Z' },
    ]);
  });

  it('liquidity lines and daily flows', async () => {
    await importText(
      'liquidity_lines',
      'line_id,category,amount,as_of,currency,maturity_date,counterparty,description\nH1,hqla_l1_cash,1000000.00,2025-03-31,,,,"Cash at bank, HQ"\nR1,retail_less_stable,2500.5,,USD,2025-04-30,retail,\n',
    );
    assert.deepEqual(ws.rows('SELECT * FROM liquidity_lines ORDER BY line_id'), [
      { line_id: 'H1', category: 'hqla_l1_cash', amount_minor: 100000000, as_of: '2025-03-31', currency: 'CNY', maturity_date: null, counterparty: null, description: 'Cash at bank, HQ' },
      { line_id: 'R1', category: 'retail_less_stable', amount_minor: 250050, as_of: null, currency: 'USD', maturity_date: '2025-04-30', counterparty: 'retail', description: null },
    ]);

    await importText('daily_flows', 'date,product,inflow,outflow\n2025-03-01,mmf,100.10,0\n2025-03-02,mmf,0,99.99\n');
    assert.deepEqual(ws.rows('SELECT * FROM daily_flows ORDER BY date'), [
      { date: '2025-03-01', product: 'mmf', inflow_minor: 10010, outflow_minor: 0 },
      { date: '2025-03-02', product: 'mmf', inflow_minor: 0, outflow_minor: 9999 },
    ]);
  });
});

describe('importCsv file handling', () => {
  it('accepts a header with stray spaces, columns in any order, CRLF, blank lines and multi-line quoted values', async () => {
    const summary = await importText('borrowers', 'annual_income , borrower_id,region\r\n1,B1,"north\r\nof the river"\r\n\r\n2,B2,"say ""hi"""\r\n,,\r\n');
    assert.equal(summary.rows, 2);
    assert.deepEqual(ws.rows('SELECT borrower_id, region, annual_income_minor FROM borrowers ORDER BY borrower_id'), [
      { borrower_id: 'B1', region: 'north\r\nof the river', annual_income_minor: 100 },
      { borrower_id: 'B2', region: 'say "hi"', annual_income_minor: 200 },
    ]);
  });

  it('imports a header-only file as zero rows, still audited', async () => {
    const summary = await importText('daily_flows', 'date,product,inflow,outflow\n');
    assert.equal(summary.rows, 0);
    assert.equal(ws.rows('SELECT * FROM audit_events').length, 1);
  });

  it('reports progress up to the whole file', async () => {
    const lines = ['date,product,inflow,outflow'];
    for (let day = 0; day < 2500; day += 1) lines.push(`2020-01-01,p${day},1,2`);
    const file = ws.writeFile('flows.csv', lines.join('\n'));
    const seen: { bytesRead: number; totalBytes: number; rows: number }[] = [];
    await importCsv(ws.context(), { kind: 'daily_flows', file }, { onProgress: (p) => seen.push(p) });
    assert.deepEqual(seen.map((p) => p.rows), [1000, 2000, 2500]);
    const last = seen.at(-1);
    assert.equal(last?.bytesRead, last?.totalBytes);
  });
});

describe('importCsv audit and re-import', () => {
  it('records one audit event per import in the same chain', async () => {
    const text = 'borrower_id,region,annual_income\nB1,east,1\nB2,west,2\n';
    const file = ws.writeFile('audited.csv', text);
    const summary = await importCsv(ws.context('admin', 'root'), { kind: 'borrowers', file });
    const events = ws.rows<{ at: string; actor: string; action: string; subject: string; details: string }>('SELECT at, actor, action, subject, details FROM audit_events');
    assert.deepEqual(events.map((e) => ({ ...e, details: JSON.parse(e.details) })), [
      { at: TEST_NOW.toISOString(), actor: 'root', action: 'data.import', subject: 'borrowers', details: { file: 'audited.csv', rows: 2, sha256: summary.sha256, warnings: 0 } },
    ]);
    assert.equal(verifyAuditChain(ws.db).ok, true);
  });

  it('re-importing the same file leaves the same rows and adds one audit event', async () => {
    const file = ws.writeFile('b.csv', BORROWERS);
    await importCsv(ws.context(), { kind: 'borrowers', file });
    const before = ws.rows('SELECT * FROM borrowers ORDER BY borrower_id');
    const again = await importCsv(ws.context(), { kind: 'borrowers', file });
    assert.equal(again.rows, 2);
    assert.deepEqual(ws.rows('SELECT * FROM borrowers ORDER BY borrower_id'), before);
    assert.equal(ws.rows('SELECT * FROM audit_events').length, 2);
    assert.equal(verifyAuditChain(ws.db).ok, true);
  });

  it('a changed value on re-import updates the row in place', async () => {
    await importText('borrowers', 'borrower_id,region,annual_income,occupation\nB1,east,1,clerk\nB2,west,2,\n');
    await importText('borrowers', 'borrower_id,region,annual_income,occupation\nB1,east,1.5,\n');
    assert.deepEqual(ws.rows('SELECT borrower_id, annual_income_minor, occupation FROM borrowers ORDER BY borrower_id'), [
      { borrower_id: 'B1', annual_income_minor: 150, occupation: null },
      { borrower_id: 'B2', annual_income_minor: 200, occupation: null },
    ]);
  });
});
