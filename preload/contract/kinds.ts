/**
 * Plain lists shared by the contract's schemas, the CLI and the renderer; no zod here, so screens can import
 * them without loading the schemas.
 */
export const IMPORT_KIND_NAMES = ['borrowers', 'loans', 'performance', 'accounts', 'transactions', 'labels', 'liquidity_lines', 'daily_flows'] as const;
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

export const DEMO_SCALES = ['small', 'medium', 'large'] as const;
export type DemoScaleName = (typeof DEMO_SCALES)[number];
