/**
 * The long CSV import fuzz run (issue 14, §2): `node --import tsx tests/soak/fuzz-csv-import.ts [--cases N] [--seed S]`
 * (defaults 10000 and 1). Every case is a hostile file (main/services/import/fixtures/hostile-csv.ts) imported into
 * one real encrypted workspace; prints the cases per outcome and per hostile feature, and each defect with the
 * file kept for a look. Exits 1 on any defect: a crash, a partial import, a refusal that names no file, row or
 * column, a file that should have been refused imported or the other way round, or text stored other than written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../bench/support/seeded-random.ts';
import { createFuzzWorkspace, type OutcomeClass, runHostileCase } from '../../main/services/import/fixtures/fuzz-import.ts';
import { FEATURE_NAMES, hostileCase } from '../../main/services/import/fixtures/hostile-csv.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const cases = Number(values.cases);
const seed = Number(values.seed);
const OUTCOMES: readonly OutcomeClass[] = ['imported', 'refused', 'defect'];
const MAX_DEFECTS_SHOWN = 20;

const random = seededRandom(seed);
const ws = await createFuzzWorkspace();
const byOutcome = new Map<OutcomeClass, number>(OUTCOMES.map((o) => [o, 0]));
const byFeature = new Map<string, Map<OutcomeClass, number>>(['(none)', ...FEATURE_NAMES].map((f) => [f, new Map(OUTCOMES.map((o) => [o, 0]))]));
const defects: string[] = [];
let keptIn: string | null = null;
const started = performance.now();
try {
  for (let caseNumber = 0; caseNumber < cases; caseNumber += 1) {
    const hostile = hostileCase(random, caseNumber);
    const { outcome, defect } = await runHostileCase(ws, hostile);
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
    for (const feature of hostile.features.length === 0 ? ['(none)'] : hostile.features) {
      const counts = byFeature.get(feature);
      counts?.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
    if (defect !== undefined) {
      keptIn ??= mkdtempSync(join(tmpdir(), 'riskdesk-fuzz-defects-'));
      const kept = join(keptIn, `case-${caseNumber}.csv`);
      if (hostile.content !== 'directory') writeFileSync(kept, hostile.content);
      defects.push(`case ${caseNumber} (${hostile.kind}, ${hostile.encoding}, ${hostile.features.join(' + ') || 'no feature'}; ${kept}): ${defect}`);
    }
    if ((caseNumber + 1) % 1000 === 0) process.stderr.write(`${caseNumber + 1} cases, ${defects.length} defects, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
} finally {
  ws.close();
}

const seconds = (performance.now() - started) / 1000;
console.log(`CSV import fuzz: ${cases} cases, seed ${seed}, ${seconds.toFixed(1)} s (${(cases / seconds).toFixed(0)} cases/s)`);
console.log(`outcomes: ${OUTCOMES.map((o) => `${o} ${byOutcome.get(o) ?? 0}`).join(', ')}`);
console.log(`${'feature'.padEnd(24)}${OUTCOMES.map((o) => o.padStart(10)).join('')}`);
for (const [feature, counts] of byFeature) console.log(`${feature.padEnd(24)}${OUTCOMES.map((o) => String(counts.get(o) ?? 0).padStart(10)).join('')}`);
for (const defect of defects.slice(0, MAX_DEFECTS_SHOWN)) console.log(`DEFECT ${defect}`);
if (defects.length > MAX_DEFECTS_SHOWN) console.log(`… and ${defects.length - MAX_DEFECTS_SHOWN} more defects`);
process.exitCode = defects.length > 0 ? 1 : 0;
