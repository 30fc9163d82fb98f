import { useTranslation } from 'react-i18next';
import type { StoredSimulation } from '../../../../../preload/contract/liquidity.ts';
import { formatCount, formatPercent, formatTimestamp } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDate } from '../../../format/dates.ts';

interface Props {
  readonly simulations: readonly StoredSimulation[];
  readonly selected: number | null;
  readonly onSelect: (simulationId: number) => void;
}

/** The stored simulations, newest first; one opens below. */
export function SimulationList({ simulations, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <section className="panel" aria-labelledby="simulations-title">
      <h2 id="simulations-title">{t('liquidity.monteCarlo.pastTitle')}</h2>
      {simulations.length === 0 ? (
        <p className="muted">{t('liquidity.monteCarlo.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="simulation-list">
            <thead>
              <tr>
                <th scope="col">{t('liquidity.monteCarlo.simulation')}</th>
                <th scope="col">{t('liquidity.monteCarlo.asOf')}</th>
                <th scope="col" className="num">{t('liquidity.monteCarlo.fields.paths')}</th>
                <th scope="col" className="num">{t('liquidity.monteCarlo.fields.days')}</th>
                <th scope="col" className="num">{t('liquidity.monteCarlo.fields.seed')}</th>
                <th scope="col" className="num">{t('liquidity.monteCarlo.survival30Short')}</th>
                <th scope="col">{t('liquidity.monteCarlo.startedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {simulations.map((simulation) => (
                <tr key={simulation.simulationId} className={simulation.simulationId === selected ? 'row-selected' : undefined}>
                  <th scope="row">
                    <button type="button" className="link-button" aria-pressed={simulation.simulationId === selected} onClick={() => onSelect(simulation.simulationId)}>
                      #{simulation.simulationId}
                    </button>
                  </th>
                  <td>{formatDate(simulation.result.asOf, locale)}</td>
                  <td className="num">{formatCount(simulation.result.paths, locale)}</td>
                  <td className="num">{formatCount(simulation.result.days, locale)}</td>
                  <td className="num">{simulation.result.seed}</td>
                  <td className="num">{formatPercent(simulation.result.survival30, locale, 1)}</td>
                  <td>
                    {simulation.startedBy} · {formatTimestamp(simulation.finishedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
