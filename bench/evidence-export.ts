/**
 * An evidence pack of a scope of 1M alerts (issue 13): the export (risk report, every payload file streamed into a
 * deflated, hashed, signed BagIt zip) against writing the same payload files alone as plain files (the baseline), with
 * the peak RSS of each. Figures only: no timed assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/evidence-export.ts [--alerts 1000000] [--per-case 10]
 *
 * The workspace is a temp encrypted database (test-support/temp-database.ts) holding `--alerts` manual alerts raised in
 * November 2026, filed `--per-case` to a case, each case with a note; the scope is that month.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { evidencePayloadFiles } from '../main/services/evidence/evidence-payload.ts';
import { previewEvidence, writeEvidencePack } from '../main/services/evidence/evidence-service.ts';
import { openReadConnection } from '../main/store/read-connection.ts';
import { databaseContext } from '../main/test-support/service-context.ts';
import { createTempDatabase } from '../main/test-support/temp-database.ts';
import { EnginePool } from '../main/workers/pool.ts';

const { values } = parseArgs({ options: { alerts: { type: 'string', default: '1000000' }, 'per-case': { type: 'string', default: '10' } } });
const ALERTS = Number(values.alerts);
const PER_CASE = Number(values['per-case']);
const SCOPE = { from: '2026-11-01', to: '2026-11-30' };

const seconds = (from: number): number => (performance.now() - from) / 1000;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The highest RSS seen while `work` runs (sampled every 20 ms), which a process-wide maximum cannot give per phase. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: seconds(started), peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

const temp = createTempDatabase('riskdesk-bench-evidence-');
const pool = new EnginePool({ size: 1 });
const auditor = databaseContext(temp, { username: 'bench-auditor', role: 'auditor' }, { pool, now: () => new Date('2026-12-01T08:00:00.000Z') });
try {
  let started = performance.now();
  temp.db.transaction(() => {
    const caseRow = temp.db.prepare(
      `INSERT INTO cases (case_id, type, title, priority, status, alert_count, created_at, updated_at, due_at, sla_version) VALUES (?, 'manual', ?, 'medium', 'new', ?, ?, ?, ?, 1)`,
    );
    const note = temp.db.prepare(`INSERT INTO case_notes (case_id, author, at, markdown) VALUES (?, 'bench-analyst', ?, ?)`);
    const alert = temp.db.prepare(
      `INSERT INTO alerts (alert_id, source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, raised_by, artefacts, explanation)
       VALUES (?, 'manual', 'manual.review', 'account', ?, 'medium', 1.0, 'open', 1, ?, ?, 'bench-analyst', '{}', '{"key":"manual.review","figures":[]}')`,
    );
    const link = temp.db.prepare('INSERT INTO case_alerts (alert_id, case_id) VALUES (?, ?)');
    for (let id = 1; id <= ALERTS; id += 1) {
      const caseId = Math.ceil(id / PER_CASE);
      const at = new Date(Date.parse('2026-11-01T00:00:00.000Z') + ((id * 2_591_999_000) / ALERTS)).toISOString();
      if ((id - 1) % PER_CASE === 0) {
        caseRow.run(caseId, `Review account group ${caseId}`, PER_CASE, at, at, at);
        note.run(caseId, at, `Looked at the accounts of group ${caseId}; nothing unusual yet.`);
      }
      alert.run(id, `A${String(id).padStart(8, '0')}`, at, at);
      link.run(id, caseId);
    }
  })();
  console.log(`workspace: ${ALERTS.toLocaleString('en-US')} alerts in ${Math.ceil(ALERTS / PER_CASE).toLocaleString('en-US')} cases, written in ${seconds(started).toFixed(1)} s`);

  // The preview counts every file's rows in SQL on the caller's connection (main, in the app), before the job starts.
  const preview = await measured(() => Promise.resolve(previewEvidence(auditor, SCOPE)));
  console.log(`preview (row counts of ${preview.result.files.length} files): ${(preview.seconds * 1000).toFixed(0)} ms`);

  // The baseline: the same payload files, read the same way, written as plain files (no zip, no hashes, no report).
  const plainDir = fs.mkdtempSync(path.join(temp.dir, 'plain-'));
  const baseline = await measured(async () => {
    const db = openReadConnection({ path: temp.path, key: temp.key });
    try {
      db.exec('BEGIN');
      let bytes = 0;
      for (const file of evidencePayloadFiles(db, SCOPE, { exportedBy: 'bench-auditor', exportedAt: auditor.now().toISOString(), fingerprint: '0'.repeat(64), workspaceName: 'bench' })) {
        const target = path.join(plainDir, file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const out = fs.createWriteStream(target);
        for await (const chunk of file.content()) {
          bytes += Buffer.byteLength(chunk);
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        await new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve(undefined))));
      }
      return bytes;
    } finally {
      db.exec('COMMIT');
      db.close();
    }
  });
  console.log(`payload files alone (baseline): ${baseline.seconds.toFixed(1)} s, ${mb(baseline.result)} written, peak RSS ${mb(baseline.peakRss)}`);

  // Workers started before the clock, as the app has them.
  await pool.run('dashboard-summary', {}, { reader: { path: temp.path, key: temp.key } });
  started = performance.now();
  const out = path.join(temp.dir, 'pack.zip');
  const pack = await measured(() => writeEvidencePack(auditor, { scope: SCOPE, out }));
  console.log(
    `evidence pack: ${pack.seconds.toFixed(1)} s (${(pack.seconds / baseline.seconds).toFixed(2)}× the baseline), zip ${mb(pack.result.bytes)} of ${mb(pack.result.payloadBytes)} payload in ${pack.result.payloadFiles} files, peak RSS ${mb(pack.peakRss)}`,
  );
} finally {
  await pool.close();
  temp.dispose();
}
