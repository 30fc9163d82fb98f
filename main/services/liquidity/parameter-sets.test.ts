// Liquidity parameter sets through the services on a real encrypted database: drafts checked by the contract's schema
// and the cross-field checks (VALIDATION naming the JSON path, nothing written), four eyes and one active version,
// every change audited, the active version for the engine, and the shipped default seeded once and as DOMAIN.md says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LiquidityParameters } from '../../../preload/contract/liquidity.ts';
import type { Role } from '../../../preload/contract/permissions.ts';
import { LCR_DEFAULT_FACTORS } from '../../engines/liquidity/categories.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { draftLifecycleFields } from '../../test-support/lifecycle-expectations.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT as SHIPPED } from '../../test-support/shipped-liquidity-parameters.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';
import type { ServiceContext } from '../context.ts';
import { takeLifecycleStep } from '../lifecycle-service.ts';
import { resourcesFolder } from '../resources-folder.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import {
  LIQUIDITY_PARAMETER_SETS,
  liquidityParameterSet,
  listLiquidityParameterSets,
  saveDraftLiquidityParameters,
  SHIPPED_LIQUIDITY_PARAMETERS,
} from './parameter-sets.ts';
import { liquidityParameterSetOf } from '../../workers/liquidity-book.ts';

const NOW = new Date('2026-12-05T09:00:00.000Z');
const FILE = 'parameter-sets/liquidity-default.json';
/** The shipped set with a harsher run: redemptions at four times the worst day. */
const HARSHER: LiquidityParameters = { ...SHIPPED, scenarios: SHIPPED.scenarios.map((s) => (s.name === 'idiosyncratic_run' ? { ...s, redemptionMultiplier: 4 } : s)) };

interface EventRow {
  actor: string;
  action: string;
  subject: string;
  details: string;
}

type Refusal = Error & { code?: string; details?: unknown };

const refused = (code: string, fragment: RegExp) => (error: Refusal) => {
  assert.equal(error.code, code);
  assert.match(error.message, fragment);
  return true;
};

describe('liquidity parameter sets through the services', () => {
  let temp: TempDatabase;
  const as = (username: string, role: Role): ServiceContext => databaseContext(temp, { username, role }, { now: () => NOW });
  const events = (): EventRow[] => temp.db.prepare(`SELECT actor, action, subject, details FROM audit_events ORDER BY seq`).all() as EventRow[];
  const versions = (): [number, string][] => listLiquidityParameterSets(as('audrey', 'auditor')).map((v) => [v.version, v.status]);
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-liquidity-parameters-');
  });
  afterEach(() => temp.dispose());

  it('lets compliance save a draft, audited with its note and parameters; analysts, auditors and admins may not', () => {
    for (const [username, role] of [['ana', 'analyst'], ['audrey', 'auditor'], ['admin', 'admin']] as const) {
      assert.throws(() => saveDraftLiquidityParameters(as(username, role), HARSHER, 'n'), refused('FORBIDDEN', /may not parameters\.edit/), role);
    }
    const draft = saveDraftLiquidityParameters(as('cole', 'compliance'), HARSHER, 'harsher run');
    assert.deepEqual(draft, { version: 2, note: 'harsher run', parameters: HARSHER, ...draftLifecycleFields('cole', NOW.toISOString()) });
    assert.deepEqual(liquidityParameterSet(as('ana', 'analyst'), 2), draft);
    assert.deepEqual(
      events().map((e) => ({ ...e, details: JSON.parse(e.details) as unknown })),
      [{ actor: 'cole', action: 'liquidity.parameters.draft', subject: 'liquidity parameter set v2', details: { note: 'harsher run', document: HARSHER } }],
    );
  });

  it('refuses an invalid draft with VALIDATION naming the JSON path (and the file it came from); nothing is written', () => {
    const cole = as('cole', 'compliance');
    const cases: [string, unknown, RegExp][] = [
      ['an LCR factor above 1', { ...SHIPPED, lcr: { factors: { ...SHIPPED.lcr.factors, retail_stable: 1.5 } } }, /^Invalid liquidity parameter set: lcr\.factors\.retail_stable: /],
      ['a missing NSFR factor', { ...SHIPPED, nsfr: { ...SHIPPED.nsfr, asf: { ...SHIPPED.nsfr.asf, asf_other: undefined } } }, /: nsfr\.asf\.asf_other: /],
      ['the survival indicator naming no scenario', { ...SHIPPED, indicators: { ...SHIPPED.indicators, survivalDays: { ...SHIPPED.indicators.survivalDays, scenario: 'bank_holiday' } } }, /: indicators\.survivalDays\.scenario: the survival indicator must name one of the scenarios/],
      ['a bootstrap block longer than the history', { ...SHIPPED, monteCarlo: { ...SHIPPED.monteCarlo, blockDays: 40, historyDays: 30 } }, /: monteCarlo\.blockDays: a bootstrap block of 40 days does not fit in 30 days of history/],
      [
        'a fixed-term product with a notice period',
        { ...SHIPPED, products: [SHIPPED.products[0], { product: 'fixed_1y', noticeDays: 30, termDays: 365 }] },
        /: products\.1\.noticeDays: fixed_1y has a fixed term of 365 days, so it takes no notice period/,
      ],
    ];
    for (const [what, parameters, message] of cases) assert.throws(() => saveDraftLiquidityParameters(cole, parameters, 'n'), refused('VALIDATION', message), what);
    let caught: Refusal | undefined;
    assert.throws(
      () => saveDraftLiquidityParameters(cole, { ...SHIPPED, monteCarlo: { ...SHIPPED.monteCarlo, paths: 5 }, products: [{ product: 'fixed_1y', noticeDays: 1, termDays: 365 }] }, 'n', 'drafts/liquidity.json'),
      (error: Refusal) => {
        caught = error;
        return true;
      },
    );
    // The schema's problems come first; the cross-field checks run only on parameters the schema accepts.
    assert.match(caught?.message ?? '', /^Invalid liquidity parameter set in drafts\/liquidity\.json: monteCarlo\.paths: /);
    assert.deepEqual((caught?.details as { path: string }[]).map((d) => d.path), ['monteCarlo.paths']);
    assert.deepEqual(versions(), [[1, 'active']]);
    assert.deepEqual(events(), []);
  });

  it('takes a draft through four eyes to active, retiring the one before; every step audited, and every refusal after it', () => {
    const cole = as('cole', 'compliance');
    const cara = as('cara', 'compliance');
    const { version } = saveDraftLiquidityParameters(cole, HARSHER, 'v2');
    assert.throws(() => takeLifecycleStep(as('audrey', 'auditor'), LIQUIDITY_PARAMETER_SETS, 'submit', version), refused('FORBIDDEN', /parameters\.edit/));
    takeLifecycleStep(cole, LIQUIDITY_PARAMETER_SETS, 'submit', version);
    assert.throws(() => takeLifecycleStep(cole, LIQUIDITY_PARAMETER_SETS, 'approve', version, 'looks fine'), refused('FOUR_EYES', /cole cannot approve liquidity parameter set version 2/));
    assert.throws(() => takeLifecycleStep(as('ana', 'analyst'), LIQUIDITY_PARAMETER_SETS, 'approve', version, 'looks fine'), refused('FORBIDDEN', /parameters\.edit/));
    assert.throws(() => takeLifecycleStep(cara, LIQUIDITY_PARAMETER_SETS, 'activate', version, 'go live'), refused('INVALID_STATE', /approve it first/));
    takeLifecycleStep(cara, LIQUIDITY_PARAMETER_SETS, 'approve', version, 'Run-off rates match the treasury memo');
    assert.equal(liquidityParameterSetOf(temp.db, undefined).version, 1, 'approved is not yet active');
    const active = takeLifecycleStep(cara, LIQUIDITY_PARAMETER_SETS, 'activate', version, 'LCR checked on November');
    assert.deepEqual([active.status, active.approvedBy, active.activatedBy], ['active', 'cara', 'cara']);
    assert.deepEqual(versions(), [[2, 'active'], [1, 'retired']]);
    assert.deepEqual(liquidityParameterSetOf(temp.db, undefined), { version: active.version, parameters: active.parameters });

    const third = saveDraftLiquidityParameters(cara, SHIPPED, 'v3').version;
    takeLifecycleStep(cara, LIQUIDITY_PARAMETER_SETS, 'submit', third);
    const rejected = takeLifecycleStep(cole, LIQUIDITY_PARAMETER_SETS, 'reject', third, 'no reason to go back');
    assert.deepEqual([rejected.status, rejected.rejectedBy, rejected.rejectionReason], ['draft', 'cole', 'no reason to go back']);
    assert.deepEqual(versions(), [[3, 'draft'], [2, 'active'], [1, 'retired']]);
    assert.deepEqual(
      events().map((e) => [e.actor, e.action, e.subject, JSON.parse(e.details) as unknown]),
      [
        ['cole', 'liquidity.parameters.draft', 'liquidity parameter set v2', { note: 'v2', document: HARSHER }],
        ['audrey', 'liquidity.parameters.submit.refused', 'liquidity parameter set v2', { code: 'FORBIDDEN', reason: 'audrey (auditor) may not parameters.edit; this needs the role compliance.' }],
        ['cole', 'liquidity.parameters.submit', 'liquidity parameter set v2', {}],
        ['cole', 'liquidity.parameters.approve.refused', 'liquidity parameter set v2', { code: 'FOUR_EYES', reason: 'cole cannot approve liquidity parameter set version 2: its author is cole, who also submitted it; someone else must approve it (four eyes).' }],
        ['ana', 'liquidity.parameters.approve.refused', 'liquidity parameter set v2', { code: 'FORBIDDEN', reason: 'ana (analyst) may not parameters.edit; this needs the role compliance.' }],
        ['cara', 'liquidity.parameters.activate.refused', 'liquidity parameter set v2', { code: 'INVALID_STATE', reason: 'Liquidity parameter set version 2 is submitted, so it cannot be activated: approve it first (someone other than its author and its submitter).' }],
        ['cara', 'liquidity.parameters.approve', 'liquidity parameter set v2', { author: 'cole', submitter: 'cole', comment: 'Run-off rates match the treasury memo' }],
        ['cara', 'liquidity.parameters.activate', 'liquidity parameter set v2', { comment: 'LCR checked on November' }],
        ['cara', 'liquidity.parameters.draft', 'liquidity parameter set v3', { note: 'v3', document: SHIPPED }],
        ['cara', 'liquidity.parameters.submit', 'liquidity parameter set v3', {}],
        ['cole', 'liquidity.parameters.reject', 'liquidity parameter set v3', { author: 'cara', reason: 'no reason to go back' }],
      ],
    );
    assert.equal(verifyAuditChain(temp.db).ok, true);
  });

  it('reads versions for every role, and NOT_FOUND naming a version that is not there', () => {
    saveDraftLiquidityParameters(as('cole', 'compliance'), HARSHER, 'harsher');
    for (const role of ['analyst', 'compliance', 'auditor', 'admin'] as const) {
      assert.deepEqual(listLiquidityParameterSets(as('someone', role)).map((v) => v.version), [2, 1], role);
    }
    assert.deepEqual(liquidityParameterSet(as('ana', 'analyst'), 1).parameters, SHIPPED);
    assert.throws(() => liquidityParameterSet(as('ana', 'analyst'), 9), refused('NOT_FOUND', /There is no liquidity parameter set version 9 in this workspace/));
  });

  it('gives the engine the active version, and refuses with INVALID_STATE when none is active or it no longer passes the schema', () => {
    assert.deepEqual(liquidityParameterSetOf(temp.db, undefined).parameters, SHIPPED);
    temp.db.prepare(`UPDATE liquidity_parameter_sets SET parameters = json_set(parameters, '$.monteCarlo.paths', 1) WHERE version = 1`).run();
    assert.throws(() => liquidityParameterSetOf(temp.db, undefined), refused('INVALID_STATE', /liquidity parameter set v1 is not valid \(monteCarlo\.paths: .*\); save a corrected draft/));
    temp.db.prepare(`UPDATE liquidity_parameter_sets SET status = 'retired' WHERE version = 1`).run();
    assert.throws(() => liquidityParameterSetOf(temp.db, undefined), refused('INVALID_STATE', /No liquidity parameter set is active: have one approved by a second compliance user and activate it/));
  });
});

describe('the shipped liquidity parameter set', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-liquidity-parameters-');
    // A workspace from before liquidity parameter sets shipped (createTempDatabase gives every kind its version 1).
    temp.db.prepare('DELETE FROM liquidity_parameter_sets').run();
  });
  afterEach(() => temp.dispose());

  it('holds the LCR factors of DOMAIN.md and the NSFR factors, scenarios and thresholds it documents', () => {
    assert.deepEqual(SHIPPED.lcr.factors, LCR_DEFAULT_FACTORS);
    assert.deepEqual(SHIPPED.nsfr.asf, { asf_capital: 1, asf_liabilities_ge1y: 1, asf_retail_stable: 0.95, asf_retail_less_stable: 0.9, asf_operational_deposits: 0.5, asf_nonfinancial_wholesale_lt1y: 0.5, asf_other: 0 });
    assert.deepEqual(SHIPPED.scenarios.map((s) => [s.name, s.horizonDays, s.redemptionMultiplier, s.wholesaleRollover]), [
      ['idiosyncratic_run', 90, 3, 0],
      ['market_wide', 90, 1.5, 0.5],
      ['combined', 90, 3, 0],
    ]);
    assert.deepEqual(SHIPPED.indicators.survivalDays, { threshold: 30, severity: 'critical', scenario: 'idiosyncratic_run' });
  });

  it('is seeded as active version 1 by system, with its seed event, once', () => {
    assert.deepEqual(seedShippedDefaults(temp.db, NOW, [SHIPPED_LIQUIDITY_PARAMETERS]), [FILE]);
    assert.deepEqual(seedShippedDefaults(temp.db, NOW, [SHIPPED_LIQUIDITY_PARAMETERS]), []);
    const [set, ...others] = listLiquidityParameterSets(databaseContext(temp, { username: 'ana', role: 'analyst' }));
    assert.deepEqual(others, []);
    assert.deepEqual([set?.version, set?.status, set?.createdBy, set?.approvedBy, set?.activatedAt], [1, 'active', 'system', 'system', NOW.toISOString()]);
    assert.deepEqual(set?.parameters, SHIPPED);
    const seeds = temp.db.prepare(`SELECT actor, action, subject, details FROM audit_events`).all() as EventRow[];
    assert.deepEqual(
      seeds.map((e) => [e.actor, e.action, e.subject, (JSON.parse(e.details) as { file: string }).file]),
      [['system', 'liquidity.parameters.seed', 'liquidity parameter set v1', FILE]],
    );
  });

  it('is refused by name when it fails a cross-field check the schema cannot see; nothing is written', () => {
    const folder = path.join(tempDir(), 'resources');
    fs.mkdirSync(path.join(folder, 'parameter-sets'), { recursive: true });
    const shipped = JSON.parse(fs.readFileSync(path.join(resourcesFolder(), FILE), 'utf8')) as { note: string; parameters: LiquidityParameters };
    fs.writeFileSync(path.join(folder, FILE), JSON.stringify({ ...shipped, parameters: { ...shipped.parameters, monteCarlo: { ...shipped.parameters.monteCarlo, blockDays: 60, historyDays: 30 } } }));
    assert.throws(
      () => seedShippedDefaults(temp.db, NOW, [SHIPPED_LIQUIDITY_PARAMETERS], folder),
      refused('FILE_UNREADABLE', /liquidity-default\.json is not valid \(parameters\.monteCarlo\.blockDays: a bootstrap block of 60 days/),
    );
    assert.equal(temp.db.prepare('SELECT count(*) FROM liquidity_parameter_sets').pluck().get(), 0);
    assert.equal(temp.db.prepare('SELECT count(*) FROM audit_events').pluck().get(), 0);
  });
});
