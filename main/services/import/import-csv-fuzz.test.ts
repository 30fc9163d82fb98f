import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '../../../bench/support/seeded-random.ts';
import { createFuzzWorkspace, type OutcomeClass, runHostileCase } from './fixtures/fuzz-import.ts';
import { FEATURE_NAMES, type HostileCase, hostileCase } from './fixtures/hostile-csv.ts';
import type { TestWorkspace } from './fixtures/test-workspace.ts';

// The fast share of the fuzz run: tests/soak/fuzz-csv-import.ts runs 10,000 and more cases the same way.
const CASES = 200;
// A seed whose cases try every feature (asserted below); it changed when loans and performance left the fuzzed kinds.
const SEED = 16;

let ws: TestWorkspace;
before(async () => {
  ws = await createFuzzWorkspace();
});
after(() => ws.close());

describe('importCsv under hostile CSV files', () => {
  it(`${CASES} seeded cases: each imports exactly its rows or is refused naming file, row and column; none crashes or imports in part`, async () => {
    const random = seededRandom(SEED);
    const outcomes: Record<OutcomeClass, number> = { imported: 0, refused: 0, defect: 0 };
    const tried = new Set<string>();
    const defects: string[] = [];
    for (let caseNumber = 0; caseNumber < CASES; caseNumber += 1) {
      const hostile = hostileCase(random, caseNumber);
      const { outcome, defect } = await runHostileCase(ws, hostile);
      outcomes[outcome] += 1;
      for (const feature of hostile.features) tried.add(feature);
      if (defect !== undefined) defects.push(`case ${caseNumber} (${hostile.kind}, ${hostile.features.join(' + ')}): ${defect}`);
    }
    assert.deepEqual(defects, []);
    assert.ok(outcomes.imported >= CASES / 5 && outcomes.refused >= CASES / 5, JSON.stringify(outcomes));
    assert.deepEqual(
      FEATURE_NAMES.filter((feature) => !tried.has(feature)),
      [],
      'every hostile feature was tried',
    );
  });

  it('the judge calls a wrong outcome a defect: a refusal of a file that should import, an import of one that should be refused', async () => {
    const file = (rows: string): Omit<HostileCase, 'expected'> => ({
      caseNumber: 1_000_000,
      kind: 'daily_flows',
      table: 'daily_flows',
      features: [],
      content: Buffer.from(`date,product,inflow,outflow\n${rows}`),
      encoding: 'utf-8',
    });
    const refused = await runHostileCase(ws, { ...file('2024-01-01,judge-a,NaN,1\n'), expected: { outcome: 'imported', rows: [], textColumn: 'product' } });
    assert.match(refused.defect ?? '', /^refused a file that should import: .*row 2, column inflow/s);
    const imported = await runHostileCase(ws, { ...file('2024-01-01,judge-b,1,1\n'), expected: { outcome: 'refused', at: null } });
    assert.equal(imported.defect, 'imported 1 rows of a file that should be refused');
    const misplaced = await runHostileCase(ws, { ...file('2024-01-01,judge-c,1,x\n'), expected: { outcome: 'refused', at: { row: 2, column: 'inflow' } } });
    assert.match(misplaced.defect ?? '', /^expected a problem at row 2, column inflow/);
    const misread = await runHostileCase(ws, { ...file('2024-01-01,judge-d,1,1\n'), expected: { outcome: 'imported', rows: [{ date: '2024-01-01', product: 'judge-D' }], textColumn: 'product' } });
    assert.equal(misread.defect, 'no row was stored under the key ["2024-01-01","judge-D"]');
  });
});
