import { isLiquidityCategory } from '../../engines/liquidity/index.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { NSFR_CATEGORIES, type NsfrCategory } from '../../../preload/contract/liquidity.ts';
import { openCsvFile } from '../import/csv-file.ts';
import { CsvRows } from '../import/csv-rows.ts';
import { isCurrencyCode } from '../../engines/currency.ts';
import { nonNegative } from '../import/numbers.ts';
import { ProblemLog, rejection } from '../import/problems.ts';

/** One line of an LCR or NSFR line file, its amount in integer minor units of the file's currency. */
export interface FileLine {
  lineId: string;
  category: string;
  amountMinor: number;
  description: string | null;
}

const NSFR: ReadonlySet<string> = new Set(NSFR_CATEGORIES);
const isNsfrCategory = (value: string): value is NsfrCategory => NSFR.has(value);

const RATIOS = {
  lcr: { kind: 'LCR lines', isCategory: isLiquidityCategory, allowed: 'the LCR categories (hqla_l1_cash, retail_less_stable, inflow_retail, …)' },
  nsfr: { kind: 'NSFR lines', isCategory: isNsfrCategory, allowed: 'the NSFR categories (asf_capital, asf_retail_stable, rsf_l2a, …)' },
} as const;

const REQUIRED = ['line_id', 'category', 'amount'] as const;
const OPTIONAL = ['description'] as const;

/**
 * Reads a CSV of LCR or NSFR lines (`line_id,category,amount[,description]`, amounts in major units of `currency`)
 * for a ratio computed from a file rather than from the workspace. With the import's reader and its checks, and
 * whole or not at all as an import is: every problem of the file is in the one error, and no line is returned.
 */
export async function readLineFile(file: string, ratio: 'lcr' | 'nsfr', currency: string): Promise<FileLine[]> {
  const { kind, isCategory, allowed } = RATIOS[ratio];
  if (!isCurrencyCode(currency)) throw new RiskDeskError('INVALID_ARGUMENT', `${JSON.stringify(currency)} is not an ISO 4217 currency code (such as CNY, USD, JPY).`);
  const source = await openCsvFile(file);
  try {
    const log = new ProblemLog(file);
    const rows = new CsvRows(source, { kind, required: REQUIRED, optional: OPTIONAL }, log);
    const rowOfId = new Map<string, number>();
    const lines: FileLine[] = [];
    for await (const { number, reader, headerComplete } of rows) {
      const lineId = reader.id('line_id');
      const category = reader.choice('category', isCategory, allowed);
      // Not negative: the category already says whether a line is an asset, a liability, an outflow or an inflow.
      const amountMinor = reader.money('amount', currency, nonNegative);
      const description = reader.text('description');
      if (lineId !== null) {
        const first = rowOfId.get(lineId);
        if (first === undefined) rowOfId.set(lineId, number);
        else reader.problem('line_id', `also appears in row ${first}; each line needs its own id`);
      }
      if (headerComplete && reader.ok && lineId !== null && category !== null && amountMinor !== null) lines.push({ lineId, category, amountMinor, description });
    }
    if (rows.headerRead && rows.count === 0 && source.syntaxError() === null) {
      log.add(2, null, null, `the file has no lines below its header; a ${kind} file needs at least one`);
    }
    if (log.total > 0) throw rejection(log, 'was not read (no line of it was used)');
    return lines;
  } finally {
    source.close();
  }
}
