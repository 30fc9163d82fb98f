import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * One schema step. `version` is the number in the file name (0010 → 10); versions only grow, and a
 * migration never changes once released: later changes are new files.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
