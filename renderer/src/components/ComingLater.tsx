import { useTranslation } from 'react-i18next';
import type { LaterAreaId } from './layout/areas.ts';
import { PageHeader } from './PageHeader.tsx';

/** An area a later release fills. It says so, and what it will hold; nothing here pretends to work. */
export function ComingLater({ area }: { area: LaterAreaId }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t(`nav.${area}`)} />
      <div className="panel later-panel" data-testid="coming-later">
        <p className="later-headline">{t(`later.${area}.headline`)}</p>
        <p className="muted">{t(`later.${area}.body`)}</p>
        <p className="muted small">{t('later.meanwhile')}</p>
      </div>
    </section>
  );
}
