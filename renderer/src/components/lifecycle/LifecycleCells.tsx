import { useTranslation } from 'react-i18next';
import type { LifecycleFields } from '../../../../preload/contract/lifecycle.ts';
import { LifecycleBadge } from './LifecycleBadge.tsx';

/** The lifecycle columns every artefact list shows, in this order: status, author, submitter, approver. */
export function LifecycleHeadings() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{t('lifecycle.columns.status')}</th>
      <th scope="col">{t('lifecycle.columns.author')}</th>
      <th scope="col">{t('lifecycle.columns.submitter')}</th>
      <th scope="col">{t('lifecycle.columns.approver')}</th>
    </>
  );
}

/**
 * One version's lifecycle cells. While it is back in draft or up for review again, its latest rejection shows under its
 * status, and what its approver checked once it is approved.
 */
export function LifecycleCells({ row }: { row: LifecycleFields }) {
  const { t } = useTranslation();
  const rejection = row.rejectedBy !== null && (row.status === 'draft' || row.status === 'submitted');
  return (
    <>
      <td>
        <LifecycleBadge status={row.status} />
        {rejection && (
          <div className="muted small cell-wrap" data-testid="rejection">
            {t('lifecycle.rejected', { who: row.rejectedBy, reason: row.rejectionReason })}
          </div>
        )}
        {row.approvalComment && (
          <div className="muted small cell-wrap" data-testid="approval-comment">
            {t('lifecycle.stepComments.approval', { comment: row.approvalComment })}
          </div>
        )}
      </td>
      <td>{row.createdBy}</td>
      <td>{row.submittedBy ?? '—'}</td>
      <td>{row.approvedBy ?? '—'}</td>
    </>
  );
}
