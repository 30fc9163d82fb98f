import { useTranslation } from 'react-i18next';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/** A failed call, as a sentence the user can act on; validation details listed below it. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof RiskDeskError ? error.code : null;
  const issues = error instanceof RiskDeskError ? validationIssues(error.details) : [];
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice" data-code={code ?? undefined}>
      {code === 'FORBIDDEN' && <strong>{t('errors.forbidden')} </strong>}
      {message}
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * VALIDATION details list every issue as {path, message}; the message names only the first. (An import's
 * rejected values are already written out, row by row, in its message.)
 */
function validationIssues(details: unknown): string[] {
  if (!Array.isArray(details) || details.length < 2) return [];
  return details.slice(0, 10).map((issue: { path?: unknown; message?: unknown }) => {
    const where = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
    const what = String(issue.message ?? '');
    return where ? `${where}: ${what}` : what;
  });
}
