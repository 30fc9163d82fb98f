/**
 * Demo generator benchmark: wall time, rows per second, peak RSS and file size per scale, each into a fresh
 * encrypted temporary workspace that is deleted afterwards.
 *
 *   ./node_modules/.bin/node --import tsx bench/demo.ts            # small and medium
 *   ./node_modules/.bin/node --import tsx bench/demo.ts --large    # also large (1M loans, 10M transactions)
 *
 * Each scale runs in its own child process, so that its peak RSS (process.resourceUsage().maxRSS) is its own.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../main/demo/generate-demo.ts';
import type { DemoScale } from '../preload/contract/vocabulary.ts';
import { isDemoScale } from '../main/demo/scales.ts';
import { createTempDatabase } from '../main/test-support/temp-database.ts';

const SEED = 1;
const AS_OF = '2025-06-30';

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function fileSize(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // no WAL file after a clean checkpoint
    }
  }
  return total;
}

function benchmarkOne(scale: DemoScale): void {
  const workspace = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
  try {
    const started = performance.now();
    const summary = generateDemo(workspace.db, { scale, seed: SEED, asOf: AS_OF });
    const seconds = (performance.now() - started) / 1000;
    const rows = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const { counts } = summary;
    console.log(
      `demo ${scale}: ${seconds.toFixed(1)} s, ${formatCount(rows)} rows, ${formatCount(rows / seconds)} rows/s, peak RSS ${formatCount(peakMb)} MB, ` +
        `file ${formatCount(fileSize(workspace.path) / 1024 / 1024)} MB ` +
        `(loans ${formatCount(counts.loans)}, performance ${formatCount(counts.performance)}, transactions ${formatCount(counts.transactions)}, labels ${formatCount(counts.labels)})`,
    );
  } finally {
    workspace.dispose();
  }
}

const args = process.argv.slice(2);
const childScale = args[0] === '--child' ? args[1] : undefined;
if (childScale !== undefined) {
  if (!isDemoScale(childScale)) throw new Error(`unknown scale ${childScale}`);
  benchmarkOne(childScale);
} else {
  const scales: DemoScale[] = args.includes('--large') ? ['small', 'medium', 'large'] : ['small', 'medium'];
  console.log(`demo generator benchmark: seed ${SEED}, as of ${AS_OF}, node ${process.version}`);
  for (const scale of scales) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', scale], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (child.status !== 0) console.log(`demo ${scale}: failed (exit ${child.status ?? child.signal})`);
  }
}
