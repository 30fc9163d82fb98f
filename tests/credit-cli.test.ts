// End-to-end tests of `riskdesk credit fit`: bin/riskdesk.mjs in a child process on a CSV, no workspace.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const DATA = fileURLToPath(new URL('fixtures/credit/credit_data.csv', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function riskdesk(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function json(run: Run): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line of JSON, got:\n${run.stdout}\nstderr:\n${run.stderr}`);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

function expectExit(run: Run, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

const dir = tempDir('riskdesk-credit-');

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface Metrics {
  auc: number;
  gini: number;
  ks: number;
  brier: number;
  rows: number;
}

describe('riskdesk credit fit', () => {
  it('fits a scorecard on credit_data.csv and prints the documented --json object', async () => {
    const run = await riskdesk(['credit', 'fit', '--csv', DATA, '--target', 'Status', '--event', 'bad', '--json']);
    expectExit(run, 0);
    const out = json(run) as {
      rows: number;
      events: number;
      features: { name: string; type: string; iv: number; selected: boolean; bins: { label: string; count: number; events: number; event_rate: number; woe: number; points: number | null }[] }[];
      model: { intercept: number; coefficients: { feature: string; coef: number; se: number }[]; converged: boolean; iterations: number };
      scaling: { pdo: number; base_score: number; base_odds: number };
      metrics: { train: Metrics; holdout: Metrics | null };
    };
    assert.equal(out.rows, 4454);
    assert.equal(out.events, 1254);
    assert.equal(out.features.length, 13);
    for (const feature of out.features) {
      assert.ok(feature.type === 'numeric' || feature.type === 'categorical');
      assert.ok(Number.isFinite(feature.iv) && feature.iv >= 0);
      assert.equal(feature.bins.reduce((s, b) => s + b.count, 0), 4454, feature.name);
      for (const bin of feature.bins) {
        assert.ok(Number.isFinite(bin.woe), `${feature.name} ${bin.label}`);
        assert.equal(bin.points === null, !feature.selected);
      }
    }
    assert.equal(out.features.find((f) => f.name === 'Home')?.type, 'categorical');
    assert.equal(out.features.find((f) => f.name === 'Age')?.type, 'numeric');
    assert.match(out.features.find((f) => f.name === 'Age')?.bins[0]?.label ?? '', /^\(-inf, \d+\]$/);
    assert.equal(out.model.converged, true);
    assert.equal(out.model.coefficients.length, out.features.filter((f) => f.selected).length);
    assert.ok(out.model.coefficients.every((c) => Number.isFinite(c.coef) && c.se > 0));
    assert.deepEqual(out.scaling, { pdo: 20, base_score: 600, base_odds: 50 });
    assert.ok(out.metrics.train.auc > 0.7 && out.metrics.train.auc < 0.9, `AUC ${out.metrics.train.auc}`);
    assert.ok(Math.abs(out.metrics.train.gini - (2 * out.metrics.train.auc - 1)) < 1e-12);
    assert.ok(out.metrics.train.ks > 0.3 && out.metrics.train.ks < 0.8);
    assert.ok(out.metrics.train.brier > 0 && out.metrics.train.brier < 0.25);
    assert.equal(out.metrics.holdout, null);
  });

  it('validates on a seeded holdout and writes scores.csv and woe.csv', async () => {
    const outDir = path.join(dir, 'fit');
    const args = ['credit', 'fit', '--csv', DATA, '--target', 'Status', '--holdout', '0.3', '--seed', '11', '--out', outDir, '--json'];
    const run = await riskdesk(args);
    expectExit(run, 0);
    const out = json(run) as { metrics: { train: Metrics; holdout: Metrics }; model: { coefficients: { feature: string }[] }; plaintext?: boolean };
    assert.equal(out.plaintext, true, 'the answer says the files written are plaintext');
    assert.equal(out.metrics.holdout.rows, Math.round(0.3 * 4454));
    assert.equal(out.metrics.train.rows + out.metrics.holdout.rows, 4454);
    assert.ok(out.metrics.holdout.auc > 0.7 && out.metrics.holdout.auc < 0.9);
    const scores = fs.readFileSync(path.join(outDir, 'scores.csv'), 'utf8').trim().split('\n');
    assert.equal(scores[0], 'row,set,event,score,pd');
    assert.equal(scores.length, 4455);
    assert.equal(scores.filter((line) => line.split(',')[1] === 'holdout').length, out.metrics.holdout.rows);
    const woe = fs.readFileSync(path.join(outDir, 'woe.csv'), 'utf8').trim().split('\n');
    assert.equal(woe[0], ['row', 'set', 'event', ...out.model.coefficients.map((c) => c.feature)].join(','));
    // The same seed gives the same split.
    const again = await riskdesk(args);
    expectExit(again, 0);
    assert.deepEqual(fs.readFileSync(path.join(outDir, 'scores.csv'), 'utf8').trim().split('\n'), scores);
  });

  it('fails clearly on an unreadable file, a missing target, a one-class target and an all-missing column', async () => {
    const cases: [string[], number, string, RegExp][] = [
      [['--csv', path.join(dir, 'nope.csv'), '--target', 'Status'], 1, 'FILE_UNREADABLE', /does not exist/],
      [['--csv', DATA, '--target', 'Outcome'], 1, 'INVALID_ARGUMENT', /no column "Outcome"/],
      [['--csv', writeCsv('one-class.csv', ['y,x', 'good,1', 'good,2', 'good,3']), '--target', 'y'], 1, 'INVALID_ARGUMENT', /one class/],
      [['--csv', writeCsv('empty-col.csv', ['y,x,z', 'bad,1,NA', 'good,2,', 'bad,3,NA']), '--target', 'y'], 1, 'INVALID_ARGUMENT', /"z" has no values/],
      [['--csv', DATA, '--target', 'Status', '--holdout', '0.3'], 2, 'USAGE', /--seed/],
      [['--csv', DATA, '--target', 'Status', '--holdout', '1.5', '--seed', '1'], 2, 'USAGE', /between 0 and 1/],
    ];
    for (const [args, code, errorCode, message] of cases) {
      const run = await riskdesk(['credit', 'fit', ...args, '--json']);
      expectExit(run, code);
      const out = json(run) as { ok: boolean; error: { code: string; message: string } };
      assert.equal(out.ok, false);
      assert.equal(out.error.code, errorCode, args.join(' '));
      assert.match(out.error.message, message);
    }
  });

  it('reports separation as such instead of printing diverging coefficients', async () => {
    // A categorical feature whose levels each hold one class: its WOE column (finite, by the 0.5 adjustment)
    // separates the target perfectly, so no finite maximum-likelihood fit exists.
    const lines = ['y,channel'];
    for (let i = 0; i < 200; i++) lines.push(i < 60 ? 'bad,web' : 'good,branch');
    const run = await riskdesk(['credit', 'fit', '--csv', writeCsv('separated.csv', lines), '--target', 'y', '--json']);
    expectExit(run, 1);
    const out = json(run) as { ok: boolean; error: { code: string; message: string; details: { status: string } } };
    assert.equal(out.error.code, 'MODEL_SEPARATION');
    assert.equal(out.error.details.status, 'separation');
    assert.match(out.error.message, /separated/);
  });

  it('says so when no feature is informative enough for the model', async () => {
    const lines = ['y,x'];
    for (let i = 0; i < 200; i++) lines.push(`${i % 2 === 0 ? 'bad' : 'good'},${Math.floor(i / 2)}`);
    const run = await riskdesk(['credit', 'fit', '--csv', writeCsv('noise.csv', lines), '--target', 'y', '--json']);
    expectExit(run, 0);
    const out = json(run) as { model: { coefficients: unknown[] }; notes: string[] };
    assert.equal(out.model.coefficients.length, 0);
    assert.ok(out.notes.some((note) => /intercept alone/.test(note)), out.notes.join('\n'));
  });
});
