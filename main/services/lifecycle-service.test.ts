import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { contract, type MethodName } from '../../preload/contract/methods.ts';
import { ARTEFACT_KINDS, LIFECYCLE_STEPS, stepPermission, type ArtefactKind } from '../../preload/contract/lifecycle.ts';
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
    it(`${kind}: every step is a contract method with the step's permission, taking the id (and a rejection its reason)`, () => {
      const { methods, idArg } = ARTEFACT_KINDS[kind];
      for (const step of LIFECYCLE_STEPS) {
        const spec = contract[methods[step] as MethodName] as (typeof contract)[MethodName] | undefined;
        assert.ok(spec, `${methods[step]} is in the contract`);
        assert.equal(spec.permission, stepPermission(kind, step), methods[step]);
        assert.deepEqual(Object.keys(spec.args.shape).sort(), step === 'reject' ? [idArg, 'reason'].sort() : [idArg], methods[step]);
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

  it("checks the kind's permission for the step: an analyst submits models, compliance parameter sets", () => {
    const analyst = contextFor(temp, 'ana', 'analyst');
    const compliance = contextFor(temp, 'cole', 'compliance');
    assert.throws(() => takeLifecycleStep(analyst, CREDIT_PARAMETER_SETS, 'submit', version), hasCode('FORBIDDEN', 'may not parameters.edit'));
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_MODELS, 'submit', modelId), hasCode('FORBIDDEN', 'may not models.develop'));
    assert.throws(() => takeLifecycleStep(contextFor(temp, 'aud', 'auditor'), CREDIT_MODELS, 'approve', modelId), hasCode('FORBIDDEN', 'may not models.approve'));
    assert.equal(takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', modelId).status, 'submitted');
    assert.equal(takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'submit', version).submittedBy, 'cole');
    assert.deepEqual(
      events().map((e) => e.action),
      ['credit.model.submit', 'credit.parameters.submit'],
    );
  });

  it('audits every step with its actor, time and details', () => {
    const analyst = contextFor(temp, 'ana', 'analyst');
    const compliance = contextFor(temp, 'cole', 'compliance');
    takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', modelId);
    takeLifecycleStep(compliance, CREDIT_MODELS, 'reject', modelId, 'Explain the bins');
    takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', modelId);
    takeLifecycleStep(compliance, CREDIT_MODELS, 'approve', modelId);
    takeLifecycleStep(compliance, CREDIT_MODELS, 'activate', modelId);
    const at = NOW.toISOString();
    const subject = `credit model ${modelId}`;
    assert.deepEqual(events(), [
      { actor: 'ana', action: 'credit.model.submit', subject, at, details: { name: 'Retail' } },
      { actor: 'cole', action: 'credit.model.reject', subject, at, details: { name: 'Retail', author: 'ana', reason: 'Explain the bins' } },
      { actor: 'ana', action: 'credit.model.submit', subject, at, details: { name: 'Retail' } },
      { actor: 'cole', action: 'credit.model.approve', subject, at, details: { name: 'Retail', author: 'ana', submitter: 'ana' } },
      { actor: 'cole', action: 'credit.model.activate', subject, at, details: { name: 'Retail' } },
    ]);
    assert.equal(verifyAuditChain(temp.db).ok, true);
  });

  it('audits nothing for a refused step, and commits no step whose audit event fails', () => {
    const compliance = contextFor(temp, 'cole', 'compliance');
    takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'submit', version);
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'approve', version), hasCode('FOUR_EYES', 'cole cannot approve'));
    assert.throws(() => takeLifecycleStep(compliance, CREDIT_PARAMETER_SETS, 'reject', version), hasCode('INVALID_ARGUMENT', 'Say why'));
    assert.equal(events().length, 1);
    temp.db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    assert.throws(() => takeLifecycleStep(contextFor(temp, 'cara2', 'compliance'), CREDIT_PARAMETER_SETS, 'approve', version), /audit refused/);
    assert.equal(temp.db.prepare('SELECT status FROM credit_parameter_sets WHERE version = ?').pluck().get(version), 'submitted');
  });
});
