import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { lifecycleOf } from './credit-lifecycle.ts';
import { activateModel, approveModel } from './credit-models.ts';
import { activateParameterSet, approveParameterSet } from './credit-parameter-sets.ts';
import type { Db } from './database.ts';

interface Subject {
  readonly name: string;
  readonly label: string;
  /** A new draft by `author`; returns its id. */
  draft(db: Db, author: string): number;
  approve(db: Db, id: number, actor: string, at: string): { status: string; approvedBy: string | null; approvedAt: string | null };
  activate(db: Db, id: number, actor: string, at: string): { status: string; activatedBy: string | null; activatedAt: string | null };
  status(db: Db, id: number): string;
}

const SUBJECTS: Subject[] = [
  {
    name: 'models',
    label: 'credit model',
    draft: (db, author) =>
      Number(
        db
          .prepare(`INSERT INTO credit_models (name, status, training_hash, rows, features, created_by, created_at, scorecard, report) VALUES ('m', 'draft', 'h', 10, '[]', ?, 't0', '{}', '{}')`)
          .run(author).lastInsertRowid,
      ),
    approve: approveModel,
    activate: activateModel,
    status: (db, id) => (db.prepare('SELECT status FROM credit_models WHERE model_id = ?').get(id) as { status: string }).status,
  },
  {
    name: 'parameter sets',
    label: 'parameter set version',
    draft: (db, author) =>
      Number(
        db
          .prepare(`INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, parameters) SELECT max(version) + 1, 'n', 'draft', ?, 't0', '{}' FROM credit_parameter_sets`)
          .run(author).lastInsertRowid,
      ),
    approve: approveParameterSet,
    activate: activateParameterSet,
    status: (db, id) => (db.prepare('SELECT status FROM credit_parameter_sets WHERE version = ?').get(id) as { status: string }).status,
  },
];

function riskDeskError(code: string, ...fragments: string[]) {
  return (error: Error & { code?: string }) => {
    assert.equal(error.code, code, error.message);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" should mention "${fragment}"`);
    return true;
  };
}

for (const subject of SUBJECTS) {
  describe(`the credit lifecycle of ${subject.name}`, () => {
    let temp: TempDatabase;
    beforeEach(() => {
      temp = createTempDatabase('riskdesk-lifecycle-');
    });
    afterEach(() => temp.dispose());

    it('approves a draft by a second person, then activates it and retires the one active before', () => {
      const { db } = temp;
      const first = subject.draft(db, 'alice');
      assert.deepEqual(pick(subject.approve(db, first, 'bob', 't1'), 'status', 'approvedBy', 'approvedAt'), { status: 'approved', approvedBy: 'bob', approvedAt: 't1' });
      assert.deepEqual(pick(subject.activate(db, first, 'carol', 't2'), 'status', 'activatedBy', 'activatedAt'), { status: 'active', activatedBy: 'carol', activatedAt: 't2' });
      const second = subject.draft(db, 'bob');
      subject.approve(db, second, 'alice', 't3');
      subject.activate(db, second, 'alice', 't4');
      assert.equal(subject.status(db, first), 'retired');
      assert.equal(subject.status(db, second), 'active');
    });

    it('refuses approval by the author (four eyes), naming both', () => {
      const { db } = temp;
      const id = subject.draft(db, 'alice');
      assert.throws(() => subject.approve(db, id, 'alice', 't1'), riskDeskError('FOUR_EYES', 'alice cannot approve', 'its author is alice', `${subject.label} ${id}`));
      assert.equal(subject.status(db, id), 'draft');
    });

    it('approves only drafts and activates only approved ones, naming the current state', () => {
      const { db } = temp;
      const id = subject.draft(db, 'alice');
      assert.throws(() => subject.activate(db, id, 'bob', 't1'), riskDeskError('INVALID_STATE', 'is a draft', 'approve it first'));
      subject.approve(db, id, 'bob', 't1');
      assert.throws(() => subject.approve(db, id, 'carol', 't2'), riskDeskError('INVALID_STATE', 'is approved'));
      subject.activate(db, id, 'bob', 't2');
      assert.throws(() => subject.activate(db, id, 'bob', 't3'), riskDeskError('INVALID_STATE', 'is active'));
      const next = subject.draft(db, 'carol');
      subject.approve(db, next, 'bob', 't4');
      subject.activate(db, next, 'bob', 't5');
      assert.throws(() => subject.activate(db, id, 'bob', 't6'), riskDeskError('INVALID_STATE', 'is retired'));
    });

    it('answers NOT_FOUND for an unknown id', () => {
      assert.throws(() => subject.approve(temp.db, 999, 'bob', 't1'), riskDeskError('NOT_FOUND', `There is no ${subject.label} 999`));
      assert.throws(() => subject.activate(temp.db, 999, 'bob', 't1'), riskDeskError('NOT_FOUND', `There is no ${subject.label} 999`));
    });
  });
}

describe('the schema behind the lifecycle', () => {
  it('holds four eyes, approval before activation and one active row even against direct SQL', () => {
    const temp = createTempDatabase('riskdesk-lifecycle-');
    try {
      const { db } = temp;
      const [models] = SUBJECTS;
      const a = models?.draft(db, 'alice') ?? 0;
      const b = models?.draft(db, 'alice') ?? 0;
      assert.throws(() => db.prepare(`UPDATE credit_models SET status = 'approved', approved_by = 'alice', approved_at = 't' WHERE model_id = ?`).run(a), /CHECK constraint failed/);
      assert.throws(() => db.prepare(`UPDATE credit_models SET status = 'active' WHERE model_id = ?`).run(a), /CHECK constraint failed/);
      db.prepare(`UPDATE credit_models SET status = 'active', approved_by = 'bob', approved_at = 't', activated_by = 'bob', activated_at = 't' WHERE model_id = ?`).run(a);
      assert.throws(
        () => db.prepare(`UPDATE credit_models SET status = 'active', approved_by = 'bob', approved_at = 't', activated_by = 'bob', activated_at = 't' WHERE model_id = ?`).run(b),
        /UNIQUE constraint failed/,
      );
      // Parameter sets: only the seeded version 1 may be authored and approved by 'system'.
      assert.throws(
        () => db.prepare(`INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, parameters) VALUES (2, 'n', 'approved', 'system', 't', 'system', 't', '{}')`).run(),
        /CHECK constraint failed/,
      );
    } finally {
      temp.dispose();
    }
  });

  it('keeps the lifecycle itself free of audit events (services add them in the same transaction)', () => {
    const temp = createTempDatabase('riskdesk-lifecycle-');
    try {
      const { db } = temp;
      const lifecycle = lifecycleOf({ table: 'credit_parameter_sets', idColumn: 'version', label: (v) => `parameter set version ${v}` });
      const id = SUBJECTS[1]?.draft(db, 'alice') ?? 0;
      const approved = lifecycle.approve(db, id, 'bob', 't1');
      assert.deepEqual(approved, { id, status: 'approved', createdBy: 'alice', createdAt: 't0', approvedBy: 'bob', approvedAt: 't1', activatedBy: null, activatedAt: null });
      assert.equal((db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n, 0);
    } finally {
      temp.dispose();
    }
  });
});

function pick<T extends object, K extends keyof T>(row: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}
