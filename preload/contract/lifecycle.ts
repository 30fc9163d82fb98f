import { z } from 'zod';
import type { Permission } from './permissions.ts';
import { LIFECYCLE_STATES, STEP_WORDS_MAX_LENGTH, type LifecycleStep } from './vocabulary.ts';

export { LIFECYCLE_STATES, LIFECYCLE_STEPS, LIFECYCLE_TRANSITIONS, STEP_WORDS, STEP_WORDS_MAX_LENGTH, stepsFrom, type LifecycleState, type LifecycleStep } from './vocabulary.ts';

/**
 * One lifecycle for every versioned, approvable artefact: scorecard models, IFRS 9 parameter sets, case SLA tables and
 * response playbooks, fraud rule sets and liquidity parameter sets. A version is written as a draft, submitted for
 * review, approved by a second person (four eyes: neither its author nor its submitter), and activated; activating
 * one retires the version of its kind that was active, so a kind has at most one active version. A reviewer may
 * instead reject a submitted version, with a reason, which sends it back to draft.
 *
 * The store enforces these states and steps in SQL (and ties its code to this table by type); services check the
 * step's permission and audit every step in the same transaction; screens offer the steps open from a state.
 */
/**
 * A registered artefact kind. `edit` writes and submits drafts, `review` approves, rejects and activates: submitting
 * needs the edit permission rather than authorship, so a colleague can submit a draft its author left behind, and
 * four eyes then keeps both of them from approving it. `methods` names the contract method of each step (each takes
 * the version's id as `idArg`, and the step's words under the name STEP_WORDS gives), so that screens take any kind's
 * steps alike.
 */
export interface ArtefactKindSpec {
  readonly edit: Permission;
  readonly review: Permission;
  readonly idArg: string;
  readonly methods: { readonly [S in LifecycleStep]: string };
}

/** The kinds with this lifecycle. A new kind is one entry here, its four methods, and its registrations in the store and services. */
export const ARTEFACT_KINDS = {
  'credit.model': {
    edit: 'models.develop',
    review: 'models.approve',
    idArg: 'modelId',
    methods: { submit: 'credit.submitModel', approve: 'credit.approveModel', reject: 'credit.rejectModel', activate: 'credit.activateModel' },
  },
  'credit.parameterSet': {
    edit: 'parameters.edit',
    review: 'parameters.edit',
    idArg: 'version',
    methods: { submit: 'credit.submitParameterSet', approve: 'credit.approveParameterSet', reject: 'credit.rejectParameterSet', activate: 'credit.activateParameterSet' },
  },
  'cases.slaTable': {
    edit: 'parameters.edit',
    review: 'parameters.edit',
    idArg: 'version',
    methods: { submit: 'cases.submitSlaTable', approve: 'cases.approveSlaTable', reject: 'cases.rejectSlaTable', activate: 'cases.activateSlaTable' },
  },
  'cases.playbooks': {
    edit: 'rules.edit',
    review: 'rules.edit',
    idArg: 'version',
    methods: { submit: 'cases.submitPlaybookSet', approve: 'cases.approvePlaybookSet', reject: 'cases.rejectPlaybookSet', activate: 'cases.activatePlaybookSet' },
  },
  'fraud.ruleSet': {
    edit: 'rules.edit',
    review: 'rules.edit',
    idArg: 'version',
    methods: { submit: 'rules.submitRuleSet', approve: 'rules.approveRuleSet', reject: 'rules.rejectRuleSet', activate: 'rules.activateRuleSet' },
  },
  'liquidity.parameterSet': {
    edit: 'parameters.edit',
    review: 'parameters.edit',
    idArg: 'version',
    methods: { submit: 'liquidity.submitParameterSet', approve: 'liquidity.approveParameterSet', reject: 'liquidity.rejectParameterSet', activate: 'liquidity.activateParameterSet' },
  },
} as const satisfies Record<string, ArtefactKindSpec>;
export type ArtefactKind = keyof typeof ARTEFACT_KINDS;

export function stepPermission(kind: ArtefactKind, step: LifecycleStep): Permission {
  return step === 'submit' ? ARTEFACT_KINDS[kind].edit : ARTEFACT_KINDS[kind].review;
}

/** Why a reviewer sends a version back: shown to its author and kept in the audit trail. */
export const rejectionReasonSchema = z.string().trim().min(1).max(STEP_WORDS_MAX_LENGTH);
/** What a reviewer checked before approving or activating a version: shown in its byline and kept in the audit trail. */
export const stepCommentSchema = z.string().trim().min(1).max(STEP_WORDS_MAX_LENGTH);

/**
 * Who took each step and when, in every artefact's row. submittedBy is null for a draft and for versions that never
 * went through submission (those approved before the submitted state existed, and the shipped defaults). The
 * rejection fields hold the latest rejection, if any; the audit trail holds all of them. The approval and activation
 * comments are null for versions approved or activated before steps took comments, and for the shipped defaults.
 */
export const lifecycleFields = {
  status: z.enum(LIFECYCLE_STATES),
  createdBy: z.string(),
  createdAt: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalComment: z.string().nullable(),
  activatedBy: z.string().nullable(),
  activatedAt: z.string().nullable(),
  activationComment: z.string().nullable(),
  rejectedBy: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
};
export type LifecycleFields = z.infer<z.ZodObject<typeof lifecycleFields>>;
