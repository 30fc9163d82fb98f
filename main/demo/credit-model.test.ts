import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateDemo } from './generate-demo.ts';
import { type TempDatabase, createTempDatabase } from '../test-support/temp-database.ts';

/**
 * The credit data must be learnable: a plain logistic regression on the stored borrower and loan attributes,
 * scored out of sample, has to rank defaults, or scorecard screens would have nothing to show.
 */
const AS_OF = '2025-06-30';

interface LoanRow {
  loan_id: string;
  product: string;
  channel: string;
  origination_date: string;
  status: string;
  dpd: number;
  annual_income_minor: number;
  monthly_debt_minor: number;
  credit_history_months: number;
  birth_date: string;
  employment_type: string;
  home_ownership: string;
  id_verified: number;
}

const CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  employment_type: ['self_employed', 'business_owner', 'gig_worker', 'civil_servant', 'student', 'retired', 'unemployed'],
  home_ownership: ['own_mortgage', 'own_outright', 'family', 'company_housing'],
  product: ['consumer_instalment', 'sme_working_capital', 'revolving_credit_line'],
  channel: ['app_referral', 'web', 'partner_ecommerce', 'telemarketing', 'offline_agent'],
};

function features(row: LoanRow): number[] {
  const age = 2025 - Number(row.birth_date.slice(0, 4));
  const x = [
    Math.log(row.annual_income_minor),
    (row.monthly_debt_minor * 12) / row.annual_income_minor,
    Math.log1p(row.credit_history_months),
    row.credit_history_months < 6 ? 1 : 0,
    age,
    age < 23 ? 1 : 0,
    age < 30 ? 1 : 0,
    row.id_verified,
  ];
  for (const [column, values] of Object.entries(CATEGORIES)) {
    for (const value of values) x.push((row as unknown as Record<string, unknown>)[column] === value ? 1 : 0);
  }
  return x;
}

/** DOMAIN.md's default flag: 90+ DPD, write-off, or a status of default. */
function defaulted(row: LoanRow): number {
  return row.status === 'default' || row.status === 'written_off' || row.dpd >= 90 ? 1 : 0;
}

function standardise(rows: number[][]): number[][] {
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, x) => s + (x[j] ?? 0), 0) / rows.length);
  const sd = mean.map((m, j) => Math.sqrt(rows.reduce((s, x) => s + ((x[j] ?? 0) - m) ** 2, 0) / rows.length) || 1);
  return rows.map((x) => x.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1)));
}

/** Batch gradient descent with a little ridge; standardised inputs make a fixed step size safe. */
function fitLogistic(xs: number[][], ys: number[]): (x: number[]) => number {
  const d = xs[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let iteration = 0; iteration < 400; iteration += 1) {
    const gradient = new Array<number>(d).fill(0);
    let gradientB = 0;
    xs.forEach((x, i) => {
      const z = b + x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0);
      const error = 1 / (1 + Math.exp(-z)) - (ys[i] ?? 0);
      gradientB += error;
      x.forEach((v, j) => (gradient[j] = (gradient[j] ?? 0) + error * v));
    });
    for (let j = 0; j < d; j += 1) w[j] = (w[j] ?? 0) - 0.5 * ((gradient[j] ?? 0) / xs.length + 0.001 * (w[j] ?? 0));
    b -= (0.5 * gradientB) / xs.length;
  }
  return (x) => b + x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0);
}

function auc(scored: readonly { score: number; y: number }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  sorted.forEach((p, i) => {
    if (p.y === 1) {
      positives += 1;
      rankSum += i + 1;
    }
  });
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

let workspace: TempDatabase;
before(() => {
  workspace = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
  generateDemo(workspace.db, { scale: 'small', seed: 11, asOf: AS_OF });
});
after(() => workspace.dispose());

test('a logistic model on borrower attributes learns default risk out of sample', () => {
  // Loans with at least a year on book, so that most of those that will default have had time to.
  const rows = workspace.db
    .prepare(`SELECT l.loan_id, l.product, l.channel, l.origination_date, l.status, l.dpd, b.* FROM loans l JOIN borrowers b USING (borrower_id) WHERE l.origination_date <= '2024-06-30' ORDER BY l.loan_id`)
    .all() as LoanRow[];
  const xs = standardise(rows.map(features));
  const ys = rows.map(defaulted);
  const rate = ys.reduce((s, y) => s + y, 0) / ys.length;
  assert.ok(rate > 0.03 && rate < 0.15, `default rate of seasoned loans ${rate}`);

  // Two-fold cross-fitting: every loan is scored by the model fitted on the other half.
  const scored: { score: number; y: number }[] = [];
  for (const fold of [0, 1]) {
    const train = xs.map((x, i) => ({ x, y: ys[i] ?? 0, i })).filter((p) => p.i % 2 !== fold);
    const model = fitLogistic(train.map((p) => p.x), train.map((p) => p.y));
    xs.forEach((x, i) => {
      if (i % 2 === fold) scored.push({ score: model(x), y: ys[i] ?? 0 });
    });
  }
  scored.sort((a, b) => a.score - b.score);
  const quintile = (k: number): number => {
    const part = scored.slice(Math.floor((k * scored.length) / 5), Math.floor(((k + 1) * scored.length) / 5));
    return part.reduce((s, p) => s + p.y, 0) / part.length;
  };
  const safest = quintile(0);
  const riskiest = quintile(4);
  assert.ok(riskiest >= 3 * Math.max(safest, 1 / scored.length), `riskiest quintile ${riskiest} vs safest ${safest}`);
  assert.ok(auc(scored) > 0.68, `AUC ${auc(scored)}`);
});

test('single attributes move default rates the way the risk model says', () => {
  const rateBy = (column: string): Map<string, number> => {
    const rows = workspace.db
      .prepare(`SELECT b.${column} AS k, avg(l.status IN ('default', 'written_off') OR l.dpd >= 90) AS r FROM loans l JOIN borrowers b USING (borrower_id) GROUP BY 1`)
      .all() as { k: string | number; r: number }[];
    return new Map(rows.map((row) => [String(row.k), row.r]));
  };
  const employment = rateBy('employment_type');
  assert.ok((employment.get('unemployed') ?? 0) > 2 * (employment.get('civil_servant') ?? 1), JSON.stringify([...employment]));
  const verified = rateBy('id_verified');
  assert.ok((verified.get('0') ?? 0) > (verified.get('1') ?? 1), JSON.stringify([...verified]));
});
