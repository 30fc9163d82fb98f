import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertSubject } from '../../../../preload/contract/alerts.ts';

/** The portfolio page's address for a loan (its detail panel) or a borrower (the loans filtered by it). */
function portfolioAddress(subject: AlertSubject): string | null {
  if (subject.type === 'loan') return `/portfolio?${new URLSearchParams({ loan: subject.id }).toString()}`;
  if (subject.type === 'borrower') return `/portfolio?${new URLSearchParams({ borrower: subject.id }).toString()}`;
  return null;
}

/** A subject (loan, borrower, account, …) by its type and id; loans and borrowers link to the portfolio. */
export function EntityLink({ subject }: { subject: AlertSubject }) {
  const { t } = useTranslation();
  const to = portfolioAddress(subject);
  const label = (
    <>
      {t(`cases.entities.types.${subject.type}`)} <span className="mono">{subject.id}</span>
    </>
  );
  return to ? (
    <Link to={to} className="entity-link" data-testid="entity-link">
      {label}
    </Link>
  ) : (
    <span className="entity">{label}</span>
  );
}
