/**
 * A burst of parallel wrong passphrases through the API, as the hostile test sent them (16 session.unlock calls
 * at once), against one wrong passphrase on its own as the baseline. With the real throttle (its real delays).
 *
 *   ./node_modules/.bin/node --import tsx bench/unlock-flood.ts [--calls 16]
 *
 * Prints when each answer came and what it was, how many scrypt runs overlapped (from the answers' codes: the
 * throttle checks one at a time), and peak RSS above the process's size before the burst. Figures only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { folderFileAccess } from '../main/services/api/file-access.ts';
import { createApiService, fixedWorkspaceLocator } from '../main/services/api/api-service.ts';
import { createWorkspace } from '../main/services/workspace-service.ts';
import { UnlockThrottle } from '../main/store/unlock-throttle.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '16' } } });
const calls = Number(values.calls);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskdesk-bench-unlock-'));
const file = path.join(dir, 'flood.rdw');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

try {
  (await createWorkspace({ path: file, username: 'admin', passphrase: 'bench passphrase 2026' })).close();

  /** A fresh service and throttle per phase, and a fresh failure count, so each phase starts from no failures. */
  async function burst(count: number): Promise<{ ms: number; answers: { code: string; atMs: number }[]; peakAbove: number }> {
    fs.rmSync(`${file}.unlock-failures`, { force: true });
    const api = createApiService({ workspaces: fixedWorkspaceLocator(file), files: folderFileAccess(dir), throttle: new UnlockThrottle() });
    global.gc?.();
    const before = process.memoryUsage().rss;
    peak = before;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: count }, async () => {
        const outcome = await api.call('session.unlock', { passphrase: 'not the passphrase' });
        return { code: outcome.ok ? 'UNLOCKED' : outcome.error.code, atMs: performance.now() - started };
      }),
    );
    const ms = performance.now() - started;
    await api.close();
    return { ms, answers, peakAbove: peak - before };
  }

  const single = await burst(1);
  const flood = await burst(calls);
  const byCode = new Map<string, number[]>();
  for (const answer of flood.answers) byCode.set(answer.code, [...(byCode.get(answer.code) ?? []), answer.atMs]);
  console.log(`one wrong passphrase (baseline): answered in ${(single.ms / 1000).toFixed(1)} s, peak RSS +${mb(single.peakAbove)}`);
  console.log(`${calls} at once: all answered in ${(flood.ms / 1000).toFixed(1)} s (${(flood.ms / single.ms).toFixed(1)} × the baseline), peak RSS +${mb(flood.peakAbove)} (${(flood.peakAbove / Math.max(single.peakAbove, 1)).toFixed(2)} × the baseline's)`);
  for (const [code, times] of byCode) console.log(`  ${code}: ${times.length}, answered at ${times.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}`);
} finally {
  clearInterval(sampler);
  fs.rmSync(dir, { recursive: true, force: true });
}
