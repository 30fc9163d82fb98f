import { useTranslation } from 'react-i18next';
import type { RuleSetVersion } from '../../../../preload/contract/fraud-rules.ts';
import { Field } from '../../components/Field.tsx';

interface Props {
  readonly label: string;
  readonly versions: readonly RuleSetVersion[];
  readonly value: number | null;
  readonly onChange: (version: number) => void;
  readonly testId?: string;
}

/** A choice of rule set version, each named with its status and note (cut to the picker's width: notes run long). */
export function VersionPicker({ label, versions, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Field label={label}>
      <select className="version-picker" value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))} data-testid={testId}>
        {versions.map((row) => (
          <option key={row.version} value={row.version}>
            {t('rules.diff.option', { version: row.version, status: t(`lifecycle.states.${row.status}`), note: row.note })}
          </option>
        ))}
      </select>
    </Field>
  );
}
