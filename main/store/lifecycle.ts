import type { LifecycleFields } from '../../preload/contract/lifecycle.ts';
import { STEP_WORDS, STEP_WORDS_MAX_LENGTH, LIFECYCLE_TRANSITIONS as TRANSITIONS, type LifecycleState, type LifecycleStep } from '../../preload/contract/vocabulary.ts';
import type { Db } from './database.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/**
 * The store's side of the artefact lifecycle (preload/contract/lifecycle.ts: draft → submitted → approved → active →
 * retired, and reject back to draft), for every kind that registers its table here: one implementation, so that
 * four eyes and "one active version per kind" mean the same everywhere. The schema holds the same rules (CHECK
 * constraints and a partial unique index per table), so a buggy caller cannot break them either. No audit events
 * here: services wrap a step and its event in one transaction.
 */
export interface ArtefactTable<T> {
  /** Table and id column names: constants of the registering module, spliced into SQL. */
  readonly table: string;
  readonly idColumn: string;
  /** How a person names one version, e.g. `credit model 3`. */
  readonly label: (id: number) => string;
  /** The kind's own row, as a step returns it. */
  readonly read: (db: Db, id: number) => T | undefined;
}

/** Who takes a step and when, and what they say with it (STEP_WORDS: a rejection's reason, an approval's or activation's comment). */
export interface StepBy {
  readonly actor: string;
  readonly at: string;
  readonly words?: string;
}

export type LifecycleStepFn<T> = (db: Db, id: number, by: StepBy) => T;

export type Lifecycle<T> = { readonly [S in LifecycleStep]: LifecycleStepFn<T> } & {
  readonly label: (id: number) => string;
  /** Whether the kind holds any version yet (shipped defaults are seeded into an empty kind only). */
  hasVersions(db: Db): boolean;
  /** Whether version `id` exists. */
  has(db: Db, id: number): boolean;
};

/** The lifecycle columns of every artefact table, named as LifecycleFields names them. */
export const LIFECYCLE_COLUMNS = `status, created_by AS createdBy, created_at AS createdAt, submitted_by AS submittedBy, submitted_at AS submittedAt,
  approved_by AS approvedBy, approved_at AS approvedAt, approval_comment AS approvalComment,
  activated_by AS activatedBy, activated_at AS activatedAt, activation_comment AS activationComment, rejected_by AS rejectedBy, rejected_at AS rejectedAt, rejection_reason AS rejectionReason`;

interface LifecycleRow extends LifecycleFields {
  readonly id: number;
}

const IS: Readonly<Record<LifecycleState, string>> = { draft: 'a draft', submitted: 'submitted', approved: 'approved', active: 'active', retired: 'retired' };
const DONE: Readonly<Record<LifecycleStep, string>> = { submit: 'submitted', approve: 'approved', reject: 'rejected', activate: 'activated' };

/** What to do instead, by step and the state the version is in (`otherwise` for any state not listed). */
const HINTS: { readonly [S in LifecycleStep]: Partial<Record<LifecycleState, string>> & { readonly otherwise: string } } = {
  submit: { submitted: 'it is already waiting for review.', otherwise: 'only a draft is submitted; a change is a new draft.' },
  approve: { draft: 'submit it for review first.', otherwise: 'only a submitted one is approved.' },
  reject: { draft: 'it is not under review.', otherwise: 'only a submitted one is rejected.' },
  activate: {
    draft: 'submit it for review and approve it first (someone other than its author and its submitter).',
    submitted: 'approve it first (someone other than its author and its submitter).',
    otherwise: 'only an approved one is activated.',
  },
};

export function lifecycleOf<T>(spec: ArtefactTable<T>): Lifecycle<T> {
  const { table, idColumn, label } = spec;
  const select = `SELECT ${idColumn} AS id, ${LIFECYCLE_COLUMNS} FROM ${table} WHERE ${idColumn} = ?`;

  function current(db: Db, id: number): LifecycleRow {
    const row = db.prepare(select).get(id) as LifecycleRow | undefined;
    if (!row) throw new RiskDeskError('NOT_FOUND', `There is no ${label(id)} in this workspace.`, { id });
    return row;
  }

  /** The version as it is, if `step` may be taken from its state; else INVALID_STATE saying what to do instead. */
  function ready(db: Db, id: number, step: LifecycleStep): LifecycleRow {
    const row = current(db, id);
    if (row.status === TRANSITIONS[step].from) return row;
    const hints = HINTS[step];
    const hint = hints[row.status] ?? hints.otherwise;
    throw new RiskDeskError('INVALID_STATE', `${capitalised(label(id))} is ${IS[row.status]}, so it cannot be ${DONE[step]}: ${hint}`, { id, status: row.status });
  }

  /** The step's words, trimmed; INVALID_ARGUMENT naming the argument when they are missing, blank or too long. */
  function wordsOf(id: number, step: 'approve' | 'reject' | 'activate', words: string | undefined): string {
    const argument = STEP_WORDS[step];
    const trimmed = words?.trim() ?? '';
    if (trimmed === '' || trimmed.length > STEP_WORDS_MAX_LENGTH) {
      const ask = step === 'reject' ? `Say why ${label(id)} is rejected: its author reads the reason to know what to change.` : `Say what you checked before this step on ${label(id)}: the comment is kept with it and in the audit trail.`;
      throw new RiskDeskError('INVALID_ARGUMENT', `${ask} The ${argument} is required, at most ${STEP_WORDS_MAX_LENGTH} characters.`, { id, argument });
    }
    return trimmed;
  }

  function after(db: Db, id: number): T {
    const row = spec.read(db, id);
    if (row === undefined) throw new Error(`internal: ${label(id)} vanished inside its own transaction`);
    return row;
  }

  return {
    label,

    hasVersions(db) {
      return (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`).get() as { found: number }).found === 1;
    },

    has(db, id) {
      return db.prepare(`SELECT 1 FROM ${table} WHERE ${idColumn} = ?`).get(id) !== undefined;
    },

    submit(db, id, { actor, at }) {
      ready(db, id, 'submit');
      db.prepare(`UPDATE ${table} SET status = ?, submitted_by = ?, submitted_at = ? WHERE ${idColumn} = ?`).run(TRANSITIONS.submit.to, actor, at, id);
      return after(db, id);
    },

    approve(db, id, { actor, at, words }) {
      const comment = wordsOf(id, 'approve', words);
      const row = ready(db, id, 'approve');
      if (actor === row.createdBy || actor === row.submittedBy) throw fourEyes(label(id), row, actor);
      db.prepare(`UPDATE ${table} SET status = ?, approved_by = ?, approved_at = ?, approval_comment = ? WHERE ${idColumn} = ?`).run(TRANSITIONS.approve.to, actor, at, comment, id);
      return after(db, id);
    },

    // Back to draft, no longer submitted; the latest rejection stays on the row for its author to read.
    reject(db, id, { actor, at, words }) {
      const why = wordsOf(id, 'reject', words);
      ready(db, id, 'reject');
      db.prepare(`UPDATE ${table} SET status = ?, submitted_by = NULL, submitted_at = NULL, rejected_by = ?, rejected_at = ?, rejection_reason = ? WHERE ${idColumn} = ?`).run(
        TRANSITIONS.reject.to,
        actor,
        at,
        why,
        id,
      );
      return after(db, id);
    },

    activate(db, id, { actor, at, words }) {
      const comment = wordsOf(id, 'activate', words);
      ready(db, id, 'activate');
      // Retire first: the partial unique index allows one active row at every moment, not just at commit.
      db.transaction(() => {
        db.prepare(`UPDATE ${table} SET status = 'retired' WHERE status = 'active'`).run();
        db.prepare(`UPDATE ${table} SET status = ?, activated_by = ?, activated_at = ?, activation_comment = ? WHERE ${idColumn} = ?`).run(TRANSITIONS.activate.to, actor, at, comment, id);
      })();
      return after(db, id);
    },
  };
}

/** Refuses an approval by the version's author or its submitter, naming both. */
function fourEyes(label: string, row: LifecycleRow, approver: string): RiskDeskError {
  // Never null in the submitted state (a CHECK constraint), the only state approved from.
  const submitter = row.submittedBy ?? row.createdBy;
  const who = submitter === row.createdBy ? `its author is ${row.createdBy}, who also submitted it; someone else` : `its author is ${row.createdBy} and ${submitter} submitted it; someone other than both`;
  return new RiskDeskError('FOUR_EYES', `${approver} cannot approve ${label}: ${who} must approve it (four eyes).`, { id: row.id, author: row.createdBy, submitter, approver });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
