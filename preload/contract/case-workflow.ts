import type { Role } from './permissions.ts';

/**
 * The case workflow, in one table: which status a case may move to from which, who may move it, and what the move
 * needs. Services refuse anything not here (store/cases.ts holds the states in SQL, and four eyes on closure), screens
 * offer only the moves open to the user, and tests walk every role against every move.
 *
 *   new → assigned → in review → escalated → pending approval → closed, and reopen (closed → in review) with a reason.
 *
 * Assigning is its own call (it names the assignee): from `new` it moves the case to `assigned`; later it only hands
 * the case to someone else. A closure is proposed with a disposition (pending approval) and approved by a closing move:
 * for a high or critical case by someone other than its proposer (four eyes). Casework is the analysts' and compliance's;
 * admins and auditors read cases but do not work them.
 */
export const CASE_STATUSES = ['new', 'assigned', 'in_review', 'escalated', 'pending_approval', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a move needs besides the role: a disposition (proposing closure) or a reason (withdrawing one, reopening). */
export type CaseMoveNeeds = 'disposition' | 'reason';

export interface CaseMove {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly roles: readonly Role[];
  readonly needs?: CaseMoveNeeds;
  /** The move is a closure: four eyes applies to high and critical cases. */
  readonly closes?: true;
}

const CASEWORK: readonly Role[] = ['analyst', 'compliance'];

export const CASE_MOVES: readonly CaseMove[] = [
  { from: 'new', to: 'assigned', roles: CASEWORK },
  { from: 'assigned', to: 'in_review', roles: CASEWORK },
  { from: 'assigned', to: 'escalated', roles: ['analyst'] },
  { from: 'in_review', to: 'escalated', roles: ['analyst'] },
  // Compliance takes an escalated case and hands it back for review, or proposes its closure itself.
  { from: 'escalated', to: 'in_review', roles: ['compliance'] },
  { from: 'in_review', to: 'pending_approval', roles: CASEWORK, needs: 'disposition' },
  { from: 'escalated', to: 'pending_approval', roles: CASEWORK, needs: 'disposition' },
  // Withdrawn by its proposer or sent back by the approver: either way, say why.
  { from: 'pending_approval', to: 'in_review', roles: CASEWORK, needs: 'reason' },
  { from: 'pending_approval', to: 'closed', roles: CASEWORK, closes: true },
  { from: 'closed', to: 'in_review', roles: CASEWORK, needs: 'reason' },
];

/** Who may assign a case (from new, or hand it to someone else while it is being worked), and who may be its assignee. */
export const CASE_ASSIGNERS: readonly Role[] = CASEWORK;
export const CASE_ASSIGNABLE_STATUSES: readonly CaseStatus[] = ['new', 'assigned', 'in_review', 'escalated'];

/** The move from `from` to `to`, if the table has one. */
export function caseMove(from: CaseStatus, to: CaseStatus): CaseMove | undefined {
  return CASE_MOVES.find((move) => move.from === from && move.to === to);
}

/** The moves `role` may make from `from` (assignment from new is the assign call, not a move a screen offers). */
export function movesFor(role: Role, from: CaseStatus): CaseMove[] {
  return CASE_MOVES.filter((move) => move.from === from && move.roles.includes(role) && !(move.from === 'new' && move.to === 'assigned'));
}

/** Closing a case of these priorities needs a second person: the one who approves is not the one who proposed. */
export const FOUR_EYES_PRIORITIES = ['high', 'critical'] as const;

/** Why a case is closed: required to close, and written as a label on its transactions, accounts and loans. */
export const CASE_DISPOSITIONS = ['confirmed_fraud', 'false_positive', 'credit_action_taken', 'monitoring', 'no_action'] as const;
export type CaseDisposition = (typeof CASE_DISPOSITIONS)[number];

/** Structured actions recorded on a case. */
export const CASE_ACTIONS = ['freeze_account', 'reduce_limit', 'request_documents', 'write_off_proposal', 'provision_override', 'contact_borrower'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The largest attachment a case keeps (inside the encrypted workspace). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The queue's saved views; each is a filter the page can refine further with the grid's own. */
export const CASE_VIEWS = ['open', 'mine', 'unassigned', 'overdue', 'high_critical', 'all'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];
