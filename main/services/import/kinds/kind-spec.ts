import type { ImportKind } from '../../../../preload/contract/vocabulary.ts';
import type { LabelRecord, RecordsByKind } from '../../../store/records.ts';
import type { ReferenceLookups } from '../../../store/reference-lookups.ts';
import type { RowReader } from '../row-reader.ts';

export type SubjectType = LabelRecord['subject_type'];

/** What a row may need to know about the workspace beyond its own cells; read inside the import's transaction. */
export interface ImportEnv extends ReferenceLookups {
  /** ISO 4217 code that amounts without a currency column are in. */
  readonly baseCurrency: string;
  /** YYYY-MM-DD in UTC, from the service clock (for "not in the future" checks). */
  readonly today: string;
}

/**
 * One import kind: its columns as DOMAIN.md lists them and how a row becomes the stored record.
 * `required` and `optional` drive both the header check and the type of each cell `read` sees.
 */
export interface KindSpec<K extends ImportKind, Required extends string = string, Optional extends string = string> {
  readonly kind: K;
  readonly required: readonly Required[];
  readonly optional: readonly Optional[];
  /** The column behind the table's foreign key, so a SQLITE_CONSTRAINT_FOREIGNKEY becomes a problem in that cell. */
  readonly reference?: { readonly column: Required | Optional; readonly reason: string };
  read(row: RowReader<Required, Optional>, env: ImportEnv): RecordsByKind[K];
}

/**
 * Checks a kind's `read` against its own column names (a typo or a required/optional mix-up fails to compile),
 * then widens it for the importer, which knows columns only as the strings in a file's header.
 */
export function defineKind<K extends ImportKind, const Required extends string, const Optional extends string>(
  spec: KindSpec<K, Required, Optional>,
): KindSpec<K> {
  return spec as unknown as KindSpec<K>;
}
