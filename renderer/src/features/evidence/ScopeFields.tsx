import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import { SCOPE_ID_LISTS, type ScopeForm } from './evidence-scope.ts';

interface Props {
  readonly form: ScopeForm;
  readonly problems: ReadonlyMap<string, string>;
  readonly onChange: (form: ScopeForm) => void;
}

/** The period of a pack and the ids that narrow it, each with what is wrong with it. */
export function ScopeFields({ form, problems, onChange }: Props) {
  const { t } = useTranslation();
  const set = (key: keyof ScopeForm, value: string) => onChange({ ...form, [key]: value });
  return (
    <>
      <div className="form-row">
        <Field label={t('evidence.scope.from')} problem={problems.get('from')}>
          <input type="date" required value={form.from} onChange={(event) => set('from', event.target.value)} autoFocus />
        </Field>
        <Field label={t('evidence.scope.to')} problem={problems.get('to')}>
          <input type="date" required value={form.to} onChange={(event) => set('to', event.target.value)} />
        </Field>
      </div>
      <p className="muted small">{t('evidence.scope.periodHint')}</p>
      <p className="muted small">{t('evidence.scope.idsHint')}</p>
      <div className="form-row">
        {SCOPE_ID_LISTS.map((list) => (
          <Field key={list} label={t(`evidence.scope.${list}`)} problem={problems.get(list)}>
            <input value={form[list]} onChange={(event) => set(list, event.target.value)} className="mono" inputMode="numeric" placeholder="12, 15" spellCheck={false} />
          </Field>
        ))}
      </div>
    </>
  );
}
