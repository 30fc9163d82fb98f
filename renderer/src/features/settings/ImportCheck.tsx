import { useTranslation } from 'react-i18next';
import type { ImportSummaryResult } from '../../../../preload/contract/jobs.ts';
import { formatCount } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { ImportWarnings } from './ImportWarnings.tsx';

interface Props {
  /** What the check found (written: false). */
  readonly summary: ImportSummaryResult;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * What a check found in a file that can be imported (its rows and its unusual values), before anything is written:
 * the user imports it or cancels. A file with errors never gets here: its check failed, listing them.
 */
export function ImportCheck({ summary, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { file, rows, kind } = summary;
  return (
    <div className="subsection" data-testid="import-check">
      <p role="status">{t('settings.data.check.ready', { count: rows, rows: formatCount(rows, locale), file, kind })}</p>
      <ImportWarnings summary={summary} />
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onConfirm} data-testid="import-confirm">
          {t('settings.data.check.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="import-cancel">
          {t('settings.data.check.cancel')}
        </button>
      </div>
    </div>
  );
}
