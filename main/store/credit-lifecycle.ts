import type { LifecycleState } from '../../preload/contract/credit.ts';
import type { Db } from './database.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/**
 * draft → approved → active → retired, for every versioned credit table (models, parameter sets): one
 * implementation, so that four eyes and "one active at a time" mean the same everywhere. No audit events here:
 * services wrap a transition and its event in one transaction.
 */
export interface LifecycleTable {
  /** Table and id column names: constants of the calling module, spliced into SQL. */
  readonly table: string;
  readonly idColumn: string;
  /** How a person names one row, e.g. `credit model 3`. */
  readonly label: (id: number) => string;
}

export interface LifecycleRow {
  readonly id: number;
  readonly status: LifecycleState;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly activatedBy: string | null;
  readonly activatedAt: string | null;
}

export interface Lifecycle {
  /** A draft becomes approved, by anyone but its author. */
  approve(db: Db, id: number, actor: string, at: string): LifecycleRow;
  /** An approved row becomes the active one; the one active before it is retired. */
  activate(db: Db, id: number, actor: string, at: string): LifecycleRow;
}

const ARTICLE: Readonly<Record<LifecycleState, string>> = { draft: 'a draft', approved: 'approved', active: 'active', retired: 'retired' };

export function lifecycleOf(spec: LifecycleTable): Lifecycle {
  const { table, idColumn, label } = spec;
  const select = `SELECT ${idColumn} AS id, status, created_by AS createdBy, created_at AS createdAt, approved_by AS approvedBy, approved_at AS approvedAt,
    activated_by AS activatedBy, activated_at AS activatedAt FROM ${table} WHERE ${idColumn} = ?`;

  function current(db: Db, id: number): LifecycleRow {
    const row = db.prepare(select).get(id) as LifecycleRow | undefined;
    if (!row) throw new RiskDeskError('NOT_FOUND', `There is no ${label(id)} in this workspace.`, { id });
    return row;
  }

  function wrongState(row: LifecycleRow, action: string, hint: string): RiskDeskError {
    return new RiskDeskError('INVALID_STATE', `${capitalised(label(row.id))} is ${ARTICLE[row.status]}, so it cannot be ${action}: ${hint}`, { id: row.id, status: row.status });
  }

  return {
    approve(db, id, actor, at) {
      const row = current(db, id);
      if (row.status !== 'draft') throw wrongState(row, 'approved', 'only a draft is approved.');
      if (row.createdBy === actor) {
        throw new RiskDeskError(
          'FOUR_EYES',
          `${actor} cannot approve ${label(id)}: its author is ${row.createdBy}, and a second person must approve it (four eyes).`,
          { id, author: row.createdBy, approver: actor },
        );
      }
      db.prepare(`UPDATE ${table} SET status = 'approved', approved_by = ?, approved_at = ? WHERE ${idColumn} = ?`).run(actor, at, id);
      return current(db, id);
    },

    activate(db, id, actor, at) {
      const row = current(db, id);
      if (row.status !== 'approved') {
        const hint = row.status === 'draft' ? 'approve it first (someone other than its author).' : 'only an approved one is activated.';
        throw wrongState(row, 'activated', hint);
      }
      // Retire first: the partial unique index allows one active row at every moment, not just at commit.
      db.transaction(() => {
        db.prepare(`UPDATE ${table} SET status = 'retired' WHERE status = 'active'`).run();
        db.prepare(`UPDATE ${table} SET status = 'active', activated_by = ?, activated_at = ? WHERE ${idColumn} = ?`).run(actor, at, id);
      })();
      return current(db, id);
    },
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
