import type { Db } from '../../store/database.ts';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { createScratchKeys } from '../../store/import-scratch-keys.ts';
import { naturalKeyOf } from '../../store/row-writers.ts';
import { echoed, type ProblemLog } from './problems.ts';

/**
 * Finds a natural key that a file repeats: the upsert would otherwise let the later row silently replace the
 * earlier one while both are counted. The keys read so far are kept in the workspace (import-scratch-keys.ts says
 * why not in memory).
 */
export interface RepeatedKeyCheck {
  /** Remembers `record`'s key, or logs a problem naming both rows when an earlier row of the file had it already. */
  remember(record: object, rowNumber: number): void;
  /** Forgets every key; call before the transaction commits. */
  drop(): void;
}

/** Must run inside the import's transaction. */
export function checkRepeatedKeys(db: Db, kind: ImportKind, log: ProblemLog): RepeatedKeyCheck {
  const columns = naturalKeyOf(kind);
  const keys = createScratchKeys(db, columns.length);
  return {
    remember(record, rowNumber) {
      const key = columns.map((column) => (record as Record<string, unknown>)[column]);
      // A key cell that is empty or invalid was reported already (and read as null); it identifies nothing.
      if (!key.every((part): part is string => typeof part === 'string')) return;
      const first = keys.add(key, rowNumber);
      if (first === undefined) return;
      log.add(rowNumber, columns[0] ?? null, key[0] ?? null, `${describeRestOfKey(columns, key)}also appears in row ${first}`);
    },
    drop: () => keys.drop(),
  };
}

/** 'with as_of "2024-01" ' for a composite key (the problem's column and value name its first part); '' otherwise. */
function describeRestOfKey(columns: readonly string[], key: readonly string[]): string {
  const rest = columns.slice(1).map((column, index) => {
    const part = key[index + 1] ?? '';
    return part === '' ? `no ${column}` : `${column} ${JSON.stringify(echoed(part))}`;
  });
  return rest.length === 0 ? '' : `with ${rest.join(' and ')} `;
}
