import { useTranslation } from 'react-i18next';
import type { BagVerification } from '../../../../preload/contract/evidence.ts';
import { Fingerprint } from './Fingerprint.tsx';

/** Failures first (in the order the verifier found them), then what held. */
function failuresFirst(checks: BagVerification['checks']): BagVerification['checks'] {
  return [...checks.filter((check) => !check.ok), ...checks.filter((check) => check.ok)];
}

/** A pack's check line by line: the verdict, whose key signed it, its bag-info, and every check with its file. */
export function VerificationResult({ result }: { result: BagVerification }) {
  const { t } = useTranslation();
  const failed = result.checks.filter((check) => !check.ok).length;
  return (
    <section aria-labelledby="verification-title" data-testid="verification" data-ok={result.ok}>
      <p id="verification-title" className="mono">
        {result.fileName}
      </p>
      <p className={result.ok ? 'notice notice-ok' : 'notice notice-error'} role={result.ok ? 'status' : 'alert'} data-testid="verification-verdict">
        {result.ok ? t('evidence.verify.ok', { count: result.checks.length }) : t('evidence.verify.failed', { count: failed })}
      </p>
      {result.fingerprint === null ? (
        <p className="muted">{t('evidence.verify.noKey')}</p>
      ) : (
        <p data-testid="verification-key">
          {t('evidence.verify.signedWith')} <Fingerprint hex={result.fingerprint} />
          {result.ownWorkspace !== null && (
            <span className={result.ownWorkspace ? 'badge' : 'badge badge-warn'} data-testid="own-workspace">
              {result.ownWorkspace ? t('evidence.verify.own') : t('evidence.verify.foreign')}
            </span>
          )}
        </p>
      )}
      {result.bagInfo.length > 0 && (
        <>
          <h4>{t('evidence.verify.bagInfo')}</h4>
          <dl className="facts" data-testid="bag-info">
            {result.bagInfo.map((entry, index) => (
              <div key={`${entry.label}-${index}`}>
                <dt>{entry.label}</dt>
                <dd>{entry.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h4>{t('evidence.verify.checks')}</h4>
      <div className="table-scroll">
        <table className="table table-compact" data-testid="verification-checks">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('evidence.verify.message')}</span>
              </th>
              <th scope="col">{t('evidence.verify.check')}</th>
              <th scope="col">{t('evidence.verify.fileColumn')}</th>
              <th scope="col">{t('evidence.verify.message')}</th>
            </tr>
          </thead>
          <tbody>
            {failuresFirst(result.checks).map((check, index) => (
              <tr key={`${check.check}-${check.file ?? ''}-${index}`} className={check.ok ? undefined : 'check-failed'} data-testid="verification-check" data-ok={check.ok} data-check={check.check}>
                <td>
                  <span className={check.ok ? 'check-mark ok' : 'check-mark failed'} role="img" aria-label={check.ok ? t('evidence.verify.passed') : t('evidence.verify.failedMark')}>
                    {check.ok ? '✓' : '✗'}
                  </span>
                </td>
                <td>{t(`evidence.verify.checkNames.${check.check}`)}</td>
                <td className="mono small">{check.file ?? ''}</td>
                <td>{check.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
