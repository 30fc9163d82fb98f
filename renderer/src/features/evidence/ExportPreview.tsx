import { useTranslation } from 'react-i18next';
import type { EvidencePreview } from '../../../../preload/contract/evidence.ts';
import { formatBytes, formatCount } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { describeScope } from './evidence-scope.ts';

/** The payload files a pack of the scope will hold, with their rows, and its rough size. */
export function ExportPreview({ preview }: { preview: EvidencePreview }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <>
      <h2>{t('evidence.preview.title')}</h2>
      <p className="muted">{describeScope(t, preview.scope)}</p>
      <div className="table-scroll">
        <table className="table table-compact" data-testid="preview-files">
          <thead>
            <tr>
              <th scope="col">{t('evidence.preview.file')}</th>
              <th scope="col" className="num">{t('evidence.preview.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.files.map((file) => (
              <tr key={file.path}>
                <th scope="row" className="mono">{file.path}</th>
                <td className="num">{formatCount(file.rows, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="preview-size">{t('evidence.preview.total', { files: formatCount(preview.files.length, locale), size: formatBytes(preview.estimatedBytes, locale) })}</p>
    </>
  );
}
