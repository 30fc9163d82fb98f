import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Case } from '../../../../preload/contract/cases.ts';
import { allows, type Role } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { useCaseChange } from './case-change.ts';

/** Whether the user may regroup this case's alerts: a role that works cases, on a case that is not closed. */
export function canRegroup(role: Role, item: Case): boolean {
  return allows(role, 'cases.edit') && item.status !== 'closed';
}

/**
 * Regrouping by hand: merge another case into this one (its alerts move here and it closes as merged), or move the
 * alerts ticked in the alert list out into a new case, which then opens. Main refuses what the workflow does not
 * allow (another type, a closed case, every alert moved out) and its message shows here.
 */
export function CaseRegroup({ item, selected, onMoved }: { item: Case; selected: readonly number[]; onMoved: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useCaseChange();
  const split = useCaseChange();
  const [fromText, setFromText] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [title, setTitle] = useState('');

  const from = Number(fromText.trim());
  const fromValid = fromText.trim() !== '' && Number.isInteger(from) && from > 0;

  const askMerge = (event: FormEvent) => {
    event.preventDefault();
    if (fromValid) setConfirming(from);
  };
  const doMerge = async (source: number) => {
    if (await merge.change(() => api.call('cases.merge', { into: item.caseId, from: source }))) setFromText('');
    setConfirming(null);
  };
  const doSplit = async (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim();
    if (!name || selected.length === 0) return;
    const created: { caseId?: number } = {};
    const moved = await split.change(async () => {
      created.caseId = (await api.call('cases.split', { caseId: item.caseId, alertIds: [...selected], title: name })).caseId;
    });
    if (moved && created.caseId !== undefined) {
      setTitle('');
      onMoved();
      void navigate(`/cases/${created.caseId}`);
    }
  };

  return (
    <section className="panel" aria-labelledby="case-regroup" data-testid="case-regroup">
      <h2 id="case-regroup">{t('cases.regroup.title')}</h2>
      <form className="inline-form" onSubmit={askMerge} data-testid="case-merge">
        <Field label={t('cases.regroup.mergeLabel')}>
          <input className="input-narrow" inputMode="numeric" value={fromText} onChange={(event) => setFromText(event.target.value)} placeholder={t('cases.regroup.mergePlaceholder')} disabled={confirming !== null} />
        </Field>
        <button type="submit" className="button button-small" disabled={!fromValid || merge.busy || confirming !== null}>
          {t('cases.regroup.merge')}
        </button>
      </form>
      {confirming !== null && (
        <div className="notice" role="alertdialog" aria-labelledby="case-merge-confirm" data-testid="case-merge-confirm">
          <p id="case-merge-confirm">{t('cases.regroup.mergeConfirm', { from: confirming, into: item.caseId })}</p>
          <div className="form-actions">
            <button type="button" className="button button-small button-primary" disabled={merge.busy} onClick={() => void doMerge(confirming)}>
              {t('cases.regroup.mergeYes')}
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice error={merge.error} />
      <form className="inline-form" onSubmit={(event) => void doSplit(event)} data-testid="case-split">
        <Field label={t('cases.regroup.splitLabel')} hint={t('cases.regroup.splitHint', { count: selected.length })}>
          <input className="input-wide" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} placeholder={t('cases.regroup.splitPlaceholder')} />
        </Field>
        <button type="submit" className="button button-small" disabled={selected.length === 0 || title.trim() === '' || split.busy}>
          {t('cases.regroup.split', { count: selected.length })}
        </button>
      </form>
      <ErrorNotice error={split.error} />
    </section>
  );
}
