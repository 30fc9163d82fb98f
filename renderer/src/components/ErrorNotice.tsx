import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client.ts';

/** A failed call, as a sentence the user can act on; validation details listed below it. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiCallError ? error.code : null;
  const issues = error instanceof ApiCallError ? validationIssues(error.details) : [];
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

function validationIssues(details: unknown): string[] {
  const list = Array.isArray(details) ? details : (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(list)) return [];
  return list.slice(0, 10).map((issue: { path?: unknown; message?: unknown; row?: unknown; column?: unknown; reason?: unknown }) => {
    const where = Array.isArray(issue.path) ? issue.path.join('.') : [issue.row, issue.column].filter((part) => part !== undefined).join(', ');
    const what = String(issue.message ?? issue.reason ?? '');
    return where ? `${where}: ${what}` : what;
  });
}
