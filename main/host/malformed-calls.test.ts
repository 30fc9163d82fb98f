// Every contract method, called through the browser host's WebSocket with malformed arguments, answers with
// a VALIDATION outcome and never crashes the host; so do unknown methods and broken messages. Each argument
// mutation starts from a valid example, so that it is the mutation (not a missing field) that is refused.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { contract, METHOD_NAMES, type ApiOutcome, type MethodArgs, type MethodName } from '../../preload/contract/index.ts';
import { HostSocket, postApi } from '../test-support/host-client.ts';
import { startHostedApi, type HostedTestApi } from '../test-support/hosted-api.ts';
import { tempDir } from '../test-support/temp-workspace.ts';
import { TEST_CREDIT_PARAMETERS } from '../test-support/credit-test-parameters.ts';
import { SHIPPED_PLAYBOOKS_DOCUMENT, SHIPPED_SLA_HOURS } from '../test-support/case-documents.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT } from '../test-support/shipped-liquidity-parameters.ts';
import { SHIPPED_RULE_SET_DOCUMENT } from '../test-support/shipped-rule-set.ts';
import { startBrowserHost, type BrowserHost } from './browser-host.ts';

const grid: MethodArgs<'portfolio.loans'> = {
  startRow: 0,
  endRow: 100,
  sortModel: [{ colId: 'loan_id', sort: 'asc' }],
  filterModel: { region: { filterType: 'text', type: 'contains', filter: 'x' } },
};

const BINNING: MethodArgs<'credit.evaluateBinning'>['binning'] = { name: 'annual_income', type: 'numeric', bins: [{ label: '(-inf, 5]', rule: { kind: 'interval', lower: null, upper: 5 } }, { label: '(5, +inf)', rule: { kind: 'interval', lower: 5, upper: null } }], specialValues: [] };

const PARAMETERS: MethodArgs<'credit.saveParameterSet'>['parameters'] = {
    masterScale: (['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const).map((grade, i) => ({ grade, maxPd: i === 6 ? 1 : 0.01 * 2 ** i })),
    dpdOddsMultiplier: { current: 1, '1-29': 3, '30-59': 6, '60-89': 10 },
    staging: { sicrDpd: 30, sicrPdMultiple: 2.5, impairedDpd: 90 },
    lgd: { default: 0.6, rules: [{ product: 'consumer_cash_loan', collateralType: null, lgd: 0.7 }] },
    ccf: { default: 0.75, byProduct: { revolving_credit_line: 0.5 } },
    pricing: { fundingCost: 0.04, operatingCost: 0.03, margin: 0.02 },
    alerts: TEST_CREDIT_PARAMETERS.alerts,
  };

/** A valid argument object for every method, with every declared field present (checked below). */
const VALID_ARGS: { [M in MethodName]: MethodArgs<M> } = {
  'session.status': {},
  'session.unlock': { workspace: '/tmp/x.rdw', username: 'admin', passphrase: 'p' },
  'session.lock': {},
  'session.activity': {},
  'session.recentWorkspaces': {},
  'settings.get': {},
  'settings.update': { idleLockMinutes: 10, language: 'en', theme: 'dark' },
  'dashboard.summary': {},
  'portfolio.loans': grid,
  'portfolio.borrowers': grid,
  'portfolio.regions': {},
  'portfolio.loanDetail': { loanId: 'L1' },
  'portfolio.exportLoans': { sortModel: grid.sortModel, filterModel: grid.filterModel, columns: ['loan_id'] },
  'jobs.readExport': { jobId: 'j1', offset: 0 },
  'jobs.startImport': { kind: 'loans', path: '/tmp/loans.csv', encoding: 'gbk', checkOnly: true },
  'jobs.importUpload': { kind: 'loans', uploadId: '0123456789abcdef0123456789abcdef', encoding: 'windows-1252', checkOnly: false },
  'uploads.start': { fileName: 'loans.csv', bytes: 10 },
  'uploads.append': { uploadId: '0123456789abcdef0123456789abcdef', offset: 0, data: 'bG9hbl9pZAo=' },
  'jobs.startDemo': { scale: 'small', seed: 1 },
  'jobs.list': {},
  'jobs.cancel': { jobId: 'j1' },
  'audit.verify': { anchors: [{ seq: 1, hash: 'a'.repeat(64) }] },
  'audit.events': grid,
  'audit.export': { filterModel: grid.filterModel, timeZone: 'Asia/Shanghai' },
  'users.list': {},
  'users.add': { username: 'bob', role: 'analyst', passphrase: 'p' },
  'users.remove': { username: 'bob' },
  'users.changePassphrase': { username: 'bob', currentPassphrase: 'p', newPassphrase: 'q' },
  'workspace.fileFolder': {},
  'workspace.backup': { path: '/tmp/backup.rdw' },
  'workspace.restore': { from: '/tmp/backup.rdw', passphrase: 'p' },
  'workspace.rekey': {},
  'credit.startDevelopment': { holdoutFraction: 0.3, seed: 1, minBinShare: 0.05, monotonic: true, ivThreshold: 0.02, maxCorrelation: 0.7, exclude: ['region'], binnings: [BINNING], scaling: { pdo: 20, base_score: 600, base_odds: 50, round_points: true }, pValueThreshold: 0.05 },
  'credit.development': { jobId: 'j1' },
  'credit.evaluateBinning': { binning: BINNING, edit: { op: 'merge', index: 0 }, holdoutFraction: 0.3, seed: 1, minBinShare: 0.05, monotonic: true },
  'credit.saveModel': { jobId: 'j1', name: 'model', acceptFlaggedBins: true },
  'credit.models': {},
  'credit.model': { modelId: 1 },
  'credit.submitModel': { modelId: 1 },
  'credit.approveModel': { modelId: 1, comment: 'c' },
  'credit.rejectModel': { modelId: 1, reason: 'r' },
  'credit.activateModel': { modelId: 1, comment: 'c' },
  'credit.startMonitoring': { modelId: 1 },
  'credit.monitoring': { jobId: 'j1' },
  'credit.parameterSets': {},
  'credit.saveParameterSet': { parameters: PARAMETERS, note: 'n' },
  'credit.submitParameterSet': { version: 1 },
  'credit.approveParameterSet': { version: 1, comment: 'c' },
  'credit.rejectParameterSet': { version: 1, reason: 'r' },
  'credit.activateParameterSet': { version: 1, comment: 'c' },
  'credit.startRun': { asOf: '2024-12-31' },
  'credit.runs': {},
  'credit.runHistory': {},
  'credit.exportRuns': {},
  'credit.exportPricing': { sortModel: [{ colId: 'shortfall', sort: 'desc' }], filterModel: { grade: { filterType: 'text', type: 'equals', filter: 'G' } } },
  'fraud.startRun': { from: '2024-01-01', to: '2024-01-31' },
  'fraud.runs': {},
  'rules.startBacktest': { version: 1, from: '2024-01-01', to: '2024-01-31' },
  'rules.backtests': { version: 1 },
  'rules.backtest': { backtestId: 1 },
  'credit.loanRisk': { loanId: 'L1' },
  'credit.loanRiskHistory': { loanId: 'L1' },
  'credit.pricingCheck': grid,
  'credit.startAnalytics': {},
  'credit.analytics': { jobId: 'j1' },
  'alerts.list': grid,
  'alerts.get': { alertId: 1 },
  'alerts.raise': { subject: { type: 'loan', id: 'L1' }, severity: 'high', note: 'n' },
  'cases.list': { view: 'open', query: grid },
  'cases.get': { caseId: 1 },
  'cases.timeline': { caseId: 1 },
  'cases.workload': {},
  'cases.assign': { caseId: 1, to: 'ana' },
  'cases.bulkAssign': { caseIds: [1], to: 'ana' },
  'cases.transition': { caseId: 1, to: 'pending_approval', disposition: 'no_action', reason: 'r' },
  'cases.note': { caseId: 1, markdown: 'm' },
  'cases.action': { caseId: 1, action: 'reduce_limit', subject: { type: 'loan', id: 'L1' }, note: 'n' },
  'cases.tickStep': { caseId: 1, alertType: 'credit.stage_migration', position: 1 },
  'cases.setTags': { caseId: 1, tags: ['t'] },
  'cases.merge': { into: 1, from: 2 },
  'cases.split': { caseId: 1, alertIds: [1], title: 't' },
  'cases.attach': { caseId: 1, uploadId: '0'.repeat(32), mediaType: 'text/plain' },
  'cases.attachment': { caseId: 1, attachmentId: 1 },
  'cases.slaTables': {},
  'cases.saveSlaTableDraft': { document: SHIPPED_SLA_HOURS, note: 'n' },
  'cases.submitSlaTable': { version: 1 },
  'cases.approveSlaTable': { version: 1, comment: 'c' },
  'cases.rejectSlaTable': { version: 1, reason: 'r' },
  'cases.activateSlaTable': { version: 1, comment: 'c' },
  'cases.playbookSets': {},
  'cases.savePlaybookDraft': { document: SHIPPED_PLAYBOOKS_DOCUMENT, note: 'n' },
  'cases.submitPlaybookSet': { version: 1 },
  'cases.approvePlaybookSet': { version: 1, comment: 'c' },
  'cases.rejectPlaybookSet': { version: 1, reason: 'r' },
  'cases.activatePlaybookSet': { version: 1, comment: 'c' },
  'rules.catalogue': {},
  'rules.check': { expression: 'amount > 0' },
  'rules.list': {},
  'rules.get': { version: 1 },
  'rules.saveDraft': { ruleSet: SHIPPED_RULE_SET_DOCUMENT, note: 'n' },
  'rules.submitRuleSet': { version: 1 },
  'rules.approveRuleSet': { version: 1, comment: 'c' },
  'rules.rejectRuleSet': { version: 1, reason: 'r' },
  'rules.activateRuleSet': { version: 1, comment: 'c' },
  'rules.diff': { from: 1, to: 1 },
  'rules.export': { version: 1 },
  'rules.import': { content: '{}', fileName: 'f.json', note: 'n' },
  'liquidity.parameterSets': {},
  'liquidity.saveParameterSet': { parameters: SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT, note: 'n' },
  'liquidity.submitParameterSet': { version: 1 },
  'liquidity.approveParameterSet': { version: 1, comment: 'c' },
  'liquidity.rejectParameterSet': { version: 1, reason: 'r' },
  'liquidity.activateParameterSet': { version: 1, comment: 'c' },
  'liquidity.position': { asOf: '2026-11-30', version: 1 },
  'liquidity.lines': { ratio: 'nsfr', asOf: '2026-11-30', version: 1, query: { startRow: 0, endRow: 100, sortModel: [{ colId: 'weighted', sort: 'desc' }], filterModel: { category: { filterType: 'text', type: 'contains', filter: 'asf' } } } },
  'liquidity.stress': { scenario: 'combined', asOf: '2026-11-30', version: 1 },
  'liquidity.startMonteCarlo': { asOf: '2026-11-30', paths: 1_000, days: 30, seed: 1, blockDays: 5, outflowMultiplier: 1.5, subscriptionFactor: 0.5, products: ['mmf_t0'] },
  'liquidity.simulations': {},
  'liquidity.startRun': { asOf: '2026-11-30' },
  'liquidity.runs': {},
  'liquidity.indicatorTrends': {},
  'evidence.preview': { from: '2026-11-01', to: '2026-11-30', cases: [1], models: [1], ruleSetVersions: [1], runs: [1] },
  'evidence.startExport': { from: '2026-11-01', to: '2026-11-30', cases: [1], models: [1], ruleSetVersions: [1], runs: [1] },
  'evidence.readPack': { jobId: 'j1', offset: 0 },
  'evidence.exports': {},
  'evidence.startVerify': { uploadId: '0123456789abcdef0123456789abcdef' },
  'reports.generate': { period: '2026-11', language: 'en' },
  'reports.list': {},
  'reports.figures': { reportId: 1 },
  'reports.readPdf': { reportId: 1, offset: 0 },
  'reports.schedule': {},
  'reports.setSchedule': { frequency: 'weekly', language: 'zh-CN' },
  'fraud.alerts': grid,
  'fraud.transaction': { txId: 'T1' },
  'fraud.ring': { accountId: 'A1' },
  'fraud.summary': {},
};

/** Whole-argument values no method accepts (JSON text, spliced into the message as is). */
const MALFORMED_ARGS = ['null', '42', '-1', '"x"', 'true', '[]', '[{}]', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"zz_unknown":1}'];

const JSON_KINDS: Record<string, unknown> = { number: 42.5, string: 'x', boolean: true, null: null, array: [], object: {} };

function jsonKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Values of every other JSON kind than `value`'s: each is a wrong type for a field whose example is `value`. */
function wrongTypesFor(value: unknown): unknown[] {
  return Object.entries(JSON_KINDS)
    .filter(([kind]) => kind !== jsonKind(value))
    .map(([, wrong]) => wrong);
}

/** `valid` as JSON text with an own `__proto__` key in front (JSON.stringify cannot write one). */
function withProtoKey(valid: Record<string, unknown>): string {
  const fields = JSON.stringify(valid).slice(1, -1);
  return `{"__proto__":{"polluted":true}${fields ? `,${fields}` : ''}}`;
}

function declaredFields(method: MethodName): string[] {
  const schema = contract[method].args;
  assert.ok(schema instanceof z.ZodObject, `${method}: args are an object schema`);
  return Object.keys(schema.shape).sort();
}

function assertValidation(outcome: ApiOutcome<unknown>, what: string): void {
  assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'VALIDATION', what);
}

let api: HostedTestApi;
let host: BrowserHost;
let socket: HostSocket;

describe('the browser host with malformed calls', () => {
  before(async () => {
    const dir = tempDir('riskdesk-malformed-');
    api = await startHostedApi(dir);
    host = await startBrowserHost({ api: api.service, staticDir: path.join(dir, 'no-renderer') });
    socket = await HostSocket.open(host.port, { token: host.token });
    // Unlocked as the admin, so that no permission or lock check can answer in validation's place.
    await api.unlockThrough(socket);
  });
  after(async () => {
    await socket.close();
    await host.close();
    await api.close();
  });

  it('has a valid example with every declared field for every method (so the mutations below mean something)', () => {
    assert.deepEqual(Object.keys(VALID_ARGS).sort(), [...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) {
      assert.deepEqual(Object.keys(VALID_ARGS[method]).sort(), declaredFields(method), method);
      assert.ok(contract[method].args.safeParse(VALID_ARGS[method]).success, `${method}: the example is valid`);
    }
  });

  it('answers VALIDATION to every method called with malformed arguments, then still answers session.status', async () => {
    let calls = 0;
    for (const method of METHOD_NAMES) {
      const valid = VALID_ARGS[method] as Record<string, unknown>;
      // The service reads absent args as {} (IPC sends nothing for no-argument calls); elsewhere it is malformed.
      if (!contract[method].args.safeParse({}).success) assertValidation(await socket.call(method), `${method} without args`);
      for (const raw of MALFORMED_ARGS) assertValidation(await socket.call(method, undefined, raw), `${method} ${raw}`);
      assertValidation(await socket.call(method, { ...valid, zz_unknown: 1 }), `${method} with an unknown key`);
      assertValidation(await socket.call(method, undefined, withProtoKey(valid)), `${method} with __proto__`);
      calls += MALFORMED_ARGS.length + 3;
      for (const field of declaredFields(method)) {
        for (const wrong of wrongTypesFor(valid[field])) {
          assertValidation(await socket.call(method, { ...valid, [field]: wrong }), `${method} ${field}=${JSON.stringify(wrong)}`);
          calls += 1;
        }
      }
    }
    assert.ok(calls > 300, `${calls} malformed calls`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
    const status = await socket.call('session.status', {});
    assert.ok(status.ok, 'session.status still answers');
    assert.equal((status.result as { state: string }).state, 'unlocked');
  });

  it('answers VALIDATION to an import encoding that is not one of the list, spelt otherwise included', async () => {
    for (const method of ['jobs.startImport', 'jobs.importUpload'] as const) {
      for (const encoding of ['latin9', 'GBK', 'utf8', 'UTF-8', 'gbk ', '', 'shift_jis', 'utf-16le']) {
        assertValidation(await socket.call(method, { ...VALID_ARGS[method], encoding }), `${method} encoding=${JSON.stringify(encoding)}`);
      }
    }
  });

  it('answers VALIDATION to unknown or malformed method names', async () => {
    for (const method of ['nope', '', 'session', 'session.status ', 'SESSION.STATUS', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session.__proto__', 'x'.repeat(10_000), 42, null, true, [], {}, undefined]) {
      assertValidation(await socket.call(method, {}), `method ${JSON.stringify(method)?.slice(0, 40)}`);
    }
    assertValidation(await socket.call('session.status', { zz_unknown: 1 }), 'a valid name with bad args');
    assertValidation((await socket.sendRaw('env', '{"id":"env","method":"session.status","args":{},"extra":1}')).outcome, 'an extra envelope key');
    assert.equal((await socket.call('session.status', {})).ok, true);
  });

  it('closes the connection (1008) on messages without a readable id, and (1009) on oversized ones; the host keeps serving', async () => {
    const unreadable = ['not json', '[]', 'null', '"x"', '42', '{}', '{"method":"session.status","args":{}}', '{"id":null,"method":"session.status"}', '{"id":{},"method":"session.status"}', '{"id":1.5}', `{"id":"${'i'.repeat(200)}"}`];
    for (const text of unreadable) {
      const probe = await HostSocket.open(host.port, { token: host.token });
      probe.socket.send(text);
      assert.equal(await probe.closed, 1008, text);
    }
    const binary = await HostSocket.open(host.port, { token: host.token });
    binary.socket.send(Buffer.from('{"id":1,"method":"session.status","args":{}}'));
    assert.equal(await binary.closed, 1008, 'binary message');

    const oversized = await HostSocket.open(host.port, { token: host.token });
    oversized.socket.send(JSON.stringify({ id: 1, method: 'session.status', args: { x: 'a'.repeat(1024 * 1024) } }));
    assert.equal(await oversized.closed, 1009, 'oversized message');

    assert.equal((await socket.call('session.status', {})).ok, true, 'the first connection still works');
    const fresh = await HostSocket.open(host.port, { token: host.token });
    assert.equal((await fresh.call('session.status', {})).ok, true, 'a new connection works');
    await fresh.close();
  });

  it('answers VALIDATION over HTTP as well, for every method', async () => {
    for (const method of METHOD_NAMES) {
      for (const body of ['{"args":null}', '{"args":"x"}', '{"args":{"zz_unknown":1}}', '{"args":{"__proto__":{"polluted":true}}}']) {
        const { status, outcome } = await postApi(host.port, host.token, method, body);
        assert.equal(status, 400, `${method} ${body}`);
        assertValidation(outcome, `${method} ${body}`);
      }
    }
    const { status, outcome } = await postApi(host.port, host.token, 'session.status', '{"args":{}}');
    assert.deepEqual([status, outcome.ok], [200, true]);
  });
});
