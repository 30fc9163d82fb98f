import { useTranslation } from 'react-i18next';
import type { LifecycleFields } from '../../../../preload/contract/lifecycle.ts';
import { formatTimestamp } from '../../format/numbers.ts';

/** A version's note, who drafted it and when, and who approved it. */
export function VersionByline({ row }: { row: Pick<LifecycleFields, 'createdBy' | 'createdAt' | 'approvedBy' | 'approvedAt'> & { readonly note: string } }) {
  const { t } = useTranslation();
  return (
    <p className="small">
      {row.note} <span className="muted">· {t('lifecycle.byline.createdBy', { who: row.createdBy, when: formatTimestamp(row.createdAt) })}</span>
      {row.approvedBy && <span className="muted"> · {t('lifecycle.byline.approvedBy', { who: row.approvedBy, when: formatTimestamp(row.approvedAt) })}</span>}
    </p>
  );
}
