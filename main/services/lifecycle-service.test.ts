import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { contract, type MethodName } from '../../preload/contract/methods.ts';
import { ARTEFACT_KINDS, LIFECYCLE_STEPS, STEP_WORDS, stepPermission, type ArtefactKind } from '../../preload/contract/lifecycle.ts';
import type { Role } from '../../preload/contract/permissions.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { insertDraftParameterSet } from '../store/credit-parameter-sets.ts';
import { DOCUMENTED_DEFAULT_PARAMETERS } from '../test-support/documented-parameters.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { databaseContext } from '../test-support/service-context.ts';
import type { ServiceContext } from './context.ts';
import { CREDIT_MODELS, CREDIT_PARAMETER_SETS } from './credit/credit-artefacts.ts';
import { takeLifecycleStep } from './lifecycle-service.ts';

const NOW = new Date('2025-02-03T10:00:00.000Z');

function contextFor(temp: TempDatabase, username: string, role: Role): ServiceContext {
  return databaseContext(
    temp,
    { username, role },
    {
      now: () => NOW,
      readerSpec: () => {
        throw new Error('lifecycle steps open no readers');
      },
    },
  );
}

function hasCode(code: string, fragment = '') {
  return (error: Error & { code?: string }) => error.code === code && error.message.includes(fragment);
}

describe('the kinds registered in the contract', () => {
  for (const kind of Object.keys(ARTEFACT_KINDS) as ArtefactKind[]) {
    it(`${kind}: every step is a contract method with the step's permission, taking the id and the step's words (a reason, a comment)`, () => {
      const { methods, idArg } = ARTEFACT_KINDS[kind];
      for (const step of LIFECYCLE_STEPS) {
        const spec = contract[methods[step] as MethodName] as (typeof contract)[MethodName] | undefined;
        assert.ok(spec, `${methods[step]} is in the contract`);
        assert.equal(spec.permission, stepPermission(kind, step), methods[step]);
        const words = STEP_WORDS[step];
        assert.deepEqual(Object.keys(spec.args.shape).sort(), words === null ? [idArg] : [idArg, words].sort(), methods[step]);
        if (words !== null) assert.equal(spec.args.safeParse({ [idArg]: 1, [words]: '  ' }).success, false, `${methods[step]} refuses a blank ${words}`);
      }
    });
  }
});

describe('a lifecycle step through the service', () => {
  let temp: TempDatabase;
  let modelId: number;
  let version: number;
  const events = (): { actor: string; action: string; subject: string; at: string; details: unknown }[] =>
    (temp.db.prepare('SELECT actor, action, subject, at, details FROM audit_events ORDER BY seq').all() as { actor: string; action: string; subject: string; at: string; details: string }[]).map((e) => ({
      ...e,
      details: JSON.parse(e.details) as unknown,
    }));
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-lifecycle-service-');
    modelId = Number(
      temp.db
        .prepare(`INSERT INTO credit_models (name, status, training_hash, rows, features, created_by, created_at, scorecard, report) VALUES ('Retail', 'draft', 'h', 10, '[]', 'ana', 't0', '{}', '{}')`)
        .run().lastInsertRowid,
    );
    version = insertDraftParameterSet(temp.db, { parameters: DOCUMENTED_DEFAULT_PARAMETERS, note: 'n', createdBy: 'cara', at: 't0' }).version;
  });
  afterEach(() => temp.dispose());

  it("checks the kind's permission for the step: an analyst submits models, compliance parameter sets; each refusal audited", () => {
    const analyst = contextFor(temp, 'ana', 'analyst');
    const compliance = contextFor(temp, 'cole', 'compliance');
    assert.throws(() => takeLifecycleStep(analyst, CREDIT_PARAMETER_SETS, 'submit', version), hasCode('FORBIDDEN', 'may not parameters.edit'));
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_MODELS, 'submit', modelId), hasCode('FORBIDDEN', 'may not models.develop'));
    assert.throws(() => takeLifecycleStep(contextFor(temp, 'aud', 'auditor'), CREDIT_MODELS, 'approve', modelId, 'ok'), hasCode('FORBIDDEN', 'may not models.approve'));
    assert.equal(takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', modelId).status, 'submitted');
    assert.equal(takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'submit', version).submittedBy, 'cole');
    assert.deepEqual(
      events().map((e) => e.action),
      ['credit.parameters.submit.refused', 'credit.model.submit.refused', 'credit.model.approve.refused', 'credit.model.submit', 'credit.parameters.submit'],
    );
  });

  it('audits every step with its actor, time and details', () => {
    const analyst = contextFor(temp, 'ana', 'analyst');
    const compliance = contextFor(temp, 'cole', 'compliance');
    takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', modelId);
    takeLifecycleStep(compliance, CREDIT_MODELS, 'reject', modelId, 'Explain the bins');
    takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', modelId);
    takeLifecycleStep(compliance, CREDIT_MODELS, 'approve', modelId, ' Holdout AUC 0.74 and PSI 0.03 within policy ');
    const active = takeLifecycleStep(compliance, CREDIT_MODELS, 'activate', modelId, 'Replaces nothing: first model');
    assert.deepEqual([active.approvalComment, active.activationComment], ['Holdout AUC 0.74 and PSI 0.03 within policy', 'Replaces nothing: first model']);
    const at = NOW.toISOString();
    const subject = `credit model ${modelId}`;
    assert.deepEqual(events(), [
      { actor: 'ana', action: 'credit.model.submit', subject, at, details: { name: 'Retail' } },
      { actor: 'cole', action: 'credit.model.reject', subject, at, details: { name: 'Retail', author: 'ana', reason: 'Explain the bins' } },
      { actor: 'ana', action: 'credit.model.submit', subject, at, details: { name: 'Retail' } },
      { actor: 'cole', action: 'credit.model.approve', subject, at, details: { name: 'Retail', author: 'ana', submitter: 'ana', comment: 'Holdout AUC 0.74 and PSI 0.03 within policy' } },
      { actor: 'cole', action: 'credit.model.activate', subject, at, details: { name: 'Retail', comment: 'Replaces nothing: first model' } },
    ]);
    assert.equal(verifyAuditChain(temp.db).ok, true);
  });

  it('keeps the approval and activation comments of a parameter set too, in its row and its events', () => {
    takeLifecycleStep(contextFor(temp, 'cara', 'compliance'), CREDIT_PARAMETER_SETS, 'submit', version);
    const cole = contextFor(temp, 'cole', 'compliance');
    const approved = takeLifecycleStep(cole, CREDIT_PARAMETER_SETS, 'approve', version, 'Stage 2 at 30 DPD as the policy says');
    const active = takeLifecycleStep(cole, CREDIT_PARAMETER_SETS, 'activate', version, 'Month end closed');
    assert.deepEqual([approved.approvalComment, active.approvalComment, active.activationComment], ['Stage 2 at 30 DPD as the policy says', 'Stage 2 at 30 DPD as the policy says', 'Month end closed']);
    const subject = `credit parameters v${version}`;
    assert.deepEqual(
      events().slice(1).map((e) => [e.actor, e.action, e.subject, e.details]),
      [
        ['cole', 'credit.parameters.approve', subject, { author: 'cara', submitter: 'cara', comment: 'Stage 2 at 30 DPD as the policy says' }],
        ['cole', 'credit.parameters.activate', subject, { comment: 'Month end closed' }],
      ],
    );
  });

  it('refuses an approval or activation without a comment with INVALID_ARGUMENT naming `comment`; nothing changed or audited', () => {
    takeLifecycleStep(contextFor(temp, 'ana', 'analyst'), CREDIT_MODELS, 'submit', modelId);
    const cole = contextFor(temp, 'cole', 'compliance');
    for (const comment of [undefined, '', '  \t ']) {
      assert.throws(
        () => takeLifecycleStep(cole, CREDIT_MODELS, 'approve', modelId, comment),
        (error: Error & { code?: string; details?: { argument?: string } }) => error.code === 'INVALID_ARGUMENT' && error.details?.argument === 'comment' && error.message.includes('The comment is required'),
      );
    }
    takeLifecycleStep(cole, CREDIT_MODELS, 'approve', modelId, 'ok');
    assert.throws(() => takeLifecycleStep(cole, CREDIT_MODELS, 'activate', modelId), hasCode('INVALID_ARGUMENT', 'The comment is required'));
    assert.equal(temp.db.prepare('SELECT status FROM credit_models WHERE model_id = ?').pluck().get(modelId), 'approved');
    assert.deepEqual(
      events().map((e) => e.action),
      ['credit.model.submit', 'credit.model.approve'],
    );
  });

  it('audits a refused step in its own event (four eyes, role, state) with the chain still verifying; the step itself changes nothing', () => {
    const compliance = contextFor(temp, 'cole', 'compliance');
    takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'submit', version);
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'approve', version, 'mine'), hasCode('FOUR_EYES', 'cole cannot approve'));
    assert.throws(() => takeLifecycleStep(contextFor(temp, 'ana', 'analyst'), CREDIT_PARAMETER_SETS, 'approve', version, 'x'), hasCode('FORBIDDEN', 'may not parameters.edit'));
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'activate', version, 'x'), hasCode('INVALID_STATE', 'approve it first'));
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'reject', version), hasCode('INVALID_ARGUMENT', 'Say why'));
    const subject = `credit parameters v${version}`;
    const at = NOW.toISOString();
    assert.deepEqual(events().slice(1), [
      {
        actor: 'cole',
        action: 'credit.parameters.approve.refused',
        subject,
        at,
        details: { code: 'FOUR_EYES', reason: `cole cannot approve parameter set version ${version}: its author is cara and cole submitted it; someone other than both must approve it (four eyes).` },
      },
      { actor: 'ana', action: 'credit.parameters.approve.refused', subject, at, details: { code: 'FORBIDDEN', reason: 'ana (analyst) may not parameters.edit; this needs the role compliance.' } },
      {
        actor: 'cole',
        action: 'credit.parameters.activate.refused',
        subject,
        at,
        details: { code: 'INVALID_STATE', reason: `Parameter set version ${version} is submitted, so it cannot be activated: approve it first (someone other than its author and its submitter).` },
      },
    ]);
    assert.equal(temp.db.prepare('SELECT status FROM credit_parameter_sets WHERE version = ?').pluck().get(version), 'submitted');
    assert.deepEqual(verifyAuditChain(temp.db), { ok: true, events: 4, head: temp.db.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').pluck().get() });
  });

  it('cannot be used to flood the trail or name a version that is not there: a repeat is recorded once until the version changes', () => {
    const ana = contextFor(temp, 'ana', 'analyst');
    const refusals = () => events().filter((e) => e.action.endsWith('.refused')).map((e) => [e.actor, e.action, e.subject]);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.throws(() => takeLifecycleStep(ana, CREDIT_PARAMETER_SETS, 'approve', version, 'x'), hasCode('FORBIDDEN'));
      assert.throws(() => takeLifecycleStep(ana, CREDIT_PARAMETER_SETS, 'approve', 9_999, 'x'), hasCode('FORBIDDEN'));
    }
    const subject = `credit parameters v${version}`;
    assert.deepEqual(refusals(), [['ana', 'credit.parameters.approve.refused', subject]], 'five refusals of one version, one event; none for a version that does not exist');
    // Another person's, or another step's, refusal is news; so is the same one once the version has changed.
    assert.throws(() => takeLifecycleStep(contextFor(temp, 'aud', 'auditor'), CREDIT_PARAMETER_SETS, 'approve', version, 'x'), hasCode('FORBIDDEN'));
    assert.throws(() => takeLifecycleStep(ana, CREDIT_PARAMETER_SETS, 'activate', version, 'x'), hasCode('FORBIDDEN'));
    assert.throws(() => takeLifecycleStep(ana, CREDIT_PARAMETER_SETS, 'approve', version, 'x'), hasCode('FORBIDDEN'));
    takeLifecycleStep(contextFor(temp, 'cara', 'compliance'), CREDIT_PARAMETER_SETS, 'submit', version);
    assert.throws(() => takeLifecycleStep(ana, CREDIT_PARAMETER_SETS, 'approve', version, 'x'), hasCode('FORBIDDEN'));
    assert.deepEqual(refusals(), [
      ['ana', 'credit.parameters.approve.refused', subject],
      ['aud', 'credit.parameters.approve.refused', subject],
      ['ana', 'credit.parameters.activate.refused', subject],
      ['ana', 'credit.parameters.approve.refused', subject],
    ]);
    assert.equal(verifyAuditChain(temp.db).ok, true);
  });

  it('commits no step whose audit event fails', () => {
    const compliance = contextFor(temp, 'cole', 'compliance');
    takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'submit', version);
    temp.db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    assert.throws(() => takeLifecycleStep(contextFor(temp, 'cara2', 'compliance'), CREDIT_PARAMETER_SETS, 'approve', version, 'ok'), /audit refused/);
    assert.equal(temp.db.prepare('SELECT status FROM credit_parameter_sets WHERE version = ?').pluck().get(version), 'submitted');
  });
});
