// Monte Carlo simulations in the store on a real encrypted database: stored whole, tied to the parameter set version
// they ran under, listed newest first.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { MonteCarloResult } from '../../preload/contract/liquidity.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { insertSimulation, listSimulations } from './liquidity-simulations.ts';

function result(paths: number, parameterVersion: number): MonteCarloResult {
  return {
    asOf: '2024-03-31',
    currency: 'CNY',
    parameterVersion,
    paths,
    days: 2,
    seed: 7,
    blockDays: 1,
    outflowMultiplier: 1,
    subscriptionFactor: 1,
    products: ['mmf_t0'],
    historyDays: 30,
    buffer: 1234.56,
    survivalHistogram: [1, 0],
    survived: paths - 1,
    survival30: (paths - 1) / paths,
    reserve: [{ level: 0.99, value: 10.5, low: 9, high: 12 }],
    fan: [{ day: 1, p1: -1, p5: 0, p25: 1, p50: 2, p75: 3, p95: 4, p99: 5.25 }],
  };
}

describe('liquidity simulations', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-liquidity-store-');
  });
  afterEach(() => temp.dispose());

  it('stores a simulation whole with its version, numbers it, and lists newest first', () => {
    assert.deepEqual(listSimulations(temp.db), []);
    const first = insertSimulation(temp.db, { parameterVersion: 1, asOf: '2024-03-31', startedBy: 'ana', finishedAt: '2026-12-05T09:00:00.000Z', result: result(100, 1) });
    assert.deepEqual(first, { simulationId: 1, startedBy: 'ana', finishedAt: '2026-12-05T09:00:00.000Z', result: result(100, 1) });
    const second = insertSimulation(temp.db, { parameterVersion: 1, asOf: '2024-03-31', startedBy: 'cole', finishedAt: '2026-12-05T10:00:00.000Z', result: result(200, 1) });
    assert.deepEqual(listSimulations(temp.db), [second, first]);
    assert.deepEqual(temp.db.prepare('SELECT parameter_version, as_of FROM liquidity_simulations WHERE simulation_id = 2').get(), { parameter_version: 1, as_of: '2024-03-31' });
    assert.throws(() => insertSimulation(temp.db, { parameterVersion: 9, asOf: '2024-03-31', startedBy: 'ana', finishedAt: 't', result: result(100, 9) }), /FOREIGN KEY constraint failed/);
    assert.equal(listSimulations(temp.db).length, 2);
  });
});
