import { z } from 'zod';

/**
 * Server-side grid queries (AG Grid's infinite row model): a window of rows, a sort and column filters.
 * The shapes follow AG Grid's sort and filter models, restricted to what main can turn into SQL; column ids
 * are checked against each grid's column list in main, never interpolated.
 */
const columnId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

export const textFilterSchema = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(200).optional(),
});

export const numberFilterSchema = z.object({
  filterType: z.literal('number'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
  filter: z.number().finite().nullable().optional(),
  filterTo: z.number().finite().nullable().optional(),
});

export const dateFilterSchema = z.object({
  filterType: z.literal('date'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
  /** AG Grid sends 'YYYY-MM-DD hh:mm:ss'; only the date part is used. */
  dateFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}/).nullable().optional(),
  dateTo: z.string().regex(/^\d{4}-\d{2}-\d{2}/).nullable().optional(),
});

export const setFilterSchema = z.object({
  filterType: z.literal('set'),
  values: z.array(z.string().max(200)).max(500),
});

export const columnFilterSchema = z.discriminatedUnion('filterType', [textFilterSchema, numberFilterSchema, dateFilterSchema, setFilterSchema]);
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

export const sortModelSchema = z.array(z.object({ colId: columnId, sort: z.enum(['asc', 'desc']) })).max(5).default([]);
export const filterModelSchema = z.record(columnId, columnFilterSchema).default({});

export const gridQuerySchema = z
  .object({
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
    sortModel: sortModelSchema,
    filterModel: filterModelSchema,
  })
  .strict()
  .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, { message: 'a page is 1 to 1000 rows (endRow − startRow)' });
export type GridQuery = z.infer<typeof gridQuerySchema>;

export function gridPageSchema<Row extends z.ZodType>(row: Row) {
  return z.object({ rows: z.array(row), rowCount: z.number().int().min(0) });
}
