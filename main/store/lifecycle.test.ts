import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LifecycleFields } from '../../preload/contract/lifecycle.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { modelLifecycle } from './credit-models.ts';
import { parameterSetLifecycle } from './credit-parameter-sets.ts';
import type { Db } from './database.ts';
import { LIFECYCLE_COLUMNS, lifecycleOf, type Lifecycle } from './lifecycle.ts';

interface Subject {
  readonly name: string;
  readonly label: string;
  readonly table: string;
  readonly idColumn: string;
  /** A new draft by `author`; returns its id. */
  draft(db: Db, author: string): number;
  readonly lifecycle: Lifecycle<LifecycleFields>;
}

const SUBJECTS: Subject[] = [
  {
    name: 'models',
    label: 'credit model',
    table: 'credit_models',
    idColumn: 'model_id',
    draft: (db, author) =>
      Number(
        db
          .prepare(`INSERT INTO credit_models (name, status, training_hash, rows, features, created_by, created_at, scorecard, report) VALUES ('m', 'draft', 'h', 10, '[]', ?, 't0', '{}', '{}')`)
          .run(author).lastInsertRowid,
      ),
    lifecycle: modelLifecycle,
  },
  {
    name: 'parameter sets',
    label: 'parameter set version',
    table: 'credit_parameter_sets',
    idColumn: 'version',
    draft: (db, author) =>
      Number(
        db
          .prepare(`INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, parameters) SELECT coalesce(max(version), 0) + 1, 'n', 'draft', ?, 't0', '{}' FROM credit_parameter_sets`)
          .run(author).lastInsertRowid,
      ),
    lifecycle: parameterSetLifecycle,
  },
];

function riskDeskError(code: string, ...fragments: string[]) {
  return (error: Error & { code?: string }) => {
    assert.equal(error.code, code, error.message);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" should mention "${fragment}"`);
    return true;
  };
}

/** A step by `actor` at `at`, with its words (a reason or a comment); `null` for none. */
const by = (actor: string, at: string, words: string | null = 'Checked it') => ({ actor, at, ...(words === null ? {} : { words }) });

for (const subject of SUBJECTS) {
  describe(`the lifecycle of ${subject.name}`, () => {
    let temp: TempDatabase;
    let db: Db;
    const { lifecycle } = subject;
    const status = (id: number): string => (db.prepare(`SELECT status FROM ${subject.table} WHERE ${subject.idColumn} = ?`).get(id) as { status: string }).status;
    /** A draft by alice, submitted by `submitter`. */
    const submitted = (submitter = 'alice'): number => {
      const id = subject.draft(db, 'alice');
      lifecycle.submit(db, id, by(submitter, 't1'));
      return id;
    };
    beforeEach(() => {
      temp = createTempDatabase('riskdesk-lifecycle-');
      db = temp.db;
    });
    afterEach(() => temp.dispose());

    it('submits a draft, approves it by a second person, then activates it and retires the one active before', () => {
      const first = subject.draft(db, 'alice');
      assert.deepEqual(pick(lifecycle.submit(db, first, by('alice', 't1')), 'status', 'submittedBy', 'submittedAt'), { status: 'submitted', submittedBy: 'alice', submittedAt: 't1' });
      assert.deepEqual(pick(lifecycle.approve(db, first, by('bob', 't2')), 'status', 'approvedBy', 'approvedAt'), { status: 'approved', approvedBy: 'bob', approvedAt: 't2' });
      assert.deepEqual(pick(lifecycle.activate(db, first, by('carol', 't3')), 'status', 'activatedBy', 'activatedAt', 'submittedBy'), {
        status: 'active',
        activatedBy: 'carol',
        activatedAt: 't3',
        submittedBy: 'alice',
      });
      const second = subject.draft(db, 'bob');
      lifecycle.submit(db, second, by('bob', 't4'));
      lifecycle.approve(db, second, by('alice', 't5'));
      lifecycle.activate(db, second, by('alice', 't6'));
      assert.equal(status(first), 'retired');
      assert.equal(status(second), 'active');
    });

    it('lets anyone submit a draft (the service checks the permission), and then refuses the submitter as approver too', () => {
      const id = submitted('bob');
      assert.throws(() => lifecycle.approve(db, id, by('bob', 't2')), riskDeskError('FOUR_EYES', 'bob cannot approve', 'its author is alice and bob submitted it', `${subject.label} ${id}`));
      assert.throws(() => lifecycle.approve(db, id, by('alice', 't2')), riskDeskError('FOUR_EYES', 'alice cannot approve', 'its author is alice and bob submitted it', 'someone other than both'));
      assert.equal(status(id), 'submitted');
      assert.equal(lifecycle.approve(db, id, by('carol', 't2')).approvedBy, 'carol');
    });

    it('refuses approval by the author who submitted it (four eyes), naming them', () => {
      const id = submitted('alice');
      assert.throws(() => lifecycle.approve(db, id, by('alice', 't2')), riskDeskError('FOUR_EYES', 'alice cannot approve', 'its author is alice, who also submitted it', `${subject.label} ${id}`));
      assert.equal(status(id), 'submitted');
    });

    it('takes each step only from its state, naming the current state and what to do instead', () => {
      const id = subject.draft(db, 'alice');
      assert.throws(() => lifecycle.approve(db, id, by('bob', 't1')), riskDeskError('INVALID_STATE', 'is a draft', 'submit it for review first'));
      assert.throws(() => lifecycle.reject(db, id, by('bob', 't1', 'no')), riskDeskError('INVALID_STATE', 'is a draft', 'not under review'));
      assert.throws(() => lifecycle.activate(db, id, by('bob', 't1')), riskDeskError('INVALID_STATE', 'is a draft', 'submit it for review and approve it first'));
      lifecycle.submit(db, id, by('alice', 't1'));
      assert.throws(() => lifecycle.submit(db, id, by('alice', 't2')), riskDeskError('INVALID_STATE', 'is submitted', 'already waiting for review'));
      assert.throws(() => lifecycle.activate(db, id, by('bob', 't2')), riskDeskError('INVALID_STATE', 'is submitted', 'approve it first'));
      lifecycle.approve(db, id, by('bob', 't2'));
      assert.throws(() => lifecycle.approve(db, id, by('carol', 't3')), riskDeskError('INVALID_STATE', 'is approved'));
      assert.throws(() => lifecycle.reject(db, id, by('carol', 't3', 'late')), riskDeskError('INVALID_STATE', 'is approved', 'only a submitted one is rejected'));
      assert.throws(() => lifecycle.submit(db, id, by('alice', 't3')), riskDeskError('INVALID_STATE', 'is approved', 'a change is a new draft'));
      lifecycle.activate(db, id, by('bob', 't3'));
      assert.throws(() => lifecycle.activate(db, id, by('bob', 't4')), riskDeskError('INVALID_STATE', 'is active'));
      const next = submitted('carol');
      lifecycle.approve(db, next, by('bob', 't5'));
      lifecycle.activate(db, next, by('bob', 't6'));
      assert.throws(() => lifecycle.activate(db, id, by('bob', 't7')), riskDeskError('INVALID_STATE', 'is retired', 'only an approved one is activated'));
    });

    it('rejects a submitted version back to draft with its reason, which stays for the author when it is submitted again', () => {
      const id = submitted('alice');
      const rejected = lifecycle.reject(db, id, by('bob', 't2', '  LGD for property too low  '));
      assert.deepEqual(pick(rejected, 'status', 'submittedBy', 'submittedAt', 'rejectedBy', 'rejectedAt', 'rejectionReason'), {
        status: 'draft',
        submittedBy: null,
        submittedAt: null,
        rejectedBy: 'bob',
        rejectedAt: 't2',
        rejectionReason: 'LGD for property too low',
      });
      const again = lifecycle.submit(db, id, by('alice', 't3'));
      assert.deepEqual(pick(again, 'status', 'rejectedBy', 'rejectionReason'), { status: 'submitted', rejectedBy: 'bob', rejectionReason: 'LGD for property too low' });
      // The submitter may withdraw their own submission: a rejection needs no second person, only a reason.
      assert.equal(lifecycle.reject(db, id, by('alice', 't4', 'withdrawn')).rejectedBy, 'alice');
    });

    it('refuses a rejection without a reason and changes nothing', () => {
      const id = submitted('alice');
      for (const reason of [null, '', '   ']) {
        assert.throws(() => lifecycle.reject(db, id, by('bob', 't2', reason)), riskDeskError('INVALID_ARGUMENT', 'Say why', `${subject.label} ${id}`));
      }
      assert.equal(status(id), 'submitted');
    });

    it('keeps the approval and activation comments, trimmed, on the row; refuses a step without one naming `comment` and changes nothing', () => {
      const id = submitted('alice');
      for (const comment of [null, '', '   ', 'x'.repeat(501)]) {
        assert.throws(() => lifecycle.approve(db, id, by('bob', 't2', comment)), riskDeskError('INVALID_ARGUMENT', 'The comment is required', `${subject.label} ${id}`));
      }
      assert.equal(status(id), 'submitted');
      const approved = lifecycle.approve(db, id, by('bob', 't2', '  Holdout AUC 0.74, PSI 0.03  '));
      assert.deepEqual(pick(approved, 'status', 'approvalComment', 'activationComment'), { status: 'approved', approvalComment: 'Holdout AUC 0.74, PSI 0.03', activationComment: null });
      assert.throws(() => lifecycle.activate(db, id, by('carol', 't3', ' ')), (error: Error & { code?: string; details?: unknown }) => error.code === 'INVALID_ARGUMENT' && (error.details as { argument?: string }).argument === 'comment');
      assert.equal(status(id), 'approved');
      const active = lifecycle.activate(db, id, by('carol', 't3', 'x'.repeat(500)));
      assert.deepEqual(pick(active, 'status', 'approvalComment', 'activationComment'), { status: 'active', approvalComment: 'Holdout AUC 0.74, PSI 0.03', activationComment: 'x'.repeat(500) });
    });

    it('answers NOT_FOUND for an unknown id at every step', () => {
      for (const step of ['submit', 'approve', 'reject', 'activate'] as const) {
        assert.throws(() => lifecycle[step](db, 999, by('bob', 't1', 'r')), riskDeskError('NOT_FOUND', `There is no ${subject.label} 999`), step);
      }
    });
  });
}

describe('the schema behind the lifecycle', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-lifecycle-');
  });
  afterEach(() => temp.dispose());

  for (const subject of SUBJECTS) {
    it(`holds four eyes, submission before approval, approval before activation and one active row against direct SQL (${subject.name})`, () => {
      const { db } = temp;
      const a = subject.draft(db, 'alice');
      const b = subject.draft(db, 'alice');
      const update = (sets: string, id: number) => () => db.prepare(`UPDATE ${subject.table} SET ${sets} WHERE ${subject.idColumn} = ?`).run(id);
      const submit = `submitted_by = 'bob', submitted_at = 't'`;
      assert.throws(update(`status = 'submitted'`, a), /CHECK constraint failed/, 'submitted without a submitter');
      assert.throws(update(`${submit}`, a), /CHECK constraint failed/, 'a draft with a submitter');
      assert.throws(update(`status = 'approved', ${submit}, approved_by = 'alice', approved_at = 't'`, a), /CHECK constraint failed/, 'approved by the author');
      assert.throws(update(`status = 'approved', ${submit}, approved_by = 'bob', approved_at = 't'`, a), /CHECK constraint failed/, 'approved by the submitter');
      assert.throws(update(`status = 'approved', ${submit}`, a), /CHECK constraint failed/, 'approved without an approver');
      assert.throws(update(`status = 'active', ${submit}, approved_by = 'carol', approved_at = 't'`, a), /CHECK constraint failed/, 'active without an activation');
      assert.throws(update(`rejected_by = 'bob'`, a), /CHECK constraint failed/, 'a rejection without its time and reason');
      const active = `status = 'active', ${submit}, approved_by = 'carol', approved_at = 't', activated_by = 'carol', activated_at = 't'`;
      update(active, a)();
      assert.throws(update(active, b), /UNIQUE constraint failed/, 'two active rows');
    });
  }

  it('lets only the shipped parameter set (version 1) be authored and approved by system', () => {
    assert.throws(
      () => temp.db.prepare(`INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, parameters) VALUES (2, 'n', 'approved', 'system', 't', 'system', 't', '{}')`).run(),
      /CHECK constraint failed/,
    );
  });

  it('keeps the lifecycle itself free of audit events (services add them in the same transaction)', () => {
    const { db } = temp;
    const read = (d: Db, id: number) => d.prepare(`SELECT version AS id, ${LIFECYCLE_COLUMNS} FROM credit_parameter_sets WHERE version = ?`).get(id) as LifecycleFields | undefined;
    const lifecycle = lifecycleOf({ table: 'credit_parameter_sets', idColumn: 'version', label: (v) => `parameter set version ${v}`, read });
    assert.equal(lifecycle.hasVersions(db), false, 'a migrated database holds no parameter set before the shipped one is seeded');
    const id = SUBJECTS[1]?.draft(db, 'alice') ?? 0;
    lifecycle.submit(db, id, by('alice', 't1'));
    const approved = lifecycle.approve(db, id, by('bob', 't2'));
    assert.deepEqual(approved, {
      id,
      status: 'approved',
      createdBy: 'alice',
      createdAt: 't0',
      submittedBy: 'alice',
      submittedAt: 't1',
      approvedBy: 'bob',
      approvedAt: 't2',
      approvalComment: 'Checked it',
      activatedBy: null,
      activatedAt: null,
      activationComment: null,
      rejectedBy: null,
      rejectedAt: null,
      rejectionReason: null,
    });
    assert.equal((db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n, 0);
    assert.equal(lifecycle.hasVersions(db), true);
    assert.deepEqual([lifecycle.has(db, id), lifecycle.has(db, id + 1)], [true, false]);
  });
});

function pick<T extends object, K extends keyof T>(row: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}
