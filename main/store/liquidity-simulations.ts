import type { MonteCarloResult, StoredSimulation } from '../../preload/contract/liquidity.ts';
import type { Db } from './database.ts';

/** Monte Carlo simulations as stored (migration 150): each whole, with the parameter set version it ran under. */
export interface NewSimulation {
  readonly parameterVersion: number;
  readonly asOf: string;
  readonly startedBy: string;
  readonly finishedAt: string;
  readonly result: MonteCarloResult;
}

interface SimulationRow {
  readonly simulationId: number;
  readonly startedBy: string;
  readonly finishedAt: string;
  readonly result: string;
}

const COLUMNS = 'simulation_id AS simulationId, started_by AS startedBy, finished_at AS finishedAt, result';

function present(row: SimulationRow): StoredSimulation {
  return { simulationId: row.simulationId, startedBy: row.startedBy, finishedAt: row.finishedAt, result: JSON.parse(row.result) as MonteCarloResult };
}

export function insertSimulation(db: Db, simulation: NewSimulation): StoredSimulation {
  const row = db
    .prepare(`INSERT INTO liquidity_simulations (parameter_version, as_of, started_by, finished_at, result) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`)
    .get(simulation.parameterVersion, simulation.asOf, simulation.startedBy, simulation.finishedAt, JSON.stringify(simulation.result)) as SimulationRow;
  return present(row);
}

/** Newest first. */
export function listSimulations(db: Db): StoredSimulation[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM liquidity_simulations ORDER BY simulation_id DESC`).all() as SimulationRow[]).map(present);
}
