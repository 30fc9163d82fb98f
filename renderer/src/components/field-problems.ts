import type { TFunction } from 'i18next';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/* What is wrong with each field of a form, by the field's path in the call's arguments (`scenarios.0.horizonDays`). */

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly code?: string;
  readonly message: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly expected?: unknown;
  readonly origin?: unknown;
}

/** The first problem of each path (the one to fix first), keyed without `prefix` (the arguments' wrapper, e.g. `parameters.`). */
function byPath(entries: readonly (readonly [string, string])[], prefix: string): Map<string, string> {
  const problems = new Map<string, string>();
  for (const [path, message] of entries) {
    const key = prefix !== '' && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    if (!problems.has(key)) problems.set(key, message);
  }
  return problems;
}

/**
 * The form's own check, before sending, with the contract's schema: bounds and types worded in the user's language,
 * the schema's own sentences (a pattern's example, a rule across fields) as the schema words them.
 */
export function schemaProblems(t: TFunction, issues: readonly Issue[], prefix = ''): Map<string, string> {
  const word = (issue: Issue): string => {
    if (issue.code === 'too_small' && issue.origin === 'number') return t('fieldProblems.min', { min: String(issue.minimum) });
    if (issue.code === 'too_big' && issue.origin === 'number') return t('fieldProblems.max', { max: String(issue.maximum) });
    if (issue.code === 'too_small' && issue.origin === 'string') return t('fieldProblems.required');
    if (issue.code === 'invalid_type') return issue.expected === 'int' ? t('fieldProblems.integer') : t('fieldProblems.number');
    return issue.message;
  };
  return byPath(
    issues.map((issue) => [issue.path.map(String).join('.'), word(issue)] as const),
    prefix,
  );
}

/** Main's VALIDATION refusal, its details ({path, message}, every issue) by field; empty for any other error. */
export function refusalProblems(error: unknown, prefix = ''): Map<string, string> {
  if (!(error instanceof RiskDeskError) || error.code !== 'VALIDATION' || !Array.isArray(error.details)) return new Map();
  const details = error.details as readonly { path?: unknown; message?: unknown }[];
  return byPath(
    details.map((issue) => [String(issue.path ?? ''), String(issue.message ?? '')] as const),
    prefix,
  );
}
