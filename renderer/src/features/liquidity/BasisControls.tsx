import { useTranslation } from 'react-i18next';
import type { LiquidityParameterSet } from '../../../../preload/contract/liquidity.ts';
import { Field } from '../../components/Field.tsx';
import type { PositionBasis } from './liquidity-address.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDate } from '../../format/dates.ts';

interface Props {
  readonly basis: PositionBasis;
  readonly sets: readonly LiquidityParameterSet[];
  readonly onChange: (basis: PositionBasis) => void;
  /** What main computed for (the lines' latest date and the active version, when the basis leaves them open). */
  readonly computed?: { readonly asOf: string; readonly parameterVersion: number; readonly lines?: number } | undefined;
}

/** The date and parameter set version the position, the ratios and the scenarios are computed for. */
export function BasisControls({ basis, sets, onChange, computed }: Props) {
  const { locale } = usePreferences();
  const { t } = useTranslation();
  return (
    <div className="form-row liquidity-basis" data-testid="liquidity-basis">
      <Field label={t('liquidity.basis.asOf')}>
        <input type="date" value={basis.asOf ?? ''} onChange={(event) => onChange({ ...basis, asOf: event.target.value === '' ? null : event.target.value })} />
      </Field>
      <Field label={t('liquidity.basis.version')}>
        <select className="version-picker" value={basis.version ?? ''} onChange={(event) => onChange({ ...basis, version: event.target.value === '' ? null : Number(event.target.value) })}>
          <option value="">{t('liquidity.basis.activeVersion')}</option>
          {sets.map((set) => (
            <option key={set.version} value={set.version}>
              {t('liquidity.basis.versionOption', { version: set.version, status: t(`lifecycle.states.${set.status}`), note: set.note })}
            </option>
          ))}
        </select>
      </Field>
      {computed && (
        <p className="muted small" data-testid="basis-computed">
          {computed.lines === undefined
            ? t('liquidity.basis.computedFor', { asOf: formatDate(computed.asOf, locale), version: computed.parameterVersion })
            : t('liquidity.basis.computedForLines', { asOf: formatDate(computed.asOf, locale), version: computed.parameterVersion, count: computed.lines })}
        </p>
      )}
    </div>
  );
}
