import type { DevelopmentReport, Grade, ModelMonitoring } from '../../../../preload/contract/index.ts';
import type { ChartPalette } from '../../components/charts/palette.ts';

/*
 * The contract's credit constants, mirrored: preload/contract/credit.ts builds zod schemas, and importing a value
 * from it would bundle zod into the renderer. The types below keep the copies in step with the contract.
 */
export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const satisfies readonly Grade[];
export const STAGES = ['1', '2', '3'] as const;
export type StageKey = (typeof STAGES)[number];

// A grade added to the contract but not here fails to compile.
const everyGrade: [Exclude<Grade, (typeof GRADES)[number]>] extends [never] ? true : false = true;
void everyGrade;

export type IvBand = DevelopmentReport['features'][number]['ivBand'];
export type StabilityBand = ModelMonitoring['periods'][number]['psiBand'];

/** PSI/CSI thresholds of DOMAIN.md § Credit: below 0.1 stable, from 0.25 a significant shift. */
export const PSI_INVESTIGATE = 0.1;
export const PSI_SIGNIFICANT = 0.25;

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/** An IV band's colour: too little says nothing, and "suspiciously strong" often means a leak of the outcome. */
export const IV_BAND_TONE: Readonly<Record<IvBand, Tone>> = { useless: 'bad', weak: 'neutral', medium: 'good', strong: 'good', suspicious: 'warn' };

export const STABILITY_TONE: Readonly<Record<StabilityBand, Tone>> = { stable: 'good', investigate: 'warn', significant: 'bad' };

/** IFRS 9 stages: performing, significant increase in credit risk, credit-impaired. */
export function stageColor(stage: StageKey, palette: ChartPalette): string {
  return stage === '1' ? palette.good : stage === '2' ? palette.warn : palette.bad;
}
