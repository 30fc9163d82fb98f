import { useTranslation } from 'react-i18next';
import type { LifecycleFields } from '../../../../preload/contract/lifecycle.ts';
import { formatTimestamp } from '../../format/numbers.ts';

type BylineFields = 'createdBy' | 'createdAt' | 'approvedBy' | 'approvedAt' | 'approvalComment' | 'activatedBy' | 'activatedAt' | 'activationComment';

/**
 * A version's note, who drafted it and when, who approved and activated it, and what each of them said they checked
 * (versions approved before steps took comments, and the shipped defaults, have none).
 */
export function VersionByline({ row }: { row: Pick<LifecycleFields, BylineFields> & { readonly note: string } }) {
  const { t } = useTranslation();
  return (
    <p className="small">
      {row.note} <span className="muted">· {t('lifecycle.byline.createdBy', { who: row.createdBy, when: formatTimestamp(row.createdAt) })}</span>
      {row.approvedBy && (
        <span className="muted" data-testid="byline-approval">
          {' · '}
          {t('lifecycle.byline.approvedBy', { who: row.approvedBy, when: formatTimestamp(row.approvedAt) })}
          {row.approvalComment && t('lifecycle.stepComments.said', { comment: row.approvalComment })}
        </span>
      )}
      {row.activatedBy && (
        <span className="muted" data-testid="byline-activation">
          {' · '}
          {t('lifecycle.stepComments.activatedBy', { who: row.activatedBy, when: formatTimestamp(row.activatedAt) })}
          {row.activationComment && t('lifecycle.stepComments.said', { comment: row.activationComment })}
        </span>
      )}
    </p>
  );
}
