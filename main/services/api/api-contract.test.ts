import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  allows,
  contract,
  METHOD_NAMES,
  ROLES,
  type ApiOutcome,
  type CreditParameters,
  type DevelopmentReport,
  type MethodName,
  type ModelSummary,
  type ParameterSet,
  type Role,
  type StoredBinning,
} from '../../../preload/contract/index.ts';
import { Workspace } from '../../store/workspace.ts';
import { backupWorkspace } from '../backup-service.ts';
import { contextFor } from '../context.ts';
import { addUser } from '../users-service.ts';
import { raiseManualAlert } from '../alerts-service.ts';
import { attachToCase, listCases } from '../cases-service.ts';
import type { ServiceContext } from '../context.ts';
import { SHIPPED_PLAYBOOKS_DOCUMENT, SHIPPED_SLA_HOURS } from '../../test-support/case-documents.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT } from '../../test-support/shipped-liquidity-parameters.ts';
import { SHIPPED_RULE_SET_DOCUMENT } from '../../test-support/shipped-rule-set.ts';
import { exportRuleSet } from '../fraud/rule-set-transfer.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, SECOND_COMPLIANCE, seedSmallPortfolio, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { TEST_CREDIT_PARAMETERS } from '../../test-support/credit-test-parameters.ts';
import { storedBacktestFixture } from '../../test-support/fraud-test-data.ts';

interface ArgsContext {
  readonly role: Role;
  readonly dir: string;
  readonly backup: string;
  readonly csv: string;
  /** A finished export of this session (for readExport and cancel). */
  readonly exportJobId: string;
  /** A finished scorecard development of this session (the analyst's; a placeholder for other roles). */
  readonly developmentJobId: string;
  /** Finished analytics and monitoring jobs of this session (every role may read them). */
  readonly analyticsJobId: string;
  readonly monitoringJobId: string;
  /** Uploads of this session (for roles that may upload): one waiting for its bytes, one complete, one to attach, one to verify as a pack. */
  readonly uploads: { readonly started: string; readonly complete: string; readonly attachment: string; readonly pack: string };
  /** A finished evidence export of this session (for roles that may export; a placeholder for others). */
  readonly evidenceJobId: string;
  /** A report kept in the workspace. */
  readonly reportId: number;
  readonly credit: CreditFixtures;
  readonly cases: CaseFixtures;
  readonly rules: RuleFixtures;
  /** Liquidity parameter set versions in the state each lifecycle method takes them from. */
  readonly liquidity: VersionFixtures;
}

/** Fraud rule set versions in the state each lifecycle method takes them from, and version 1 as an exported file (to import). */
interface RuleFixtures {
  readonly versions: VersionFixtures;
  readonly exported: string;
}

/**
 * Cases for the roles that work them (made before the roles take their turns): `main` new, taken through assign, a move,
 * a note, …, then `mergeFrom` merged into it and its alert (`mergeAlert`) split out again. SLA tables and playbook sets
 * in the state each lifecycle method takes them from, as the credit fixtures are.
 */
interface CaseFixtures {
  readonly main: number;
  readonly mergeFrom: number;
  readonly mergeAlert: number;
  readonly sla: VersionFixtures;
  readonly playbooks: VersionFixtures;
}

interface VersionFixtures {
  /** Submitted: approved, then activated. */
  readonly approve: number;
  /** A draft, to submit. */
  readonly submit: number;
  /** Submitted, to reject. */
  readonly reject: number;
}

/**
 * Made once, before the roles take their turns, by someone else than the acting role: models and parameter sets in
 * the state each lifecycle method takes them from (one per method that changes it, so that each call succeeds).
 */
interface CreditFixtures {
  /** Submitted: approved, then activated. */
  readonly modelId: number;
  /** A draft, to submit. */
  readonly draftModelId: number;
  /** Submitted, to reject. */
  readonly rejectedModelId: number;
  readonly binning: StoredBinning;
  readonly parameters: CreditParameters;
  /** Submitted: approved, then activated. */
  readonly draftParameterVersion: number;
  /** A draft, to submit. */
  readonly unsubmittedParameterVersion: number;
  /** Submitted, to reject. */
  readonly rejectedParameterVersion: number;
}

/**
 * Valid arguments for every contract method, as the acting role would send them. A method added to the
 * contract without a line here fails the first test below.
 */
const VALID_ARGS: Record<MethodName, (c: ArgsContext) => unknown> = {
  'session.status': () => ({}),
  'session.unlock': (c) => ({ username: ROLE_USERS[c.role].username, passphrase: ROLE_USERS[c.role].passphrase }),
  'session.lock': () => ({}),
  'session.activity': () => ({}),
  'session.recentWorkspaces': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ language: 'zh-CN' }),
  'dashboard.summary': () => ({}),
  'portfolio.loans': () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: 'dpd', sort: 'desc' }], filterModel: { product: { filterType: 'text', type: 'equals', filter: 'cash' } } }),
  'portfolio.borrowers': () => ({ startRow: 0, endRow: 10 }),
  'portfolio.regions': () => ({}),
  'portfolio.loanDetail': () => ({ loanId: 'L03' }),
  'portfolio.exportLoans': () => ({ sortModel: [], filterModel: {} }),
  'jobs.readExport': (c) => ({ jobId: c.exportJobId, offset: 0 }),
  'jobs.startImport': (c) => ({ kind: 'borrowers', path: c.csv, encoding: 'utf-8' }),
  'jobs.importUpload': (c) => ({ kind: 'borrowers', uploadId: c.uploads.complete, encoding: 'gbk' }),
  'uploads.start': () => ({ fileName: 'borrowers.csv', bytes: UPLOADED.length }),
  'uploads.append': (c) => ({ uploadId: c.uploads.started, offset: 0, data: UPLOADED.toString('base64') }),
  'jobs.startDemo': () => ({ scale: 'small', seed: 3 }),
  'jobs.list': () => ({}),
  'jobs.cancel': (c) => ({ jobId: c.exportJobId }),
  'audit.verify': () => ({}),
  'audit.events': () => ({ startRow: 0, endRow: 50, sortModel: [{ colId: 'seq', sort: 'desc' }], filterModel: {} }),
  'audit.export': () => ({ filterModel: { action: { filterType: 'text', type: 'startsWith', filter: 'user.' } }, timeZone: 'UTC' }),
  'users.list': () => ({}),
  'users.add': () => ({ username: 'newbie', role: 'analyst', passphrase: 'newbie passphrase 1' }),
  'users.remove': () => ({ username: 'victim' }),
  'users.changePassphrase': (c) => ({ username: ROLE_USERS[c.role].username, currentPassphrase: ROLE_USERS[c.role].passphrase, newPassphrase: ROLE_USERS[c.role].passphrase }),
  'workspace.fileFolder': () => ({}),
  'workspace.backup': (c) => ({ path: path.join(c.dir, `backup-by-${c.role}.rdw`) }),
  'workspace.restore': (c) => ({ from: c.backup, passphrase: ADMIN_PASSPHRASE }),
  'workspace.rekey': () => ({}),
  'credit.startDevelopment': () => ({ holdoutFraction: 0.25, scaling: { pdo: 30, base_score: 500, base_odds: 20, round_points: true }, pValueThreshold: 0.1 }),
  'credit.development': (c) => ({ jobId: c.developmentJobId }),
  'credit.evaluateBinning': (c) => ({ binning: c.credit.binning, holdoutFraction: 0.3, seed: 1, minBinShare: 0.1 }),
  'credit.saveModel': (c) => ({ jobId: c.developmentJobId, name: `by ${c.role}` }),
  'credit.models': () => ({}),
  'credit.model': (c) => ({ modelId: c.credit.modelId }),
  'credit.submitModel': (c) => ({ modelId: c.credit.draftModelId }),
  'credit.approveModel': (c) => ({ modelId: c.credit.modelId, comment: `approved by ${c.role}` }),
  'credit.rejectModel': (c) => ({ modelId: c.credit.rejectedModelId, reason: `rejected by ${c.role}` }),
  'credit.activateModel': (c) => ({ modelId: c.credit.modelId, comment: `activated by ${c.role}` }),
  'credit.startMonitoring': (c) => ({ modelId: c.credit.modelId }),
  'credit.monitoring': (c) => ({ jobId: c.monitoringJobId }),
  'credit.parameterSets': () => ({}),
  'credit.saveParameterSet': (c) => ({ parameters: c.credit.parameters, note: `by ${c.role}` }),
  'credit.submitParameterSet': (c) => ({ version: c.credit.unsubmittedParameterVersion }),
  'credit.approveParameterSet': (c) => ({ version: c.credit.draftParameterVersion, comment: `approved by ${c.role}` }),
  'credit.rejectParameterSet': (c) => ({ version: c.credit.rejectedParameterVersion, reason: `rejected by ${c.role}` }),
  'credit.activateParameterSet': (c) => ({ version: c.credit.draftParameterVersion, comment: `activated by ${c.role}` }),
  'credit.startRun': () => ({}),
  'credit.runs': () => ({}),
  'credit.runHistory': () => ({}),
  'credit.exportRuns': () => ({}),
  'credit.exportPricing': () => ({ sortModel: [{ colId: 'shortfall', sort: 'desc' }], filterModel: {} }),
  'fraud.startRun': () => ({}),
  'fraud.runs': () => ({}),
  'rules.startBacktest': () => ({ version: 1 }),
  'rules.backtests': () => ({}),
  'rules.backtest': () => ({ backtestId: FIXTURE_BACKTEST_ID }),
  'credit.loanRisk': () => ({ loanId: 'L03' }),
  'credit.loanRiskHistory': () => ({ loanId: 'L03' }),
  'credit.pricingCheck': () => ({ startRow: 0, endRow: 50, sortModel: [{ colId: 'shortfall', sort: 'desc' }], filterModel: {} }),
  'credit.startAnalytics': () => ({}),
  'credit.analytics': (c) => ({ jobId: c.analyticsJobId }),
  'alerts.list': () => ({ startRow: 0, endRow: 50, sortModel: [{ colId: 'severity', sort: 'desc' }], filterModel: { status: { filterType: 'set', values: ['open'] } } }),
  'alerts.get': () => ({ alertId: FIXTURE_ALERT_ID }),
  'alerts.raise': (c) => ({ subject: { type: 'borrower', id: 'B1' }, severity: 'medium', note: `raised by ${c.role}` }),
  'cases.list': () => ({ view: 'open', query: { startRow: 0, endRow: 50, sortModel: [{ colId: 'due_at', sort: 'asc' }], filterModel: {} } }),
  'cases.get': () => ({ caseId: FIXTURE_CASE_ID }),
  'cases.timeline': () => ({ caseId: FIXTURE_CASE_ID }),
  'cases.workload': () => ({}),
  'cases.assign': (c) => ({ caseId: c.cases.main, to: ROLE_USERS[c.role].username }),
  'cases.bulkAssign': (c) => ({ caseIds: [c.cases.main], to: ROLE_USERS[c.role].username }),
  'cases.transition': (c) => ({ caseId: c.cases.main, to: 'in_review' }),
  'cases.note': (c) => ({ caseId: c.cases.main, markdown: `**noted** by ${c.role}` }),
  'cases.action': (c) => ({ caseId: c.cases.main, action: 'request_documents', subject: { type: 'loan', id: 'L01' }, note: 'payslips' }),
  'cases.tickStep': (c) => ({ caseId: c.cases.main, alertType: 'manual.review', position: 1 }),
  'cases.setTags': (c) => ({ caseId: c.cases.main, tags: ['contract test'] }),
  'cases.merge': (c) => ({ into: c.cases.main, from: c.cases.mergeFrom }),
  'cases.split': (c) => ({ caseId: c.cases.main, alertIds: [c.cases.mergeAlert], title: `split by ${c.role}` }),
  'cases.attach': (c) => ({ caseId: c.cases.main, uploadId: c.uploads.attachment, mediaType: 'text/csv' }),
  'cases.attachment': () => ({ caseId: FIXTURE_CASE_ID, attachmentId: 1 }),
  'cases.slaTables': () => ({}),
  'cases.saveSlaTableDraft': () => ({ document: SHIPPED_SLA_HOURS, note: 'contract test' }),
  'cases.submitSlaTable': (c) => ({ version: c.cases.sla.submit }),
  'cases.approveSlaTable': (c) => ({ version: c.cases.sla.approve, comment: `approved by ${c.role}` }),
  'cases.rejectSlaTable': (c) => ({ version: c.cases.sla.reject, reason: `rejected by ${c.role}` }),
  'cases.activateSlaTable': (c) => ({ version: c.cases.sla.approve, comment: `approved by ${c.role}` }),
  'cases.playbookSets': () => ({}),
  'cases.savePlaybookDraft': () => ({ document: SHIPPED_PLAYBOOKS_DOCUMENT, note: 'contract test' }),
  'cases.submitPlaybookSet': (c) => ({ version: c.cases.playbooks.submit }),
  'cases.approvePlaybookSet': (c) => ({ version: c.cases.playbooks.approve, comment: `approved by ${c.role}` }),
  'cases.rejectPlaybookSet': (c) => ({ version: c.cases.playbooks.reject, reason: `rejected by ${c.role}` }),
  'cases.activatePlaybookSet': (c) => ({ version: c.cases.playbooks.approve, comment: `approved by ${c.role}` }),
  'rules.catalogue': () => ({}),
  'rules.check': () => ({ expression: 'account_count_1h > 5 && first_use_device' }),
  'rules.list': () => ({}),
  'rules.get': () => ({ version: 1 }),
  'rules.saveDraft': (c) => ({ ruleSet: SHIPPED_RULE_SET_DOCUMENT, note: `by ${c.role}` }),
  'rules.submitRuleSet': (c) => ({ version: c.rules.versions.submit }),
  'rules.approveRuleSet': (c) => ({ version: c.rules.versions.approve, comment: `approved by ${c.role}` }),
  'rules.rejectRuleSet': (c) => ({ version: c.rules.versions.reject, reason: `rejected by ${c.role}` }),
  'rules.activateRuleSet': (c) => ({ version: c.rules.versions.approve, comment: `approved by ${c.role}` }),
  'rules.diff': (c) => ({ from: 1, to: c.rules.versions.submit }),
  'rules.export': () => ({ version: 1 }),
  'rules.import': (c) => ({ content: c.rules.exported, fileName: 'fraud-rule-set-v1.json', note: `imported by ${c.role}` }),
  'liquidity.parameterSets': () => ({}),
  'liquidity.saveParameterSet': (c) => ({ parameters: SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT, note: `by ${c.role}` }),
  'liquidity.submitParameterSet': (c) => ({ version: c.liquidity.submit }),
  'liquidity.approveParameterSet': (c) => ({ version: c.liquidity.approve, comment: `approved by ${c.role}` }),
  'liquidity.rejectParameterSet': (c) => ({ version: c.liquidity.reject, reason: `rejected by ${c.role}` }),
  'liquidity.activateParameterSet': (c) => ({ version: c.liquidity.approve, comment: `approved by ${c.role}` }),
  'liquidity.position': () => ({}),
  'liquidity.lines': () => ({ ratio: 'lcr', query: { startRow: 0, endRow: 50, sortModel: [{ colId: 'weighted', sort: 'desc' }], filterModel: { category: { filterType: 'set', values: ['retail_less_stable'] } } } }),
  'liquidity.stress': () => ({ scenario: 'idiosyncratic_run' }),
  'liquidity.startMonteCarlo': () => ({ paths: 100, days: 10, seed: 1 }),
  'liquidity.simulations': () => ({}),
  'liquidity.startRun': () => ({}),
  'liquidity.runs': () => ({}),
  'liquidity.indicatorTrends': () => ({}),
  'fraud.alerts': () => ({ startRow: 0, endRow: 50, sortModel: [{ colId: 'score', sort: 'desc' }], filterModel: { action: { filterType: 'set', values: ['block'] } } }),
  // The demo workspace's first transaction and account.
  'fraud.transaction': () => ({ txId: 'T000000001' }),
  'fraud.ring': () => ({ accountId: 'A0000001' }),
  'fraud.summary': () => ({}),
  'evidence.preview': () => ({ from: '2020-01-01', to: '2030-12-31' }),
  'evidence.startExport': () => ({ from: '2026-11-01', to: '2026-11-30' }),
  'evidence.readPack': (c) => ({ jobId: c.evidenceJobId, offset: 0 }),
  'evidence.exports': () => ({}),
  'evidence.startVerify': (c) => ({ uploadId: c.uploads.pack }),
  'reports.generate': () => ({ period: '2026-11', language: 'zh-CN' }),
  'reports.list': () => ({}),
  'reports.figures': (c) => ({ reportId: c.reportId }),
  'reports.readPdf': (c) => ({ reportId: c.reportId, offset: 0 }),
  'reports.schedule': () => ({}),
  'reports.setSchedule': () => ({ frequency: 'monthly', language: 'en' }),
};

/** The case the fixture alert opened (every role reads it; it holds one attachment). */
const FIXTURE_CASE_ID = 1;

/** Raised by the admin before the roles take their turns, so that every role has an alert to read. */
const FIXTURE_ALERT_ID = 1;
/** A stored backtest every role may read (the first, made before the roles take their turns). */
const FIXTURE_BACKTEST_ID = 1;

/**
 * Run last, in this order: each ends the session (an unlock starts a new one, without the jobs of the old). The unlock
 * follows the re-key, which locks the session, and proves that the role's passphrase still opens the re-keyed workspace.
 */
const SESSION_ENDING: readonly MethodName[] = ['workspace.rekey', 'session.unlock', 'workspace.restore', 'session.lock'];

function expectedAllowed(method: MethodName, role: Role): boolean {
  const { permission } = contract[method];
  return permission === 'public' || allows(role, permission);
}

const NO_JOB = '00000000-0000-0000-0000-000000000000';
const NO_UPLOAD = '0'.repeat(32);
const UPLOADED = Buffer.from('borrower_id,region,annual_income\nB8,south,2000.00\n');

/** Where the role may import, one upload left waiting for its bytes and one sent whole. */
async function uploadsOf(t: TestApi, role: Role): Promise<ArgsContext['uploads']> {
  if (!allows(role, 'files.upload')) return { started: NO_UPLOAD, complete: NO_UPLOAD, attachment: NO_UPLOAD, pack: NO_UPLOAD };
  const started = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'waiting.csv', bytes: UPLOADED.length });
  const complete = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'whole.csv', bytes: UPLOADED.length });
  await t.ok('uploads.append', { uploadId: complete.uploadId, offset: 0, data: UPLOADED.toString('base64') });
  const attachment = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'evidence.csv', bytes: UPLOADED.length });
  await t.ok('uploads.append', { uploadId: attachment.uploadId, offset: 0, data: UPLOADED.toString('base64') });
  // Not a zip: its check runs and fails line by line, which is all a call needs here.
  const pack = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'pack.zip', bytes: UPLOADED.length });
  await t.ok('uploads.append', { uploadId: pack.uploadId, offset: 0, data: UPLOADED.toString('base64') });
  return { started: started.uploadId, complete: complete.uploadId, attachment: attachment.uploadId, pack: pack.uploadId };
}

const PLACEHOLDER_CREDIT: CreditFixtures = {
  modelId: 1,
  draftModelId: 2,
  rejectedModelId: 3,
  binning: { name: 'annual_income', type: 'numeric', bins: [{ label: '(-inf, +inf)', rule: { kind: 'interval', lower: null, upper: null } }], specialValues: [] },
  parameters: {
    masterScale: (['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const).map((grade, i) => ({ grade, maxPd: i === 6 ? 1 : 0.01 * 2 ** i })),
    dpdOddsMultiplier: { current: 1, '1-29': 3, '30-59': 6, '60-89': 10 },
    staging: { sicrDpd: 30, sicrPdMultiple: 2.5, impairedDpd: 90 },
    lgd: { default: 0.6, rules: [] },
    ccf: { default: 0.75, byProduct: {} },
    pricing: { fundingCost: 0.04, operatingCost: 0.03, margin: 0.02 },
    alerts: TEST_CREDIT_PARAMETERS.alerts,
  },
  draftParameterVersion: 2,
  unsubmittedParameterVersion: 3,
  rejectedParameterVersion: 4,
};

const PLACEHOLDER_VERSIONS: VersionFixtures = { approve: 2, submit: 3, reject: 4 };
const PLACEHOLDER_CASES: CaseFixtures = { main: 2, mergeFrom: 3, mergeAlert: 3, sla: PLACEHOLDER_VERSIONS, playbooks: PLACEHOLDER_VERSIONS };
const PLACEHOLDER_RULES: RuleFixtures = { versions: PLACEHOLDER_VERSIONS, exported: '{}' };

function placeholderContext(dir: string): ArgsContext {
  return {
    role: 'admin',
    dir,
    backup: path.join(dir, 'none.rdw'),
    csv: path.join(dir, 'none.csv'),
    exportJobId: NO_JOB,
    developmentJobId: NO_JOB,
    analyticsJobId: NO_JOB,
    monitoringJobId: NO_JOB,
    uploads: { started: NO_UPLOAD, complete: NO_UPLOAD, attachment: NO_UPLOAD, pack: NO_UPLOAD },
    evidenceJobId: NO_JOB,
    reportId: 1,
    credit: PLACEHOLDER_CREDIT,
    cases: PLACEHOLDER_CASES,
    rules: PLACEHOLDER_RULES,
    liquidity: PLACEHOLDER_VERSIONS,
  };
}

/** Two manual alerts on loans of its own for each role that works cases: the cases they open, and the second alert. */
function roleCases(ctx: ServiceContext): Partial<Record<Role, Pick<CaseFixtures, 'main' | 'mergeFrom' | 'mergeAlert'>>> {
  const caseOf = (loanId: string) => {
    const alert = raiseManualAlert(ctx, { subject: { type: 'loan', id: loanId }, severity: 'medium', note: 'case fixture' });
    const row = listCases(ctx, 'all').find((c) => c.title === `loan ${loanId}`);
    assert.ok(row, `a case for ${loanId}`);
    return { caseId: row.case_id, alertId: alert.alertId };
  };
  const fixtures = (first: string, second: string) => {
    const main = caseOf(first);
    const from = caseOf(second);
    return { main: main.caseId, mergeFrom: from.caseId, mergeAlert: from.alertId };
  };
  return { analyst: fixtures('L05', 'L06'), compliance: fixtures('L07', 'L08') };
}

/** As the second compliance user: SLA tables, playbook sets, fraud rule sets and liquidity parameter sets in each lifecycle state the methods take them from. */
async function versionFixtures(ws: TestWorkspace): Promise<Pick<CaseFixtures, 'sla' | 'playbooks'> & { rules: VersionFixtures; liquidity: VersionFixtures }> {
  const second = ws.service();
  await second.ok('session.unlock', SECOND_COMPLIANCE);
  const versions = async (save: MethodName, submit: MethodName, content: Record<string, unknown>): Promise<VersionFixtures> => {
    const draft = async (submitted: boolean): Promise<number> => {
      const { version } = await second.ok<{ version: number }>(save, { ...content, note: 'fixture' });
      if (submitted) await second.ok(submit, { version });
      return version;
    };
    return { approve: await draft(true), submit: await draft(false), reject: await draft(true) };
  };
  return {
    sla: await versions('cases.saveSlaTableDraft', 'cases.submitSlaTable', { document: SHIPPED_SLA_HOURS }),
    playbooks: await versions('cases.savePlaybookDraft', 'cases.submitPlaybookSet', { document: SHIPPED_PLAYBOOKS_DOCUMENT }),
    rules: await versions('rules.saveDraft', 'rules.submitRuleSet', { ruleSet: SHIPPED_RULE_SET_DOCUMENT }),
    liquidity: await versions('liquidity.saveParameterSet', 'liquidity.submitParameterSet', { parameters: SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT }),
  };
}

/** As the analyst: develop and save draft models, submitting two; as a second compliance user: the same with parameter sets. */
async function creditFixtures(ws: TestWorkspace): Promise<CreditFixtures> {
  const analyst = ws.service();
  await analyst.ok('session.unlock', ROLE_USERS.analyst);
  const { jobId } = await analyst.ok<{ jobId: string }>('credit.startDevelopment', {});
  assert.equal((await analyst.jobDone(jobId)).job.state, 'done');
  const report = await analyst.ok<DevelopmentReport>('credit.development', { jobId });
  const model = async (name: string, submit: boolean): Promise<number> => {
    const { modelId } = await analyst.ok<ModelSummary>('credit.saveModel', { jobId, name });
    if (submit) await analyst.ok('credit.submitModel', { modelId });
    return modelId;
  };
  const binning = report.features[0]?.binning;
  assert.ok(binning);
  const second = ws.service();
  await second.ok('session.unlock', SECOND_COMPLIANCE);
  const [active] = await second.ok<ParameterSet[]>('credit.parameterSets');
  assert.ok(active);
  const parameterSet = async (note: string, submit: boolean): Promise<number> => {
    const { version } = await second.ok<ParameterSet>('credit.saveParameterSet', { parameters: active.parameters, note });
    if (submit) await second.ok('credit.submitParameterSet', { version });
    return version;
  };
  return {
    modelId: await model('fixture', true),
    draftModelId: await model('fixture draft', false),
    rejectedModelId: await model('fixture to reject', true),
    binning,
    parameters: active.parameters,
    draftParameterVersion: await parameterSet('fixture', true),
    unsubmittedParameterVersion: await parameterSet('fixture draft', false),
    rejectedParameterVersion: await parameterSet('fixture to reject', true),
  };
}


describe('the API against the contract', () => {
  let ws: TestWorkspace;
  let backup: string;
  let csv: string;
  let credit = PLACEHOLDER_CREDIT;
  let casesByRole: ReturnType<typeof roleCases> = {};
  let caseVersions: Pick<CaseFixtures, 'sla' | 'playbooks'> = PLACEHOLDER_CASES;
  let rules = PLACEHOLDER_RULES;
  let liquidity = PLACEHOLDER_VERSIONS;

  before(async () => {
    ws = await createTestWorkspace({ roles: true, seed: seedSmallPortfolio, demo: true });
    const admin = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    const ctx = contextFor(admin);
    await addUser(ctx, { username: 'victim', role: 'analyst', passphrase: 'victim passphrase 1' });
    await addUser(ctx, { ...SECOND_COMPLIANCE, role: 'compliance' });
    assert.equal(raiseManualAlert(ctx, { subject: { type: 'loan', id: 'L03' }, severity: 'high', note: 'fixture' }).alertId, FIXTURE_ALERT_ID);
    attachToCase({ ...ctx, actor: { username: ROLE_USERS.analyst.username, role: 'analyst' } }, FIXTURE_CASE_ID, { name: 'fixture.txt', mediaType: 'text/plain', content: Buffer.from('evidence') });
    assert.equal(storedBacktestFixture(admin.db).backtestId, FIXTURE_BACKTEST_ID);
    casesByRole = roleCases(ctx);
    const exported = exportRuleSet(ctx, 1).content;
    backup = path.join(ws.dir, 'before.rdw');
    await backupWorkspace(ctx, { to: backup });
    admin.close();
    csv = path.join(ws.dir, 'borrowers.csv');
    fs.writeFileSync(csv, 'borrower_id,region,annual_income\nB9,north,1000.00\n');
    credit = await creditFixtures(ws);
    const { rules: ruleVersions, liquidity: liquidityVersions, ...setVersions } = await versionFixtures(ws);
    caseVersions = setVersions;
    rules = { versions: ruleVersions, exported };
    liquidity = liquidityVersions;
  });
  after(() => ws.dispose());

  it('has valid arguments here for exactly the contract methods', () => {
    assert.deepEqual(Object.keys(VALID_ARGS).sort(), [...METHOD_NAMES].sort());
  });

  it('answers every non-public method with LOCKED while locked, and an unknown method with VALIDATION', async () => {
    const { api } = ws.service();
    for (const method of METHOD_NAMES.filter((m) => contract[m].permission !== 'public')) {
      const outcome = await api.call(method, VALID_ARGS[method](placeholderContext(ws.dir)));
      assert.deepEqual(outcome.ok ? 'ok' : outcome.error.code, 'LOCKED', method);
    }
    for (const name of ['nope', 'session', '__proto__', 'constructor', 'toString', '']) {
      const outcome = await api.call(name, {});
      assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'VALIDATION', name);
    }
  });

  it('answers malformed arguments for every method with VALIDATION (never INTERNAL), locked or unlocked', async () => {
    const t = ws.service();
    const context = placeholderContext(ws.dir);
    const check = async (state: string): Promise<void> => {
      for (const method of METHOD_NAMES) {
        const valid = VALID_ARGS[method](context) as Record<string, unknown>;
        const malformed: unknown[] = [null, 42, 'text', [], { ...valid, unexpected: 1 }, ...Object.keys(valid).map((key) => ({ ...valid, [key]: true }))];
        for (const args of malformed) {
          const outcome = await t.api.call(method, args);
          assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'VALIDATION', `${state} ${method} ${JSON.stringify(args)}`);
          if (!outcome.ok && typeof args === 'object' && args !== null && !Array.isArray(args)) {
            const bad = Object.keys(args).find((key) => (args as Record<string, unknown>)[key] === true || key === 'unexpected');
            if (bad) assert.match(outcome.error.message, new RegExp(bad === 'unexpected' ? 'unexpected|arguments' : bad), `${method}: the message names the field`);
          }
        }
      }
    };
    await check('locked');
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    await check('unlocked');
    assert.deepEqual(t.logs, [], 'nothing unexpected was logged');
  });

  for (const role of ['analyst', 'compliance', 'auditor', 'admin'] as const) {
    it(`allows or refuses every method for ${role} exactly as the permission table says`, async () => {
      const t = ws.service();
      await t.ok('session.unlock', { username: ROLE_USERS[role].username, passphrase: ROLE_USERS[role].passphrase });
      const { jobId } = await t.ok<{ jobId: string }>('portfolio.exportLoans', { sortModel: [], filterModel: {} });
      assert.equal((await t.jobDone(jobId)).job.state, 'done');
      let developmentJobId = NO_JOB;
      if (role === 'analyst') {
        developmentJobId = (await t.ok<{ jobId: string }>('credit.startDevelopment', {})).jobId;
        assert.equal((await t.jobDone(developmentJobId)).job.state, 'done');
      }
      const finished = async (method: MethodName, args: unknown): Promise<string> => {
        const started = await t.ok<{ jobId: string }>(method, args);
        assert.equal((await t.jobDone(started.jobId)).job.state, 'done', method);
        return started.jobId;
      };
      const analyticsJobId = await finished('credit.startAnalytics', {});
      const monitoringJobId = await finished('credit.startMonitoring', { modelId: credit.modelId });
      const uploads = await uploadsOf(t, role);
      const evidenceJobId = allows(role, 'evidence.export') ? await finished('evidence.startExport', { from: '2026-11-01', to: '2026-11-30' }) : NO_JOB;
      await finished('reports.generate', { period: '2026-11', language: 'en' });
      const reportId = (await t.ok<Array<{ reportId: number }>>('reports.list', {}))[0]!.reportId;
      const cases: CaseFixtures = { ...PLACEHOLDER_CASES, ...casesByRole[role], ...caseVersions };
      const context: ArgsContext = { role, dir: ws.dir, backup, csv, exportJobId: jobId, developmentJobId, analyticsJobId, monitoringJobId, uploads, evidenceJobId, reportId, credit, cases, rules, liquidity };
      const order = [...METHOD_NAMES.filter((m) => !SESSION_ENDING.includes(m)), ...SESSION_ENDING];
      for (const method of order) {
        const outcome: ApiOutcome<unknown> = await t.api.call(method, VALID_ARGS[method](context));
        if (expectedAllowed(method, role)) {
          assert.ok(outcome.ok, `${role} ${method} should be allowed: ${outcome.ok ? '' : `${outcome.error.code} ${outcome.error.message}`}`);
        } else {
          assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'FORBIDDEN', `${role} ${method} should be refused`);
        }
      }
      assert.deepEqual(t.logs, []);
    });
  }

  it('covered every role', () => {
    assert.deepEqual([...ROLES].sort(), ['admin', 'analyst', 'auditor', 'compliance']);
  });
});
