import { useTranslation } from 'react-i18next';
import { RiskDeskError } from '../../../../preload/contract/errors.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

/**
 * A refused lifecycle step. The four-eyes refusal is the one a user meets in normal work (approving what they
 * wrote or submitted themselves), so it says plainly that someone else must approve, then main's own words.
 */
export function LifecycleError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof RiskDeskError && error.code === 'FOUR_EYES') {
    return (
      <div className="notice notice-error" role="alert" data-testid="four-eyes" data-code={error.code}>
        <strong>{t('lifecycle.fourEyes')}</strong> {error.message}
      </div>
    );
  }
  return <ErrorNotice error={error} />;
}
