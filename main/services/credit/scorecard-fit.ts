// `riskdesk credit fit`: a labelled CSV in, a scorecard development out (and, with an output folder, the
// scores and WOE values per row so that anyone can check the fit with another tool). No workspace involved.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { developScorecard, PSI_ADJUSTMENT, WOE_ADJUSTMENT, type FeatureColumn, type ScorecardDevelopment } from '../../engines/credit/index.ts';
import { csvLine } from '../csv-writer.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { featureColumn, readCsvTable } from './csv-columns.ts';

export interface CreditFitRequest {
  readonly csv: string;
  readonly target: string;
  /** The target value that is the event; default any of DEFAULT_EVENT_VALUES. Case-insensitive. */
  readonly event?: string;
  readonly exclude?: readonly string[];
  readonly holdout?: { readonly fraction: number; readonly seed: number };
  readonly minBinShare?: number;
  readonly outDir?: string;
}

const DEFAULT_EVENT_VALUES = ['1', 'true', 'yes', 'bad', 'default'];

export const CONVENTIONS = {
  woe: 'WOE = ln(share of non-events / share of events); positive = better than average.',
  woe_adjustment: WOE_ADJUSTMENT,
  bins: 'Intervals are right-closed, (lower, upper]; "missing" holds NA and empty cells; levels seen in fewer rows than the minimum bin share are grouped as (other), which also takes levels not seen in development.',
  points:
    'logit P(event) = intercept + Σ coef·WOE; factor = pdo / ln 2, offset = base_score − factor·ln(base_odds); points per bin = −(coef·WOE + intercept/n)·factor + offset/n for the n model features; score = Σ points = offset + factor·ln(odds of non-event).',
  stability:
    'With a holdout: PSI of the score over the score bands (deciles of the training scores, in whole points) and CSI of every feature over its bins, training rows as the reference; < 0.1 stable, 0.1–0.25 investigate, ≥ 0.25 significant.',
  psi_adjustment: PSI_ADJUSTMENT,
  rows: 'row in scores.csv and woe.csv is the record number in the input file, the first record under the header being 1.',
};

export interface CreditFitOutcome {
  readonly development: ScorecardDevelopment;
  readonly target: string;
  readonly eventValues: string[];
  readonly notes: string[];
  readonly written: string[];
}

function invalid(message: string, details: Record<string, unknown>): RiskDeskError {
  return new RiskDeskError('INVALID_ARGUMENT', message, details);
}

export async function fitCreditScorecard(request: CreditFitRequest): Promise<CreditFitOutcome> {
  const table = await readCsvTable(request.csv);
  const targetIndex = table.header.indexOf(request.target);
  if (targetIndex < 0) {
    throw invalid(`${request.csv} has no column "${request.target}" for the target; its columns are: ${table.header.join(', ')}.`, { column: request.target });
  }
  for (const name of request.exclude ?? []) {
    if (!table.header.includes(name)) throw invalid(`--exclude names "${name}", which is not a column of ${request.csv}.`, { column: name });
  }
  const eventValues = request.event === undefined ? DEFAULT_EVENT_VALUES : [request.event.toLowerCase()];
  const targetCells = table.cells[targetIndex] ?? [];
  const notes: string[] = [];
  const kept: number[] = [];
  targetCells.forEach((cell, row) => {
    if (cell !== null) kept.push(row);
  });
  if (kept.length < table.rows) notes.push(`${table.rows - kept.length} rows with a missing target were left out.`);
  const events = Uint8Array.from(kept, (row) => (eventValues.includes((targetCells[row] ?? '').toLowerCase()) ? 1 : 0));
  const eventCount = events.reduce((s, e) => s + e, 0);
  if (eventCount === 0 || eventCount === events.length) {
    const distinct = [...new Set(kept.map((row) => targetCells[row] ?? ''))].slice(0, 10);
    throw invalid(
      `The target "${request.target}" has one class only: ${eventCount === 0 ? 'no row is an event' : 'every row is an event'} (event values: ${eventValues.join(', ')}; values found: ${distinct.join(', ')}). Name the event value with --event VALUE.`,
      { column: request.target, eventValues, valuesFound: distinct },
    );
  }
  const excluded = new Set([request.target, ...(request.exclude ?? [])]);
  const columns: FeatureColumn[] = [];
  for (const [c, name] of table.header.entries()) {
    if (excluded.has(name)) continue;
    const cells = table.cells[c] ?? [];
    const column = featureColumn(name, kept.length === table.rows ? cells : kept.map((row) => cells[row] ?? null));
    if (!column) throw invalid(`The column "${name}" has no values at all (every cell is NA or empty); leave it out with --exclude ${name}.`, { column: name });
    columns.push(column);
  }
  if (columns.length === 0) throw invalid('No feature columns are left after the target and --exclude.', {});
  const development = developScorecard(columns, events, {
    ...(request.holdout ? { holdout: request.holdout } : {}),
    ...(request.minBinShare === undefined ? {} : { minBinShare: request.minBinShare }),
  });
  if (development.model.status === 'converged' && development.model.coefficients.length === 0) {
    notes.push('No feature reached the selection thresholds (IV ≥ 0.02, WOE correlation ≤ 0.7): the model is the intercept alone.');
  }
  const written = request.outDir && development.scored ? await writeRowFiles(request.outDir, development, kept, events) : [];
  return { development, target: request.target, eventValues, notes, written };
}

async function writeRowFiles(dir: string, development: ScorecardDevelopment, records: readonly number[], events: Uint8Array): Promise<string[]> {
  const scored = development.scored;
  if (!scored) return [];
  const features = development.scorecard?.features ?? [];
  const scores = [csvLine(['row', 'set', 'event', 'score', 'pd'])];
  const woe = [csvLine(['row', 'set', 'event', ...features])];
  records.forEach((record, i) => {
    const lead = [record + 1, development.holdout[i] ? 'holdout' : 'train', events[i] ?? 0];
    scores.push(csvLine([...lead, scored.score[i], scored.pd[i]]));
    woe.push(csvLine([...lead, ...scored.woe.map((column) => column[i])]));
  });
  try {
    await mkdir(dir, { recursive: true });
    const scoresFile = path.join(dir, 'scores.csv');
    const woeFile = path.join(dir, 'woe.csv');
    // Row-level results of someone's data: readable by their owner only, like every file RiskDesk writes.
    await writeFile(scoresFile, `${scores.join('\n')}\n`, { mode: 0o600 });
    await writeFile(woeFile, `${woe.join('\n')}\n`, { mode: 0o600 });
    return [scoresFile, woeFile];
  } catch (error) {
    throw new RiskDeskError('INVALID_ARGUMENT', `--out: could not write to ${dir}: ${error instanceof Error ? error.message : String(error)}`, { dir });
  }
}
