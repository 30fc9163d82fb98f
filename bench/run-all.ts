// `npm run bench [-- name …]`: runs every bench/*.ts script (or those whose file name contains one of
// the given names) one after another, each in its own Node process so that one benchmark's heap and JIT
// state do not colour the next one's numbers. Exits non-zero if any of them failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

const scripts = readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') && name !== self)
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (scripts.length === 0) {
  console.log(filters.length === 0 ? 'No benchmarks in bench/ yet.' : `No benchmark in bench/ matches ${filters.join(', ')}.`);
} else {
  const failed: string[] = [];
  for (const script of scripts) {
    console.log(`\n=== bench/${script}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, script)], { stdio: 'inherit' });
    if (run.status !== 0) failed.push(`${script} (${run.signal ?? `exit ${run.status}`})`);
  }
  console.log(`\n${scripts.length - failed.length} of ${scripts.length} benchmarks ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}.`);
  if (failed.length > 0) process.exitCode = 1;
}
