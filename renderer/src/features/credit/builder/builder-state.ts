import type { BinningEvaluation, DevelopmentOptions, DevelopmentReport, StoredBinning } from '../../../../../preload/contract/index.ts';
import { DEFAULT_DRAFT, type OptionsDraft } from './development-options.ts';

export interface Development {
  readonly jobId: string;
  /** The options it ran with: bin edits re-count on the same sample (holdout fraction and seed). */
  readonly options: DevelopmentOptions;
  /** Bins fixed by hand (from edits before this or an earlier refit): later refits keep them as they are. */
  readonly handBinnings: Readonly<Record<string, StoredBinning>>;
  /** For a refit that dropped flagged features: which, and the metrics before, to show beside the new ones. */
  readonly baseline?: { readonly dropped: readonly string[]; readonly metrics: DevelopmentReport['metrics'] };
}

export interface BuilderState {
  readonly draft: OptionsDraft;
  /** The development on screen, with its report. */
  readonly current: (Development & { readonly report: DevelopmentReport }) | null;
  /** A development running (or failed) that will replace it; the current one stays readable meanwhile. */
  readonly pending: Development | null;
  /** Every feature name a development has offered, so that an excluded one can be brought back. */
  readonly candidates: readonly string[];
  /** Bin edits since the last fit, per feature: the edited binning with its new counts, WOE and IV. */
  readonly edits: Readonly<Record<string, BinningEvaluation>>;
  readonly selected: string | null;
}

const INITIAL_BUILDER: BuilderState = { draft: DEFAULT_DRAFT, current: null, pending: null, candidates: [], edits: {}, selected: null };

export type BuilderAction =
  | { readonly type: 'draft'; readonly draft: OptionsDraft }
  | { readonly type: 'started'; readonly development: Development }
  | { readonly type: 'reported'; readonly jobId: string; readonly report: DevelopmentReport }
  | { readonly type: 'select'; readonly feature: string }
  | { readonly type: 'edited'; readonly feature: string; readonly evaluation: BinningEvaluation }
  | { readonly type: 'undo'; readonly feature: string };

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'draft':
      return { ...state, draft: action.draft };
    case 'started':
      return { ...state, pending: action.development };
    case 'reported': {
      // Only the answer for the development still awaited counts; its edits are now part of the fit.
      if (state.pending?.jobId !== action.jobId) return state;
      const names = action.report.features.map((feature) => feature.name);
      const selected = state.selected && names.includes(state.selected) ? state.selected : (names[0] ?? null);
      return {
        ...state,
        current: { ...state.pending, report: action.report },
        pending: null,
        edits: {},
        candidates: [...new Set([...state.candidates, ...names])].sort(),
        selected,
      };
    }
    case 'select':
      return { ...state, selected: action.feature };
    case 'edited':
      return { ...state, edits: { ...state.edits, [action.feature]: action.evaluation } };
    case 'undo': {
      const { [action.feature]: _dropped, ...edits } = state.edits;
      return { ...state, edits };
    }
  }
}

/**
 * The binnings a refit uses: those fixed by hand in earlier refits (kept rather than re-binned automatically),
 * overridden by the edits made since.
 */
export function refitBinnings(state: BuilderState): Record<string, StoredBinning> {
  const edited = Object.fromEntries(Object.entries(state.edits).map(([name, evaluation]) => [name, evaluation.binning]));
  return { ...state.current?.handBinnings, ...edited };
}

/**
 * The builder's work survives leaving the credit area for a moment (to look at a loan, say): it is kept here for
 * the signed-in user, in memory only, and dropped when another user signs in.
 */
let memory: { readonly owner: string; readonly state: BuilderState } | null = null;

export function recallBuilder(owner: string): BuilderState {
  return memory?.owner === owner ? memory.state : INITIAL_BUILDER;
}

export function rememberBuilder(owner: string, state: BuilderState): void {
  memory = { owner, state };
}
