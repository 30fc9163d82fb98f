// The LCR or the NSFR of a CSV of lines, without a workspace (`riskdesk liquidity lcr --input FILE.csv`): the lines read
// whole or refused (line-file.ts), weighed with the parameters given or the shipped defaults, every line with its factor.
import type { LcrBreakdown, LiquidityParameters, NsfrBreakdown, WeightedLine } from '../../../preload/contract/liquidity.ts';
import type { LcrCategory, NsfrCategory } from '../../../preload/contract/liquidity.ts';
import { currencyMinorDigits } from '../../engines/currency.ts';
import { LcrTally, NsfrTally, weighLine } from '../../engines/liquidity/index.ts';
import { documentInFile } from '../document-set-service.ts';
import { readResourceJson, resourcesFolder } from '../resources-folder.ts';
import { readLineFile } from './line-file.ts';
import { checkedLiquidityParameters, SHIPPED_LIQUIDITY_PARAMETERS } from './parameter-sets.ts';

/**
 * Parameters from a file's content: a parameter set's `parameters` object, or a file that holds one under
 * `parameters` (what `riskdesk liquidity params export` and the shipped default hold), checked as a draft is.
 */
export function parametersFromContent(content: unknown, source: string): LiquidityParameters {
  return checkedLiquidityParameters(documentInFile(content, 'parameters').document, source);
}

/** The parameters RiskDesk ships, for a CSV weighed without --params. */
export function shippedLiquidityParameters(): LiquidityParameters {
  return parametersFromContent(readResourceJson(SHIPPED_LIQUIDITY_PARAMETERS.file, resourcesFolder()), `RiskDesk's shipped resources/${SHIPPED_LIQUIDITY_PARAMETERS.file}`);
}

export interface FileRatio<B> {
  readonly currency: string;
  readonly breakdown: B;
  readonly lines: WeightedLine[];
}

export async function lcrOfFile(file: string, parameters: LiquidityParameters, currency: string): Promise<FileRatio<LcrBreakdown>> {
  const lines = await readLineFile(file, 'lcr', currency);
  const digits = currencyMinorDigits(currency);
  const factors = parameters.lcr.factors;
  const tally = new LcrTally(factors, digits);
  for (const line of lines) tally.add(line.category as LcrCategory, line.amountMinor);
  return { currency, breakdown: tally.breakdown(), lines: lines.map((line) => weighLine(line, factors[line.category as LcrCategory], digits)) };
}

export async function nsfrOfFile(file: string, parameters: LiquidityParameters, currency: string): Promise<FileRatio<NsfrBreakdown>> {
  const lines = await readLineFile(file, 'nsfr', currency);
  const digits = currencyMinorDigits(currency);
  const factors: Readonly<Record<NsfrCategory, number>> = { ...parameters.nsfr.asf, ...parameters.nsfr.rsf };
  const tally = new NsfrTally(parameters.nsfr.asf, parameters.nsfr.rsf, digits);
  for (const line of lines) tally.add(line.category as NsfrCategory, line.amountMinor);
  return { currency, breakdown: tally.breakdown(), lines: lines.map((line) => weighLine(line, factors[line.category as NsfrCategory], digits)) };
}
