import { RiskDeskError } from '../../preload/contract/errors.ts';

export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(arguments)' : path.map(String).join('.');
}

/** VALIDATION naming the first bad field, with every issue (path and message; never the offending value) as details. */
export function validationFailure(what: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): RiskDeskError {
  const listed: ValidationIssue[] = issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
  const first = listed[0];
  const message = first ? `Invalid ${what}: ${first.path}: ${first.message}${listed.length > 1 ? ` (and ${listed.length - 1} more)` : ''}` : `Invalid ${what}.`;
  return new RiskDeskError('VALIDATION', message, listed);
}
