import type { ColumnFilter, GridQuery } from '../../preload/contract/grid.ts';
import { dayNumber, dayText, isCalendarDate, parseDay } from '../engines/calendar.ts';
import type { Db } from './database.ts';

/**
 * Server-side grids: AG Grid's sort and filter models turned into SQL. Column ids only ever select one of a
 * grid's own SQL expressions (constants below and in the query modules); every value is a bound parameter.
 * Pages are ordered by the requested sort and then by the grid's unique key, so a row has one position.
 */
export type GridColumnKind = 'text' | 'number' | 'date';

export interface GridColumn {
  /** The SQL expression (a constant of this module's callers, never user input). */
  readonly sql: string;
  readonly kind: GridColumnKind;
  /** The name of the join (in GridSpec.joins) this column needs. */
  readonly join?: string;
  /** What a sort on it orders by, where that is not its value: the rank of a code whose order is not alphabetical (severity). */
  readonly orderSql?: string;
}

export interface GridSpec<Id extends string = string> {
  /** Main table with its alias, e.g. `loans l`. */
  readonly table: string;
  /** A unique key of the main table: the last sort term, and how a page's rows are fetched. */
  readonly key: string;
  readonly joins: Readonly<Record<string, string>>;
  readonly columns: Readonly<Record<Id, GridColumn>>;
  /** The main table's rows that make up the grid (a constant over the main table alone); the key is unique among them. */
  readonly where?: string;
}

export interface GridIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

export type GridFilterModel = GridQuery['filterModel'];
export type GridSortModel = GridQuery['sortModel'];

const FILTER_KINDS: Readonly<Record<GridColumnKind, readonly ColumnFilter['filterType'][]>> = {
  text: ['text', 'set'],
  number: ['number'],
  date: ['date'],
};

function hasColumn(spec: GridSpec, id: string): boolean {
  return Object.hasOwn(spec.columns, id);
}

function column(spec: GridSpec, id: string): GridColumn {
  if (!hasColumn(spec, id)) throw new Error(`internal: unchecked grid column ${JSON.stringify(id)}`);
  return spec.columns[id] as GridColumn;
}

/** YYYY-MM-DD of a real calendar day, from AG Grid's 'YYYY-MM-DD hh:mm:ss'; null if it is not one. */
function calendarDay(text: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '');
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return isCalendarDate(y, m, d) ? match[0] : null;
}

function nextDay(day: string): string {
  return dayText(dayNumber(parseDay(day)) + 1);
}

/** Everything wrong with a query for this grid (unknown columns, filters of the wrong kind, missing values). */
export function gridQueryProblems(spec: GridSpec, query: Pick<GridQuery, 'sortModel' | 'filterModel'>): GridIssue[] {
  const issues: GridIssue[] = [];
  const known = Object.keys(spec.columns).join(', ');
  query.sortModel.forEach((sort, index) => {
    if (!hasColumn(spec, sort.colId)) issues.push({ path: ['sortModel', index, 'colId'], message: `there is no column "${sort.colId}" to sort by (columns: ${known})` });
  });
  for (const [id, filter] of Object.entries(query.filterModel)) {
    const at = (...rest: string[]): (string | number)[] => ['filterModel', id, ...rest];
    if (!hasColumn(spec, id)) {
      issues.push({ path: at(), message: `there is no column "${id}" to filter (columns: ${known})` });
      continue;
    }
    const { kind } = column(spec, id);
    if (!FILTER_KINDS[kind].includes(filter.filterType)) {
      issues.push({ path: at('filterType'), message: `${id} is a ${kind} column; a ${filter.filterType} filter does not apply to it` });
      continue;
    }
    issues.push(...valueProblems(filter).map((problem) => ({ path: at(problem.field), message: `${id}: ${problem.message}` })));
  }
  return issues;
}

function valueProblems(filter: ColumnFilter): { field: string; message: string }[] {
  if (filter.filterType === 'set') return [];
  if (filter.type === 'blank' || filter.type === 'notBlank') return [];
  if (filter.filterType === 'text') return filter.filter === undefined ? [{ field: 'filter', message: `a "${filter.type}" filter needs a value` }] : [];
  if (filter.filterType === 'number') {
    const problems: { field: string; message: string }[] = [];
    if (filter.filter == null) problems.push({ field: 'filter', message: `a "${filter.type}" filter needs a number` });
    if (filter.type === 'inRange' && filter.filterTo == null) problems.push({ field: 'filterTo', message: 'an "inRange" filter needs filterTo' });
    return problems;
  }
  const problems: { field: string; message: string }[] = [];
  if (calendarDay(filter.dateFrom) === null) problems.push({ field: 'dateFrom', message: `a "${filter.type}" filter needs a real date (YYYY-MM-DD)` });
  if (filter.type === 'inRange' && calendarDay(filter.dateTo) === null) problems.push({ field: 'dateTo', message: 'an "inRange" filter needs a real end date (YYYY-MM-DD)' });
  return problems;
}

interface Clause {
  readonly sql: string;
  readonly params: unknown[];
}

function likePattern(text: string, prefix: string, suffix: string): string {
  return `${prefix}${text.replace(/[\\%_]/g, '\\$&')}${suffix}`;
}

/**
 * One column filter as a WHERE term. Follows AG Grid's defaults (blanks pass the "not" filters, ranges are
 * exclusive, contains/starts/ends ignore ASCII case) except that text equals/notEqual are exact: the columns
 * people match whole are codes (product, status, region), and an exact match can use their indexes.
 */
function filterClause(expr: string, kind: GridColumnKind, filter: ColumnFilter): Clause {
  if (filter.filterType === 'set') {
    if (filter.values.length === 0) return { sql: '0', params: [] };
    return { sql: `${expr} IN (${filter.values.map(() => '?').join(', ')})`, params: [...filter.values] };
  }
  const blank = kind === 'text' ? `(${expr} IS NULL OR ${expr} = '')` : `${expr} IS NULL`;
  if (filter.type === 'blank') return { sql: blank, params: [] };
  if (filter.type === 'notBlank') return { sql: `NOT ${blank}`, params: [] };
  if (filter.filterType === 'text') {
    const text = filter.filter ?? '';
    const like = (pattern: string): Clause => ({ sql: `${expr} LIKE ? ESCAPE '\\'`, params: [pattern] });
    switch (filter.type) {
      case 'contains':
        return like(likePattern(text, '%', '%'));
      case 'notContains':
        return { sql: `(${expr} IS NULL OR ${expr} NOT LIKE ? ESCAPE '\\')`, params: [likePattern(text, '%', '%')] };
      case 'startsWith':
        return like(likePattern(text, '', '%'));
      case 'endsWith':
        return like(likePattern(text, '%', ''));
      case 'equals':
        return { sql: `${expr} = ?`, params: [text] };
      case 'notEqual':
        return { sql: `(${expr} IS NULL OR ${expr} <> ?)`, params: [text] };
    }
  }
  if (filter.filterType === 'number') {
    const value = filter.filter;
    switch (filter.type) {
      case 'equals':
        return { sql: `${expr} = ?`, params: [value] };
      case 'notEqual':
        return { sql: `(${expr} IS NULL OR ${expr} <> ?)`, params: [value] };
      case 'lessThan':
        return { sql: `${expr} < ?`, params: [value] };
      case 'lessThanOrEqual':
        return { sql: `${expr} <= ?`, params: [value] };
      case 'greaterThan':
        return { sql: `${expr} > ?`, params: [value] };
      case 'greaterThanOrEqual':
        return { sql: `${expr} >= ?`, params: [value] };
      case 'inRange':
        return { sql: `(${expr} > ? AND ${expr} < ?)`, params: [value, filter.filterTo] };
    }
  }
  // Dates (and timestamps, which sort the same way as text) as half-open day ranges, so indexes apply.
  const from = calendarDay(filter.dateFrom) as string;
  switch (filter.type) {
    case 'equals':
      return { sql: `(${expr} >= ? AND ${expr} < ?)`, params: [from, nextDay(from)] };
    case 'notEqual':
      return { sql: `(${expr} IS NULL OR ${expr} < ? OR ${expr} >= ?)`, params: [from, nextDay(from)] };
    case 'lessThan':
      return { sql: `${expr} < ?`, params: [from] };
    case 'greaterThan':
      return { sql: `${expr} >= ?`, params: [nextDay(from)] };
    case 'inRange':
      return { sql: `(${expr} >= ? AND ${expr} < ?)`, params: [nextDay(from), calendarDay(filter.dateTo) as string] };
  }
  throw new Error('internal: unhandled grid filter');
}

export interface CompiledView {
  /** FROM with only the joins the filters and sort need. */
  readonly from: string;
  readonly where: string;
  readonly params: unknown[];
  readonly orderBy: string;
}

/** The filtered, sorted view of a grid (checked first with gridQueryProblems). */
function compileView(spec: GridSpec, filterModel: GridFilterModel, sortModel: GridSortModel): CompiledView {
  const joins = new Set<string>();
  const terms: string[] = spec.where === undefined ? [] : [spec.where];
  const params: unknown[] = [];
  for (const [id, filter] of Object.entries(filterModel)) {
    const col = column(spec, id);
    if (col.join) joins.add(col.join);
    const clause = filterClause(col.sql, col.kind, filter);
    terms.push(clause.sql);
    params.push(...clause.params);
  }
  const order = sortModel.map((sort) => {
    const col = column(spec, sort.colId);
    if (col.join) joins.add(col.join);
    return `${col.orderSql ?? col.sql} ${sort.sort === 'desc' ? 'DESC' : 'ASC'}`;
  });
  // The key follows the first term's direction, so that a one-column index (which ends in the rowid) gives the whole order.
  order.push(`${spec.key} ${sortModel[0]?.sort === 'desc' ? 'DESC' : 'ASC'}`);
  return {
    from: [spec.table, ...[...joins].map((name) => spec.joins[name] ?? '')].join(' '),
    where: terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '',
    params,
    orderBy: `ORDER BY ${order.join(', ')}`,
  };
}

/** The join of a page's keys back to the main table's rows (the grid's own rows: a key may be unique only among them). */
function pageRowsOn(spec: GridSpec): string {
  return `${spec.table} ON ${spec.key} = page.page_key${spec.where === undefined ? '' : ` AND ${spec.where}`}`;
}

function selectList(spec: GridSpec, ids: readonly string[] = Object.keys(spec.columns)): string {
  return ids.map((id) => `${column(spec, id).sql} AS "${id}"`).join(', ');
}

export function countRows(db: Db, spec: GridSpec, filterModel: GridFilterModel): number {
  const view = compileView(spec, filterModel, []);
  return (db.prepare(`SELECT count(*) AS n FROM ${view.from} ${view.where}`).get(...view.params) as { n: number }).n;
}

/**
 * Rows startRow…endRow−1 of the view by LIMIT/OFFSET. The window is found on the key alone, and only its rows
 * are then read whole with their joins, so OFFSET never drags joins along. Cheap when an index gives the order
 * (an unsorted view is in key order); for other views read the whole key list once (viewKeys) and page that.
 */
export function pageRows<Row>(db: Db, spec: GridSpec, query: GridQuery): Row[] {
  const view = compileView(spec, query.filterModel, query.sortModel);
  // CROSS JOIN keeps the page as the outer loop: SQLite does not reorder it, so the table is probed per page row.
  const sql = `SELECT ${selectList(spec)}
    FROM (SELECT ${spec.key} AS page_key FROM ${view.from} ${view.where} ${view.orderBy} LIMIT ? OFFSET ?) page
    CROSS JOIN ${pageRowsOn(spec)} ${Object.values(spec.joins).join(' ')}
    ${view.orderBy}`;
  return db.prepare(sql).all(...view.params, query.endRow - query.startRow, query.startRow) as Row[];
}

/**
 * Whether SQLite reads the view in order straight from an index (or the table), with no sort of the whole
 * view first: then a page near the top costs about its own size, and LIMIT/OFFSET is the cheap way to it.
 */
export function isIndexOrdered(db: Db, spec: GridSpec, filterModel: GridFilterModel, sortModel: GridSortModel): boolean {
  const view = compileView(spec, filterModel, sortModel);
  const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT ${spec.key} FROM ${view.from} ${view.where} ${view.orderBy}`).all(...view.params) as { detail: string }[];
  return !plan.some((step) => step.detail.includes('TEMP B-TREE'));
}

/** The keys of every row of the view, in order: one pass that filters and sorts, after which any page is a slice. */
export function viewKeys(db: Db, spec: GridSpec, filterModel: GridFilterModel, sortModel: GridSortModel): unknown[] {
  const view = compileView(spec, filterModel, sortModel);
  return db.prepare(`SELECT ${spec.key} FROM ${view.from} ${view.where} ${view.orderBy}`).pluck().all(...view.params);
}

/** Whole rows for keys from viewKeys, in the keys' order (rows deleted since are left out). */
export function rowsForKeys<Row>(db: Db, spec: GridSpec, keys: readonly unknown[]): Row[] {
  if (keys.length === 0) return [];
  const values = keys.map(() => '(?, ?)').join(', ');
  const sql = `WITH page (page_key, position) AS (VALUES ${values})
    SELECT ${selectList(spec)}
    FROM page CROSS JOIN ${pageRowsOn(spec)} ${Object.values(spec.joins).join(' ')}
    ORDER BY page.position`;
  return db.prepare(sql).all(...keys.flatMap((key, position) => [key, position])) as Row[];
}

/** Every row of the view in order, for exports; iterate on a connection of its own. */
export function viewRows<Row>(db: Db, spec: GridSpec, filterModel: GridFilterModel, sortModel: GridSortModel, ids: readonly string[]): IterableIterator<Row> {
  const view = compileView(spec, filterModel, sortModel);
  const joins = Object.values(spec.joins).join(' ');
  return db.prepare(`SELECT ${selectList(spec, ids)} FROM ${spec.table} ${joins} ${view.where} ${view.orderBy}`).iterate(...view.params) as IterableIterator<Row>;
}
