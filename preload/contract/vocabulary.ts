/**
 * The contract's plain vocabulary: lists and constants that its schemas, the store's SQL, the engines, the demo,
 * the CLI and the renderer share. Nothing is imported here (not even zod), so the store and the demo, which may
 * import no other contract value, can load it, and screens can use it without loading the schemas.
 */

/** The kinds a user can import from CSV (DOMAIN.md), in an order that satisfies references. */
export const IMPORT_KINDS = ['borrowers', 'loans', 'performance', 'accounts', 'transactions', 'labels', 'liquidity_lines', 'daily_flows'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * The encodings a CSV file may be imported from (the command line's --encoding, the import screen's choice). UTF-8 is
 * the format's own (DOMAIN.md); GBK and GB18030 are what Chinese spreadsheets save as "CSV" by default, Windows-1252
 * what Western European ones do. Each is a WHATWG label Node's TextDecoder knows (GBK decodes as GB18030's superset,
 * as browsers do).
 */
export const IMPORT_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const DEMO_SCALES = ['small', 'medium', 'large'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

/** The reporting currency every workspace is created with, and the currency of the demo portfolio. */
export const DEFAULT_BASE_CURRENCY = 'CNY';

/**
 * Days-past-due buckets. A loan is in default from 90 days past due (DOMAIN.md), so the buckets below 90 are
 * the performing ones; they are also the keys of the PD overlay by DPD, which has nothing to add in default.
 */
export const PERFORMING_DPD_BUCKETS = ['current', '1-29', '30-59', '60-89'] as const;
export type PerformingDpdBucket = (typeof PERFORMING_DPD_BUCKETS)[number];
/** Roll rates split the defaulted tail at 180 days, to show loans moving on towards write-off. */
export const DPD_BUCKETS = [...PERFORMING_DPD_BUCKETS, '90-179', '180+'] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];
/** The dashboard's delinquency buckets keep the defaulted tail in one. */
export const DELINQUENCY_BUCKETS = [...PERFORMING_DPD_BUCKETS, '90+'] as const;
export type DelinquencyBucket = (typeof DELINQUENCY_BUCKETS)[number];

/** The first day past due of each bucket; a bucket ends where the next one of its list starts. */
export const DPD_BUCKET_FIRST_DAY: Readonly<Record<DpdBucket | DelinquencyBucket, number>> = {
  current: 0,
  '1-29': 1,
  '30-59': 30,
  '60-89': 60,
  '90-179': 90,
  '180+': 180,
  '90+': 90,
};

/** The states and steps of every versioned, approvable artefact (lifecycle.ts says what they mean). */
export const LIFECYCLE_STATES = ['draft', 'submitted', 'approved', 'active', 'retired'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** Every step a person takes, from one state to the next. Retirement is no step of its own: activation does it. */
export const LIFECYCLE_TRANSITIONS = {
  submit: { from: 'draft', to: 'submitted' },
  approve: { from: 'submitted', to: 'approved' },
  reject: { from: 'submitted', to: 'draft' },
  activate: { from: 'approved', to: 'active' },
} as const satisfies Record<string, { readonly from: LifecycleState; readonly to: LifecycleState }>;
export type LifecycleStep = keyof typeof LIFECYCLE_TRANSITIONS;
export const LIFECYCLE_STEPS = Object.keys(LIFECYCLE_TRANSITIONS) as readonly LifecycleStep[];

/** The longest reason or comment a step takes. */
export const STEP_WORDS_MAX_LENGTH = 500;

/**
 * What a person writes with a step, by the argument that carries it: a rejection's reason, which its author reads to
 * know what to change; what the reviewer checked before approving or activating, which the version's byline and the
 * audit trail keep. A submission needs none.
 */
export const STEP_WORDS = { submit: null, approve: 'comment', reject: 'reason', activate: 'comment' } as const satisfies { readonly [S in LifecycleStep]: 'reason' | 'comment' | null };

/** The steps open from `state`, in the order of LIFECYCLE_TRANSITIONS (approve before reject). */
export function stepsFrom(state: LifecycleState): LifecycleStep[] {
  return LIFECYCLE_STEPS.filter((step) => LIFECYCLE_TRANSITIONS[step].from === state);
}
