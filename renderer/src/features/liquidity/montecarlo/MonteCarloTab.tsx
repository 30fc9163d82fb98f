import { useTranslation } from 'react-i18next';
import type { LiquidityParameterSet, MonteCarloRequest } from '../../../../../preload/contract/liquidity.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { refusalProblems } from '../../../components/field-problems.ts';
import { JobProgress } from '../../../components/JobProgress.tsx';
import { resultOf } from '../../../jobs/job-result.ts';
import { useJobRunner } from '../../../jobs/jobs-context.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { MonteCarloForm } from './MonteCarloForm.tsx';
import { SimulationList } from './SimulationList.tsx';
import { SimulationView } from './SimulationView.tsx';

interface Props {
  readonly sets: readonly LiquidityParameterSet[] | null;
  readonly simulation: number | null;
  readonly onSimulation: (simulationId: number) => void;
}

/** Monte Carlo: a new simulation (analysts start engine runs) with its progress, the stored ones, and one of them in full. */
export function MonteCarloTab({ sets, simulation, onSimulation }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const runner = useJobRunner();
  const simulations = useCall(() => api.call('liquidity.simulations'), []);
  const running = runner.jobId !== null && !runner.entry?.finished;
  const shown = simulations.data ? (simulations.data.find((entry) => entry.simulationId === simulation) ?? simulations.data[0]) : undefined;

  const start = async (request: MonteCarloRequest) => {
    const done = await runner.start(() => api.call('liquidity.startMonteCarlo', request));
    if (!done || done.error) return;
    simulations.reload();
    const stored = resultOf(done, 'liquidity-monte-carlo');
    if (stored) onSimulation(stored.simulationId);
  };

  return (
    <div className="credit-stack">
      {allows(user.role, 'runs.start') ? (
        <div className="credit-stack" data-testid="monte-carlo-start">
          <MonteCarloForm defaults={sets?.find((set) => set.status === 'active')?.parameters.monteCarlo} running={running} refusal={runner.startError} onStart={(request) => void start(request)} />
          {runner.jobId && <JobProgress jobId={runner.jobId} />}
          {/* A refusal that names fields is shown at them, in the form. */}
          <ErrorNotice error={refusalProblems(runner.startError).size > 0 ? null : runner.startError} />
        </div>
      ) : (
        <p className="muted small">{t('liquidity.monteCarlo.analystsRun')}</p>
      )}
      <ErrorNotice error={simulations.error} />
      {simulations.data && <SimulationList simulations={simulations.data} selected={shown?.simulationId ?? null} onSelect={onSimulation} />}
      {shown && <SimulationView simulation={shown} />}
    </div>
  );
}
