import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiquidityParameterSet, StressScenario } from '../../../../../preload/contract/liquidity.ts';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { basisArgs, type PositionBasis } from '../liquidity-address.ts';
import { ScenarioFacts } from './ScenarioFacts.tsx';
import { StressResultView } from './StressResultView.tsx';

interface Props {
  readonly basis: PositionBasis;
  readonly sets: readonly LiquidityParameterSet[] | null;
  readonly scenario: string | null;
  readonly onScenario: (name: string) => void;
  readonly controls: (computed: { asOf: string; parameterVersion: number } | undefined) => ReactNode;
}

/** The parameter set the basis names: the version picked, else the active one. */
function setOf(sets: readonly LiquidityParameterSet[], version: number | null): LiquidityParameterSet | undefined {
  return version === null ? sets.find((set) => set.status === 'active') : sets.find((set) => set.version === version);
}

/**
 * A deterministic stress scenario of the chosen parameter set: its parameters, then, once run, its day-by-day result.
 * Scenarios are edited in the parameter set's draft (Parameters tab), like every other parameter.
 */
export function StressTab({ basis, sets, scenario, onScenario, controls }: Props) {
  const { t } = useTranslation();
  const set = sets ? setOf(sets, basis.version) : undefined;
  const scenarios: readonly StressScenario[] = set?.parameters.scenarios ?? [];
  const shown = scenarios.find((entry) => entry.name === scenario) ?? scenarios[0];
  // A scenario runs when asked (it reads every line and flow); a new pick clears the last one's result.
  const [requested, setRequested] = useState<string | null>(null);
  const result = useCall(() => (requested ? api.call('liquidity.stress', { scenario: requested, ...basisArgs(basis) }) : Promise.resolve(null)), [requested, basis.asOf, basis.version]);
  const run = () => (requested === shown?.name ? result.reload() : setRequested(shown?.name ?? null));

  return (
    <div className="credit-stack">
      {controls(result.data ?? undefined)}
      {sets && !set && <p className="notice">{t('liquidity.stress.noSet')}</p>}
      {shown && (
        <section className="panel" aria-labelledby="scenario-title">
          <div className="panel-head">
            <h2 id="scenario-title">{t('liquidity.stress.title')}</h2>
            <Field label={t('liquidity.stress.scenario')}>
              <select value={shown.name} onChange={(event) => {
                  setRequested(null);
                  onScenario(event.target.value);
                }} data-testid="scenario-picker">
                {scenarios.map((entry) => (
                  <option key={entry.name} value={entry.name}>
                    {entry.name}
                  </option>
                ))}
              </select>
            </Field>
            <button type="button" className="button button-primary" onClick={run} disabled={requested !== null && result.loading} data-testid="run-scenario">
              {requested !== null && result.loading ? t('liquidity.stress.running') : t('liquidity.stress.run')}
            </button>
          </div>
          <ScenarioFacts scenario={shown} />
        </section>
      )}
      <ErrorNotice error={result.error} />
      {result.data && <StressResultView result={result.data} />}
    </div>
  );
}
