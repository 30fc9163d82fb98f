// The credit area end to end through the API, on a real encrypted workspace holding the small demo portfolio:
// develop a scorecard, edit a bin, save it, submit it, a rejection, four-eyes approval, activation, a portfolio
// run checked against the stored rows and by hand for single loans, the loan grid's credit columns, the pricing
// check, analytics and monitoring, and the parameter-set lifecycle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  BinningEvaluation,
  CreditAnalytics,
  CreditRunResult,
  DevelopmentReport,
  LoanRisk,
  LoanRow,
  ModelMonitoring,
  ModelSummary,
  ParameterSet,
  PricingRow,
  RunSummary,
} from '../../../preload/contract/index.ts';
import { openEncryptedDatabase, type Db } from '../../store/database.ts';
import { Workspace } from '../../store/workspace.ts';
import { contextFor } from '../context.ts';
import { addUser } from '../users-service.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

interface GridPage<Row> {
  rows: Row[];
  rowCount: number;
}

const SECOND_COMPLIANCE = { username: 'cara', passphrase: 'second compliance passphrase' };

async function as(ws: TestWorkspace, user: { username: string; passphrase: string }): Promise<TestApi> {
  const t = ws.service();
  await t.ok('session.unlock', user);
  return t;
}

async function finishedJob<T>(t: TestApi, started: Promise<{ jobId: string }>): Promise<{ jobId: string; result: T }> {
  const { jobId } = await started;
  const done = await t.jobDone(jobId);
  assert.equal(done.job.state, 'done', `job ${jobId}: ${done.error?.code ?? ''} ${done.error?.message ?? ''}`);
  return { jobId, result: done.result as T };
}

describe('credit through the API', () => {
  let ws: TestWorkspace;
  let analyst: TestApi;
  let compliance: TestApi;
  let developmentJob: string;
  let report: DevelopmentReport;
  let model: ModelSummary;
  let run: RunSummary;
  /** A read connection of the test's own, to check the API's figures against the stored rows. */
  let db: Db;

  before(async () => {
    ws = await createTestWorkspace({ roles: true, demo: true });
    const admin = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    await addUser(contextFor(admin), { ...SECOND_COMPLIANCE, role: 'compliance' });
    db = openEncryptedDatabase(ws.file, Buffer.from(admin.readerSpec().key), { readonly: true });
    admin.close();
    analyst = await as(ws, ROLE_USERS.analyst);
  });

  after(async () => {
    db.close();
    await ws.dispose();
  });

  it('develops a scorecard on the seasoned demo loans, reproducibly', async () => {
    const first = await finishedJob<unknown>(analyst, analyst.ok('credit.startDevelopment', {}));
    developmentJob = first.jobId;
    report = await analyst.ok<DevelopmentReport>('credit.development', { jobId: developmentJob });
    assert.equal(report.model.status, 'converged', report.model.message ?? '');
    assert.ok(report.rows > 1000 && report.events > 50, `${report.rows} rows, ${report.events} events`);
    assert.match(report.trainingHash, /^[0-9a-f]{64}$/);
    assert.ok(report.features.some((f) => f.selected) && report.features.some((f) => !f.selected), 'some features are kept and some left out');
    assert.ok((report.metrics?.holdout?.auc ?? 0) > 0.6, `holdout AUC ${report.metrics?.holdout?.auc}`);
    assert.equal(report.metrics?.holdout?.rows, Math.round(report.rows * 0.3), 'a 30 % holdout by default');
    const roc = report.curves?.roc.train ?? [];
    assert.ok(roc.length >= 10 && roc.length <= 200);
    assert.deepEqual(roc[0], { x: 0, y: 0 });
    assert.deepEqual(roc.at(-1), { x: 1, y: 1 });
    const bands = report.bands?.train ?? [];
    assert.equal(bands.reduce((s, b) => s + b.rows, 0), report.metrics?.train.rows);
    assert.ok(bands[0] && bands.at(-1) && bands[0].eventRate > (bands.at(-1)?.eventRate ?? 1), 'the lowest scores default most');
    const again = await finishedJob<DevelopmentReport>(analyst, analyst.ok('credit.startDevelopment', {}));
    assert.equal(again.result.trainingHash, report.trainingHash);
    assert.deepEqual(again.result.model.coefficients, report.model.coefficients);
  });

  it('re-counts edited bins on the same training rows: a merge adds the counts and cannot raise the IV', async () => {
    const feature = report.features.find((f) => f.type === 'numeric' && f.binning.bins.filter((b) => b.rule.kind === 'interval').length >= 3);
    assert.ok(feature, 'a numeric feature with three intervals');
    const args = { binning: feature.binning, holdoutFraction: 0.3, seed: 1 };
    const same = await analyst.ok<BinningEvaluation>('credit.evaluateBinning', args);
    assert.deepEqual(
      same.bins.map((b) => [b.count, b.events]),
      feature.bins.map((b) => [b.count, b.events]),
    );
    assert.ok(Math.abs(same.iv - feature.iv) < 1e-12);
    const index = feature.binning.bins.findIndex((b) => b.rule.kind === 'interval');
    const merged = await analyst.ok<BinningEvaluation>('credit.evaluateBinning', { ...args, edit: { op: 'merge', index } });
    assert.equal(merged.bins.length, feature.bins.length - 1);
    assert.equal(merged.bins[index]?.count, (feature.bins[index]?.count ?? 0) + (feature.bins[index + 1]?.count ?? 0));
    assert.ok(merged.iv <= feature.iv + 1e-12, `IV ${feature.iv} → ${merged.iv}`);
    const first = feature.binning.bins[index]?.rule;
    assert.ok(first?.kind === 'interval' && first.upper !== null);
    const outside = await analyst.api.call('credit.evaluateBinning', { ...args, edit: { op: 'split', index, at: first.upper + 1e9 } });
    assert.equal(outside.ok ? 'ok' : outside.error.code, 'INVALID_ARGUMENT');
    assert.match(outside.ok ? '' : outside.error.message, /is not inside/);
    // Bins sent by hand are checked before they are applied: a gap between intervals, an unknown feature.
    const [a, b, ...rest] = feature.binning.bins;
    assert.ok(a?.rule.kind === 'interval' && b?.rule.kind === 'interval' && a.rule.upper !== null);
    const gap = { ...feature.binning, bins: [a, { ...b, rule: { ...b.rule, lower: a.rule.upper + 1 } }, ...rest] };
    const refused = await analyst.api.call('credit.evaluateBinning', { ...args, binning: gap });
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'INVALID_ARGUMENT');
    assert.match(refused.ok ? '' : refused.error.message, new RegExp(`The bins of ${feature.name} cannot be applied: interval 2 does not start where interval 1 ends`));
    const unknown = await analyst.api.call('credit.startDevelopment', { exclude: ['shoe_size'] });
    assert.match(unknown.ok ? '' : `${unknown.error.code} ${unknown.error.message}`, /^INVALID_ARGUMENT "shoe_size" cannot be excluded/);
  });

  it('saves a draft, which the analyst submits and only a second person (compliance) may reject, approve and activate; every step is audited', async () => {
    model = await analyst.ok<ModelSummary>('credit.saveModel', { jobId: developmentJob, name: '  Application scorecard ' });
    assert.equal(model.status, 'draft');
    assert.equal(model.name, 'Application scorecard', 'trimmed');
    // Names are unique (ignoring case) and never cut: a taken or a long name is refused, saying why, and nothing is saved.
    const refusal = async (name: string) => {
      const outcome = await analyst.api.call('credit.saveModel', { jobId: developmentJob, name });
      return outcome.ok ? 'saved' : `${outcome.error.code} ${outcome.error.message}`;
    };
    assert.equal(await refusal('APPLICATION SCORECARD'), `VALIDATION Invalid model name: name: model ${model.modelId} (draft) is already called "Application scorecard"; choose another name`);
    assert.equal(await refusal('x'.repeat(101)), 'VALIDATION Invalid model name: name: names have at most 100 characters and this one has 101; shorten it (nothing was saved)');
    assert.equal(await refusal('   '), 'VALIDATION Invalid model name: name: give the model a name');
    assert.equal((await analyst.ok<ModelSummary[]>('credit.models', {})).length, 1);
    assert.equal(model.createdBy, ROLE_USERS.analyst.username);
    assert.equal(model.trainingHash, report.trainingHash);
    const code = (outcome: { ok: boolean; error?: { code: string } }) => (outcome.ok ? 'ok' : outcome.error?.code);
    assert.equal(code(await analyst.api.call('credit.approveModel', { modelId: model.modelId, comment: 'mine' })), 'FORBIDDEN');
    const early = await finishedRunError(analyst);
    assert.match(early, /No scorecard is active/);
    compliance = await as(ws, ROLE_USERS.compliance);
    assert.equal(code(await compliance.api.call('credit.activateModel', { modelId: model.modelId, comment: 'too early' })), 'INVALID_STATE', 'a draft cannot be activated before approval');
    assert.equal(code(await compliance.api.call('credit.approveModel', { modelId: model.modelId, comment: 'too early' })), 'INVALID_STATE', 'a draft cannot be approved before it is submitted');
    assert.equal(code(await compliance.api.call('credit.submitModel', { modelId: model.modelId })), 'FORBIDDEN', 'compliance does not submit models');
    assert.equal((await analyst.ok<ModelSummary>('credit.submitModel', { modelId: model.modelId })).submittedBy, ROLE_USERS.analyst.username);
    assert.equal(code(await analyst.api.call('credit.rejectModel', { modelId: model.modelId, reason: 'mine' })), 'FORBIDDEN');
    const rejected = await compliance.ok<ModelSummary>('credit.rejectModel', { modelId: model.modelId, reason: 'Document the holdout split' });
    assert.deepEqual([rejected.status, rejected.rejectedBy, rejected.rejectionReason], ['draft', ROLE_USERS.compliance.username, 'Document the holdout split']);
    await analyst.ok('credit.submitModel', { modelId: model.modelId });
    const approved = await compliance.ok<ModelSummary>('credit.approveModel', { modelId: model.modelId, comment: 'Holdout split documented' });
    assert.equal(approved.approvedBy, ROLE_USERS.compliance.username);
    const active = await compliance.ok<ModelSummary>('credit.activateModel', { modelId: model.modelId, comment: 'Approved; first model' });
    assert.equal(active.status, 'active');
    const events = db.prepare(`SELECT action, actor, details FROM audit_events WHERE action LIKE 'credit.model.%' ORDER BY seq`).all() as { action: string; actor: string; details: string }[];
    assert.deepEqual(
      events.map((e) => [e.action, e.actor]),
      [
        ['credit.model.draft', ROLE_USERS.analyst.username],
        // Every refusal above, each in an event of its own.
        ['credit.model.approve.refused', ROLE_USERS.analyst.username],
        ['credit.model.activate.refused', ROLE_USERS.compliance.username],
        ['credit.model.approve.refused', ROLE_USERS.compliance.username],
        ['credit.model.submit.refused', ROLE_USERS.compliance.username],
        ['credit.model.submit', ROLE_USERS.analyst.username],
        ['credit.model.reject.refused', ROLE_USERS.analyst.username],
        ['credit.model.reject', ROLE_USERS.compliance.username],
        ['credit.model.submit', ROLE_USERS.analyst.username],
        ['credit.model.approve', ROLE_USERS.compliance.username],
        ['credit.model.activate', ROLE_USERS.compliance.username],
      ],
    );
    assert.deepEqual(JSON.parse(events[1]?.details ?? '{}'), { code: 'FORBIDDEN', reason: `${ROLE_USERS.analyst.username} (analyst) may not models.approve; this needs the role compliance.` });
    assert.deepEqual(JSON.parse(events[7]?.details ?? '{}'), { name: 'Application scorecard', author: ROLE_USERS.analyst.username, reason: 'Document the holdout split' });
    assert.deepEqual(JSON.parse(events[9]?.details ?? '{}'), { name: 'Application scorecard', author: ROLE_USERS.analyst.username, submitter: ROLE_USERS.analyst.username, comment: 'Holdout split documented' });
    assert.deepEqual(JSON.parse(events[10]?.details ?? '{}'), { name: 'Application scorecard', comment: 'Approved; first model' });
    assert.deepEqual([active.approvalComment, active.activationComment], ['Holdout split documented', 'Approved; first model']);
    const detail = await compliance.ok<{ report: DevelopmentReport }>('credit.model', { modelId: model.modelId });
    assert.deepEqual(detail.report.model.coefficients, report.model.coefficients);
  });

  it('runs the portfolio: one stored row per open loan, totals that add up, stage 3 exactly LGD × EAD', async () => {
    const { alerts, ...summary } = (await finishedJob<CreditRunResult>(analyst, analyst.ok('credit.startRun', {}))).result;
    run = summary;
    // The job's result adds the alerts it emitted (the runs list does not keep them): the first run, a DPD crossing per loan past due.
    assert.deepEqual(alerts, { raised: db.prepare(`SELECT count(*) FROM alerts WHERE run_id = ?`).pluck().get(run.runId), repeated: 0, casesOpened: db.prepare('SELECT count(*) FROM cases').pluck().get() });
    assert.ok(alerts.raised > 0);
    const openLoans = db
      .prepare(`SELECT count(*) FROM loans WHERE coalesce(status, '') NOT IN ('paid_off', 'written_off') AND coalesce(outstanding_balance_minor, principal_minor) + coalesce(undrawn_amount_minor, 0) > 0`)
      .pluck()
      .get() as number;
    assert.equal(run.totals.loans, openLoans);
    assert.equal(run.asOf, '2024-12-31', 'the end of the latest performance month');
    const stored = db.prepare('SELECT count(*) AS n, sum(ecl_minor) AS ecl, sum(ead_minor) AS ead FROM credit_run_loans WHERE run_id = ?').get(run.runId) as { n: number; ecl: number; ead: number };
    assert.deepEqual([stored.n, stored.ecl, stored.ead], [run.totals.loans, run.totals.eclMinor, run.totals.eadMinor]);
    assert.equal(run.totals.byStage.reduce((s, x) => s + x.eclMinor, 0), run.totals.eclMinor);
    assert.equal(run.totals.byGrade.reduce((s, x) => s + x.loans, 0), run.totals.loans);
    const impaired = db
      .prepare(`SELECT count(*) FROM credit_run_loans r JOIN loans l USING (loan_id) WHERE r.run_id = ? AND (l.dpd >= 90 OR l.status IN ('default', 'written_off'))`)
      .pluck()
      .get(run.runId) as number;
    assert.equal(run.totals.byStage.find((s) => s.stage === '3')?.loans, impaired);
    assert.ok(run.totals.eclMinor > 0 && run.totals.eclMinor < run.totals.eadMinor);
    // Stage 3 by hand: ECL = LGD × EAD with no discounting, EAD = balance + CCF × undrawn.
    const stage3 = db
      .prepare(`SELECT r.lgd, r.ead_minor AS ead, r.ecl_minor AS ecl, coalesce(l.outstanding_balance_minor, l.principal_minor) AS balance, coalesce(l.undrawn_amount_minor, 0) AS undrawn
                FROM credit_run_loans r JOIN loans l USING (loan_id) WHERE r.run_id = ? AND r.stage = 3 AND r.pd_12m = 1 LIMIT 1`)
      .get(run.runId) as { lgd: number; ead: number; ecl: number; balance: number; undrawn: number };
    assert.equal(stage3.undrawn, 0, 'defaulted lines have nothing undrawn in the demo');
    assert.equal(stage3.ead, stage3.balance);
    assert.equal(stage3.ecl, Math.round(stage3.lgd * stage3.ead));
    const audit = db.prepare(`SELECT actor, details FROM audit_events WHERE action = 'credit.run'`).get() as { actor: string; details: string };
    assert.equal(audit.actor, ROLE_USERS.analyst.username);
    assert.equal(JSON.parse(audit.details).eclMinor, run.totals.eclMinor);
    assert.deepEqual(await analyst.ok<RunSummary[]>('credit.runs'), [run]);
  });

  it('shows PD, grade, stage and ECL in the loan grid, sortable in SQL', async () => {
    const page = await analyst.ok<GridPage<LoanRow>>('portfolio.loans', { startRow: 0, endRow: 5, sortModel: [{ colId: 'ecl_minor', sort: 'desc' }], filterModel: {} });
    const top = page.rows[0];
    assert.ok(top && top.pd_12m !== null && top.grade !== null && top.stage !== null);
    const maxEcl = db.prepare('SELECT max(ecl_minor) FROM credit_run_loans WHERE run_id = ?').pluck().get(run.runId);
    assert.equal(top.ecl_minor, maxEcl);
    const gradeA = await analyst.ok<GridPage<LoanRow>>('portfolio.loans', { startRow: 0, endRow: 1, sortModel: [], filterModel: { grade: { filterType: 'set', values: ['A'] } } });
    const storedA = db.prepare(`SELECT count(*) FROM credit_run_loans WHERE run_id = ? AND grade = 'A'`).pluck().get(run.runId);
    assert.equal(gradeA.rowCount, storedA);
  });

  it('explains one loan: reason codes, and a monthly ECL schedule that adds up to the stored ECL', async () => {
    const loanId = db
      .prepare(`SELECT loan_id FROM credit_run_loans WHERE run_id = ? AND stage = 2 AND ecl_minor > 1000 ORDER BY loan_id LIMIT 1`)
      .pluck()
      .get(run.runId) as string;
    const risk = await analyst.ok<LoanRisk>('credit.loanRisk', { loanId });
    assert.equal(risk.stage, '2');
    // Why, as figures the screen words: a stage 2 loan met at least one of the two SICR tests.
    assert.equal(risk.stageReason.code, 'sicr');
    assert.ok(risk.stageReason.code === 'sicr' && (risk.stageReason.dpdBeyond || risk.stageReason.pdBeyond));
    assert.ok(risk.schedule.length > 1);
    const sum = risk.schedule.reduce((s, m) => s + m.eclMinor, 0);
    assert.ok(Math.abs(sum - risk.eclMinor) <= 0.5, `schedule ${sum} vs stored ${risk.eclMinor}`);
    for (const month of risk.schedule) {
      assert.ok(Math.abs(month.eclMinor - month.marginalPd * month.lgd * month.eadMinor * month.discountFactor) < 1e-6);
    }
    assert.ok(risk.reasonCodes.length > 0 && risk.reasonCodes.every((r) => r.pointsLost > 0));
    assert.equal(await analyst.ok('credit.loanRisk', { loanId: 'no-such-loan' }), null);
  });

  it('lists the loans priced below cost in a server-side grid whose count matches the run', async () => {
    const page = await analyst.ok<GridPage<PricingRow>>('credit.pricingCheck', { startRow: 0, endRow: 100, sortModel: [{ colId: 'shortfall', sort: 'desc' }], filterModel: {} });
    assert.equal(page.rowCount, run.totals.pricing.below);
    assert.ok(page.rows.every((r) => r.required_rate > r.interest_rate && Math.abs(r.shortfall - (r.required_rate - r.interest_rate)) < 1e-12));
    assert.ok(page.rows.every((r, i) => i === 0 || (page.rows[i - 1]?.shortfall ?? 0) >= r.shortfall));
  });

  it('computes vintages, roll rates and concentration', async () => {
    const { jobId } = await finishedJob<unknown>(analyst, analyst.ok('credit.startAnalytics', {}));
    const analytics = await analyst.ok<CreditAnalytics>('credit.analytics', { jobId });
    // Asked again with nothing changed, the job reads the kept result: the same figures.
    const again = await finishedJob<CreditAnalytics>(analyst, analyst.ok('credit.startAnalytics', {}));
    assert.deepEqual(again.result, analytics);
    assert.ok(analytics.vintages.length > 4);
    for (const v of analytics.vintages) {
      const rates = v.cumulativeDefaultRate;
      assert.ok(rates.every((r, i) => r >= 0 && r <= 1 && (i === 0 || r >= (rates[i - 1] ?? 0))), `${v.vintage} is cumulative`);
    }
    // 2023-Q1 at 12 months on book, by SQL: loans whose first 90+ (or default) month is within 12 months of origination.
    const byHand = db
      .prepare(
        `WITH first AS (SELECT loan_id, min(as_of) AS month FROM loan_performance WHERE dpd >= 90 OR status IN ('default', 'written_off') GROUP BY loan_id)
         SELECT avg(f.month IS NOT NULL AND (CAST(substr(f.month, 1, 4) AS INTEGER) * 12 + CAST(substr(f.month, 6, 2) AS INTEGER))
                    - (CAST(substr(l.origination_date, 1, 4) AS INTEGER) * 12 + CAST(substr(l.origination_date, 6, 2) AS INTEGER)) <= 12)
         FROM loans l LEFT JOIN first f USING (loan_id) WHERE l.origination_date BETWEEN '2023-01-01' AND '2023-03-31'`,
      )
      .pluck()
      .get() as number;
    const q1 = analytics.vintages.find((v) => v.vintage === '2023-Q1');
    assert.ok(q1 && byHand > 0);
    assert.ok(Math.abs((q1.cumulativeDefaultRate[11] ?? -1) - byHand) < 1e-12, `${q1.cumulativeDefaultRate[11]} vs ${byHand}`);
    const latest = analytics.rollRates.at(-1);
    assert.equal(latest?.month, '2024-12');
    const transitions = latest?.counts.flat().reduce((s, c) => s + c, 0);
    const both = db
      .prepare(`SELECT count(*) FROM loan_performance a JOIN loan_performance b ON b.loan_id = a.loan_id AND b.as_of = '2024-12'
                WHERE a.as_of = '2024-11' AND coalesce(a.status, '') <> 'paid_off' AND coalesce(b.status, '') <> 'paid_off'`)
      .pluck()
      .get();
    assert.equal(transitions, both);
    for (const c of analytics.concentration) {
      assert.ok(Math.abs(c.items.reduce((s, x) => s + x.share, 0) - 1) < 1e-9, c.dimension);
      assert.ok(Math.abs(c.hhi - c.items.reduce((s, x) => s + x.share ** 2, 0)) < 1e-12);
    }
  });

  it('monitors the model by origination quarter', async () => {
    const { jobId } = await finishedJob<unknown>(analyst, analyst.ok('credit.startMonitoring', { modelId: model.modelId }));
    const monitoring = await analyst.ok<ModelMonitoring>('credit.monitoring', { jobId });
    assert.ok(monitoring.periods.length > 4);
    assert.ok(monitoring.periods.every((p) => /^\d{4}-Q[1-4]$/.test(p.period) && p.psi >= 0 && p.csi.length === (report.scorecard?.features.length ?? -1)));
    assert.equal(
      monitoring.periods.reduce((s, p) => s + p.loans, 0),
      db.prepare('SELECT count(*) FROM loans').pluck().get(),
    );
    assert.equal(monitoring.calibration.reduce((s, b) => s + b.rows, 0), report.rows);
  });

  it('takes a parameter set through four eyes, and a run uses the active version', async () => {
    const current = await compliance.ok<ParameterSet[]>('credit.parameterSets');
    assert.deepEqual(
      current.map((p) => [p.version, p.status, p.createdBy]),
      [[1, 'active', 'system']],
    );
    const base = current[0]?.parameters;
    assert.ok(base);
    const doubled = { ...base, lgd: { ...base.lgd, default: Math.min(1, base.lgd.default * 1.2) } };
    const badScale = await compliance.api.call('credit.saveParameterSet', { parameters: { ...base, masterScale: [...base.masterScale].reverse() }, note: 'wrong order' });
    assert.equal(badScale.ok ? 'ok' : badScale.error.code, 'INVALID_ARGUMENT');
    // A misspelt code would match no loan and leave them all on the default LGD: refused, naming the field.
    const misspelt = { ...base, lgd: { ...base.lgd, rules: [...base.lgd.rules, { product: 'sme_workng_capital', collateralType: 'gold', lgd: 0.5 }] }, ccf: { ...base.ccf, byProduct: { rocket: 0.5 } } };
    const badCodes = await compliance.api.call('credit.saveParameterSet', { parameters: misspelt, note: 'typo' });
    assert.ok(!badCodes.ok);
    assert.equal(badCodes.error.code, 'VALIDATION');
    const rules = base.lgd.rules.length;
    assert.deepEqual(
      (badCodes.error.details as { path: string }[]).map((issue) => issue.path),
      [`lgd.rules.${rules}.product`, `lgd.rules.${rules}.collateralType`, 'ccf.byProduct.rocket'],
    );
    assert.match(badCodes.error.message, new RegExp(`^Invalid parameter set: lgd\\.rules\\.${rules}\\.product: is not a product loans can have; choose one of consumer_cash_loan, .* \\(and 2 more\\)$`));
    const draft = await compliance.ok<ParameterSet>('credit.saveParameterSet', { parameters: doubled, note: 'Higher unsecured LGD' });
    assert.equal(draft.version, 2);
    const analystSubmits = await analyst.api.call('credit.submitParameterSet', { version: 2 });
    assert.equal(analystSubmits.ok ? 'ok' : analystSubmits.error.code, 'FORBIDDEN');
    await compliance.ok('credit.submitParameterSet', { version: 2 });
    const own = await compliance.api.call('credit.approveParameterSet', { version: 2, comment: 'mine' });
    assert.equal(own.ok ? 'ok' : own.error.code, 'FOUR_EYES');
    const second = await as(ws, SECOND_COMPLIANCE);
    await second.ok('credit.approveParameterSet', { version: 2, comment: 'LGD doubled as agreed' });
    await second.ok('credit.activateParameterSet', { version: 2, comment: 'From the next run' });
    const after = await second.ok<ParameterSet[]>('credit.parameterSets');
    assert.deepEqual(
      after.map((p) => [p.version, p.status]),
      [
        [2, 'active'],
        [1, 'retired'],
      ],
    );
    const rerun = (await finishedJob<RunSummary>(analyst, analyst.ok('credit.startRun', { asOf: '2024-12-31' }))).result;
    assert.equal(rerun.parameterVersion, 2);
    assert.ok(rerun.totals.eclMinor > run.totals.eclMinor, 'a higher LGD raises the ECL');
    assert.equal(rerun.totals.loans, run.totals.loans);
  });
});

async function finishedRunError(t: TestApi): Promise<string> {
  const { jobId } = await t.ok<{ jobId: string }>('credit.startRun', {});
  const done = await t.jobDone(jobId);
  assert.equal(done.job.state, 'failed');
  return done.error?.message ?? '';
}
