import { RiskDeskError } from '../../store/errors.ts';

/** One rejected value, located as a spreadsheet shows it: the header is row 1, the first record row 2. */
export interface ImportProblem {
  readonly file: string;
  readonly row: number;
  /** null when the problem is with the row as a whole (wrong number of values, broken quoting). */
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
}

/** Enough to fix a file in one pass without an error payload the size of the file. */
export const MAX_REPORTED_PROBLEMS = 100;
const PROBLEMS_IN_MESSAGE = 5;
const MAX_VALUE_LENGTH = 120;

function clip(value: string): string {
  return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
}

/** Keeps the first problems and counts them all, so a file that is wrong throughout costs constant memory. */
export class ProblemLog {
  readonly file: string;
  readonly problems: ImportProblem[] = [];
  total = 0;

  constructor(file: string) {
    this.file = file;
  }

  add(row: number, column: string | null, value: string | null, reason: string): void {
    this.total += 1;
    if (this.problems.length < MAX_REPORTED_PROBLEMS) {
      this.problems.push({ file: this.file, row, column, value: value === null ? null : clip(value), reason });
    }
  }
}

export function describeProblem(problem: ImportProblem): string {
  const where = problem.column === null ? `row ${problem.row}` : `row ${problem.row}, column ${problem.column}`;
  const value = problem.value === null ? '' : ` ${JSON.stringify(problem.value)}`;
  return `${where}:${value} ${problem.reason}`;
}

export function rejection(log: ProblemLog): RiskDeskError {
  const shown = log.problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `  ${describeProblem(p)}`);
  const more = log.total - shown.length;
  if (more > 0) shown.push(`  … and ${more} more${log.total > log.problems.length ? ` (the first ${log.problems.length} are in the details)` : ''}`);
  const count = log.total === 1 ? '1 problem' : `${log.total} problems`;
  return new RiskDeskError('IMPORT_REJECTED', `${log.file} was not imported (nothing was written): ${count}\n${shown.join('\n')}`, {
    problems: log.problems,
    totalProblems: log.total,
  });
}
