// Crash safety under kill -9 (issue 14 §1): the real CLI killed with SIGKILL at seeded random moments during each
// kind of command, and after every kill the checks of kill-trials.ts and kill-kinds.ts. Prints per kind the kills
// tried, how many the signal ended (the rest finished first), the states found, the survivors and the leftovers,
// and every failure with the seed that reproduces it. Exits 1 on any failure.
//
//   node --import tsx tests/soak/kill-cli.ts [--kills 50] [--kinds import,backup] [--seed 1] [--rows 150000]
//
// Kinds: import, demo, credit-run, fraud-run, backup, restore, rekey, evidence-export. A failure's seed reruns alone with
// `--kinds KIND --seed SEED --kills 1` (the moment is the same; what the process had reached by then may not be).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KILL_KINDS, killKind, writeBorrowersCsv } from './kill-kinds.ts';
import { type KindTally, runKillTrials } from './kill-trials.ts';
import { prepareBaseWorkspaces } from './kill-workspaces.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    kinds: { type: 'string', default: KILL_KINDS.map((k) => k.name).join(',') },
    seed: { type: 'string', default: '1' },
    rows: { type: 'string', default: '150000' },
  },
});
const kinds = values.kinds.split(',').map((name) => killKind(name.trim()));
const kills = Number(values.kills);
const seed = Number(values.seed);
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskdesk-kill-'));
log(`working in ${dir}`);
const borrowersCsv = path.join(dir, 'borrowers.csv');
writeBorrowersCsv(borrowersCsv, Number(values.rows));
// Backups, restores and exports run on the demo portfolio too, so that they take long enough to be killed half-way.
const bases = await prepareBaseWorkspaces(dir, { demo: true });
log('base workspaces ready');

const tallies: KindTally[] = [];
for (const kind of kinds) {
  const tally = await runKillTrials(kind, bases, { borrowersCsv }, { kills, seed, dir, log });
  tallies.push(tally);
  log(`${tally.kind}: ${tally.survived}/${tally.tried} survived`);
}

console.log('\nkind             usual ms  tried  killed  as-before  as-after  survived  failed  leftovers');
for (const t of tallies) {
  const leftovers = Object.entries(t.leftovers).map(([name, n]) => `${name}×${n}`).join(' ') || '-';
  console.log(
    `${t.kind.padEnd(16)} ${String(t.usualMs).padStart(8)}  ${String(t.tried).padStart(5)}  ${String(t.killed).padStart(6)}  ${String(t.asBefore).padStart(9)}  ${String(t.asAfter).padStart(8)}  ${String(t.survived).padStart(8)}  ${String(t.failures.length).padStart(6)}  ${leftovers}`,
  );
}
const failures = tallies.flatMap((t) => t.failures.map((f) => ({ kind: t.kind, ...f })));
for (const f of failures) console.log(`FAILED ${f.kind} --seed ${f.seed} (kill at ${f.delayMs} ms): ${f.problems.join('; ')} [kept ${f.dir}]`);
if (failures.length === 0) fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = failures.length ? 1 : 0;
