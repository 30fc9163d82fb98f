import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatCount, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { describeScope } from './evidence-scope.ts';
import { Fingerprint } from './Fingerprint.tsx';

/** The packs exported from this workspace, newest first, with what a recipient checks them by. */
export function PastExports() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const exports = useCall(() => api.call('evidence.exports'), []);
  return (
    <section className="panel" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('evidence.tabs.exports')}</h2>
      <ErrorNotice error={exports.error} />
      {exports.loading && !exports.data && <p className="muted">{t('common.loading')}</p>}
      {exports.data?.length === 0 && <p className="muted">{t('evidence.exports.none')}</p>}
      {exports.data && exports.data.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="past-exports">
            <thead>
              <tr>
                <th scope="col">{t('evidence.exports.when')}</th>
                <th scope="col">{t('evidence.exports.by')}</th>
                <th scope="col">{t('evidence.exports.scope')}</th>
                <th scope="col" className="num">{t('evidence.exports.size')}</th>
                <th scope="col" className="num">{t('evidence.exports.files')}</th>
                <th scope="col">{t('evidence.exports.fingerprint')}</th>
                <th scope="col">{t('evidence.exports.sha256')}</th>
              </tr>
            </thead>
            <tbody>
              {exports.data.map((pack) => (
                <tr key={pack.exportId} data-testid="past-export" title={pack.fileName}>
                  <td>{formatTimestamp(pack.exportedAt)}</td>
                  <td>{pack.exportedBy}</td>
                  <td>{describeScope(t, pack.scope)}</td>
                  <td className="num">{formatBytes(pack.bytes, locale)}</td>
                  <td className="num">{formatCount(pack.payloadFiles, locale)}</td>
                  <td>
                    <Fingerprint hex={pack.fingerprint} testId="export-fingerprint" />
                  </td>
                  <td>
                    <Fingerprint hex={pack.sha256} testId="export-sha256" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
