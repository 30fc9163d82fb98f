// Scorecard diagnostics through the API on a real encrypted workspace holding the small demo portfolio: the scale
// and whole points a development is asked for, coefficient flags, bins flagged against the development's own
// settings, a hand split into a tiny bin that saves only when accepted knowingly (kept with the model and audited),
// and a bin with no loans, which no acceptance can fit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BinningEvaluation, DevelopmentReport, ModelDetail, ModelSummary, StoredBinning } from '../../../preload/contract/index.ts';
import { auditEventsAbout } from '../../store/audit-queries.ts';
import { readFeatureColumn } from '../../store/credit-features.ts';
import { openEncryptedDatabase, type Db } from '../../store/database.ts';
import { Workspace } from '../../store/workspace.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { CREDIT_MODELS } from './credit-artefacts.ts';

const SCALE = { pdo: 40, base_score: 500, base_odds: 20, round_points: true };

describe('scorecard diagnostics through the API', () => {
  let ws: TestWorkspace;
  let analyst: TestApi;
  let db: Db;
  let report: DevelopmentReport;

  const develop = async (args: Record<string, unknown>): Promise<{ jobId: string; done: Awaited<ReturnType<TestApi['jobDone']>> }> => {
    const { jobId } = await analyst.ok<{ jobId: string }>('credit.startDevelopment', args);
    return { jobId, done: await analyst.jobDone(jobId) };
  };

  /** The strongest numeric model feature's bins with its last interval (L, +inf) split at `at`. */
  const splitLast = (binning: StoredBinning, at: number): StoredBinning => {
    const last = binning.bins.findLast((bin) => bin.rule.kind === 'interval');
    assert.ok(last?.rule.kind === 'interval' && last.rule.upper === null);
    const index = binning.bins.indexOf(last);
    const lower = last.rule.lower;
    return {
      ...binning,
      bins: [
        ...binning.bins.slice(0, index),
        { label: `(${lower ?? '-inf'}, ${at}]`, rule: { kind: 'interval', lower, upper: at } },
        { label: `(${at}, +inf)`, rule: { kind: 'interval', lower: at, upper: null } },
        ...binning.bins.slice(index + 1),
      ],
    };
  };

  before(async () => {
    ws = await createTestWorkspace({ roles: true, demo: true });
    const admin = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    db = openEncryptedDatabase(ws.file, Buffer.from(admin.readerSpec().key), { readonly: true });
    admin.close();
    analyst = ws.service();
    await analyst.ok('session.unlock', ROLE_USERS.analyst);
  });

  after(async () => {
    db.close();
    await ws.dispose();
  });

  it('scales to the scale asked for, in whole points, and says what rounding costs in AUC', async () => {
    const { jobId, done } = await develop({ scaling: SCALE, pValueThreshold: 0.05 });
    assert.equal(done.job.state, 'done', done.error?.message);
    report = await analyst.ok<DevelopmentReport>('credit.development', { jobId });
    assert.deepEqual(report.scaling, SCALE);
    assert.deepEqual(report.scorecard?.scaling, SCALE);
    for (const feature of report.features.filter((f) => f.selected)) for (const bin of feature.bins) assert.ok(Number.isInteger(bin.points), `${feature.name} ${bin.label}: ${bin.points}`);
    assert.equal(report.rounding?.train.exact, report.metrics?.train.auc);
    assert.equal(report.rounding?.holdout?.exact, report.metrics?.holdout?.auc);
    assert.ok(Math.abs((report.rounding?.holdout?.rounded ?? 0) - (report.rounding?.holdout?.exact ?? 1)) < 0.01);
    // Flags follow the coefficients: WOE positive = fewer defaults, so a positive coefficient is the wrong sign.
    assert.equal(report.model.pValueThreshold, 0.05);
    for (const c of report.model.coefficients) {
      assert.deepEqual(c.flags, [...(c.coef > 0 ? ['wrong_sign'] : []), ...(c.pValue > 0.05 ? ['not_significant'] : [])], c.feature);
    }
    // Scales the contract cannot take are refused before any job starts.
    const refused = await analyst.api.call('credit.startDevelopment', { scaling: { pdo: 0, base_score: 600, base_odds: 50 } });
    assert.equal(refused.ok ? 'started' : refused.error.code, 'VALIDATION');
  });

  it('flags bins against the development’s own minimum share', async () => {
    const feature = report.features.find((f) => f.selected && f.type === 'numeric');
    assert.ok(feature);
    // At a 45 % minimum share every bin holding fewer than 45 % of the training rows is flagged small.
    const evaluation = await analyst.ok<BinningEvaluation>('credit.evaluateBinning', { binning: feature.binning, holdoutFraction: 0.3, seed: 1, minBinShare: 0.45, monotonic: true });
    const total = evaluation.bins.reduce((sum, bin) => sum + bin.count, 0);
    assert.deepEqual(
      evaluation.bins.map((bin) => bin.flags?.includes('small') ?? false),
      evaluation.bins.map((bin) => bin.count > 0 && bin.count < 0.45 * total),
    );
    assert.ok(evaluation.bins.some((bin) => bin.flags?.includes('small')));
  });

  it('saves a hand split into a tiny bin only when accepted knowingly, and keeps the acceptance with the model and in the audit trail', async () => {
    const feature = report.features.find((f) => f.selected && f.type === 'numeric' && f.binning.bins.at(-1)?.rule.kind !== 'special');
    assert.ok(feature);
    // Split so that about 1 % of the loans (distinct values above the 99th percentile) lie above the cut.
    const values = Array.from(readFeatureColumn(db, feature.name).column.values as Float64Array).filter(Number.isFinite).sort((a, b) => a - b);
    const at = values[Math.floor(values.length * 0.99)] ?? Number.NaN;
    assert.ok(at < (values.at(-1) ?? Number.NaN), 'values above the cut');
    const binning = splitLast(feature.binning, at);
    const edited = await analyst.ok<BinningEvaluation>('credit.evaluateBinning', { binning, holdoutFraction: 0.3, seed: 1 });
    const tiny = edited.bins.at(binning.bins.findIndex((bin) => bin.label === `(${at}, +inf)`));
    assert.ok(tiny && tiny.count > 0, 'the tiny bin holds loans');
    assert.ok(tiny.flags?.includes('small'), `flags ${tiny.flags?.join(', ')}`);

    const { jobId, done } = await develop({ binnings: [binning] });
    assert.equal(done.job.state, 'done', done.error?.message);
    const refit = await analyst.ok<DevelopmentReport>('credit.development', { jobId });
    assert.equal(refit.features.find((f) => f.name === feature.name)?.handBinned, true);
    const unaccepted = await analyst.api.call('credit.saveModel', { jobId, name: 'Tiny bin' });
    assert.equal(unaccepted.ok ? 'saved' : unaccepted.error.code, 'INVALID_STATE');
    assert.match(unaccepted.ok ? '' : unaccepted.error.message, new RegExp(`Bins edited by hand are flagged: ${feature.name} \\(${at}, \\+inf\\) \\(small.*\\)\\. Accept them knowingly`));
    assert.equal((await analyst.ok<ModelSummary[]>('credit.models', {})).length, 0, 'nothing saved');

    const saved = await analyst.ok<ModelSummary>('credit.saveModel', { jobId, name: 'Tiny bin', acceptFlaggedBins: true });
    const detail = await analyst.ok<ModelDetail>('credit.model', { modelId: saved.modelId });
    assert.equal(detail.report.acceptance?.acceptedBy, ROLE_USERS.analyst.username);
    assert.ok(detail.report.acceptance.bins.some((bin) => bin.feature === feature.name && bin.label === `(${at}, +inf)` && bin.flags.includes('small')));
    const [event] = auditEventsAbout(db, [CREDIT_MODELS.subject(saved.modelId)]);
    assert.equal(event?.action, 'credit.model.draft');
    assert.deepEqual(JSON.parse(event.details as unknown as string).acceptedFlaggedBins, detail.report.acceptance.bins);
  });

  it('refuses to fit a hand-edited bin that holds no loans', async () => {
    const feature = report.features.find((f) => f.selected && f.type === 'numeric' && f.binning.bins.at(-1)?.rule.kind !== 'special');
    assert.ok(feature);
    const values = Array.from(readFeatureColumn(db, feature.name).column.values as Float64Array).filter(Number.isFinite);
    const max = Math.max(...values);
    const binning = splitLast(feature.binning, max);
    const edited = await analyst.ok<BinningEvaluation>('credit.evaluateBinning', { binning, holdoutFraction: 0.3, seed: 1 });
    assert.deepEqual(edited.bins.at(-1)?.flags ?? edited.bins.find((bin) => bin.label === `(${max}, +inf)`)?.flags, ['empty']);
    const { done } = await develop({ binnings: [binning] });
    assert.equal(done.job.state, 'failed');
    // A job's refusal reaches the caller as JOB_FAILED with the job's own message.
    assert.equal(done.error?.code, 'JOB_FAILED');
    assert.match(done.error?.message ?? '', new RegExp(`hold no development rows, so they have no WOE: ${feature.name} \\(${max}, \\+inf\\)\\. Merge each`));
  });
});
