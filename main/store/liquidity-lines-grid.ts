import type { GridSpec } from './grid-sql.ts';

/**
 * The lines of one snapshot as the LCR or the NSFR weighs them, as a server-side grid: each line's category under the
 * ratio, its factor from the parameter set version shown, and amount × factor, so that sorting and filtering by any of
 * them happen in SQL. A version's factors (and, for the NSFR, the engine's mapping of LCR categories by remaining term)
 * become CASE expressions: every name in them is a category of the contract's fixed lists and every number a factor the
 * parameter set's schema checked, and the snapshot date and currency are checked below, so no text a user typed reaches
 * the SQL. The figures shown are re-computed exactly (engines/liquidity weighLine) from the page's integer amounts.
 */
export interface LinesGridView {
  /** YYYY-MM-DD: the lines' snapshot, and the day remaining terms are counted from. */
  readonly snapshot: string;
  readonly asOf: string;
  /** ISO 4217. */
  readonly currency: string;
  /** The line's category under the ratio, by its LCR category and remaining term (NSFR); the LCR's is the line's own. */
  readonly categoryOf?: Readonly<Record<string, { readonly short: string | null; readonly mid: string | null; readonly long: string | null }>>;
  /** Factor by (ratio) category. */
  readonly factors: Readonly<Record<string, number>>;
}

/** A row as the grid reads it (amounts in minor units; weighted as SQL's double, for sorting only). */
export interface LinesGridRow {
  readonly line_id: string;
  readonly category: string;
  readonly amount: number;
  readonly factor: number;
  readonly weighted: number;
  readonly description: string | null;
  readonly maturity_date: string | null;
}

const NAME = /^[a-z][a-z0-9_]*$/;
const sqlName = (name: string): string => {
  if (!NAME.test(name)) throw new Error(`internal: ${JSON.stringify(name)} is not a category name`);
  return `'${name}'`;
};
const sqlNumber = (value: number): string => {
  if (!Number.isFinite(value)) throw new Error(`internal: ${value} is not a factor`);
  return String(value);
};

export function linesGridSpec(view: LinesGridView): GridSpec<'line_id' | 'category' | 'amount' | 'factor' | 'weighted' | 'description' | 'maturity_date'> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(view.snapshot) || !/^\d{4}-\d{2}-\d{2}$/.test(view.asOf) || !/^[A-Z]{3}$/.test(view.currency)) {
    throw new Error('internal: the lines grid needs a checked snapshot date, as-of date and currency');
  }
  const remaining = `(julianday(l.maturity_date) - julianday('${view.asOf}'))`;
  const term = `CASE WHEN l.maturity_date IS NULL OR ${remaining} < 180 THEN 0 WHEN ${remaining} < 365 THEN 1 ELSE 2 END`;
  const category = view.categoryOf
    ? `CASE l.category ${Object.entries(view.categoryOf)
        .map(([lcr, by]) => `WHEN ${sqlName(lcr)} THEN CASE ${term} WHEN 0 THEN ${by.short ? sqlName(by.short) : 'NULL'} WHEN 1 THEN ${by.mid ? sqlName(by.mid) : 'NULL'} ELSE ${by.long ? sqlName(by.long) : 'NULL'} END`)
        .join(' ')} END`
    : 'l.category';
  const factor = `CASE ${category} ${Object.entries(view.factors)
    .map(([name, value]) => `WHEN ${sqlName(name)} THEN ${sqlNumber(value)}`)
    .join(' ')} END`;
  return {
    table: 'liquidity_lines l',
    key: 'l.line_id',
    joins: {},
    // Matured lines are off the balance sheet as of the date; lines the ratio does not weigh (NSFR: loan repayments) are not its lines.
    where: `(l.as_of = '${view.snapshot}' OR l.as_of IS NULL) AND l.currency = '${view.currency}' AND (l.maturity_date IS NULL OR ${remaining} >= 0) AND ${category} IS NOT NULL`,
    columns: {
      line_id: { sql: 'l.line_id', kind: 'text' },
      category: { sql: category, kind: 'text' },
      amount: { sql: 'l.amount_minor', kind: 'number' },
      factor: { sql: factor, kind: 'number' },
      weighted: { sql: `l.amount_minor * ${factor}`, kind: 'number' },
      description: { sql: 'l.description', kind: 'text' },
      maturity_date: { sql: 'l.maturity_date', kind: 'date' },
    },
  };
}
