// 0160 adds past evidence exports, kept risk reports and the report schedule: tested on a real encrypted file at
// schema 150 holding rows in every table that had sample rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, databaseAtSchema, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf } from '../../test-support/schema-description.ts';

const CHECK = /CHECK constraint failed/;
const HEX = (c: string) => c.repeat(64);

describe('migration 160 (evidence packs and risk reports)', () => {
  it('keeps every row of schema 150 and adds none of its own', () => {
    const { db, before } = migratedWithSampleRows(160);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([, rows]) => rows.length > 0)));
    for (const table of ['evidence_exports', 'risk_reports', 'report_schedule']) assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
  });

  it('makes the three tables, keyed as described', () => {
    const { db } = databaseAtSchema(160, { sampleRows: false });
    assert.deepEqual(describeTable(db, 'evidence_exports').primaryKey, ['export_id']);
    assert.deepEqual(describeTable(db, 'risk_reports'), {
      columns: ['report_id', 'period', 'language', 'generated_at', 'generated_by', 'scheduled', 'figures', 'pdf', 'sha256'],
      notNull: ['period', 'language', 'generated_at', 'generated_by', 'scheduled', 'figures', 'pdf', 'sha256'],
      primaryKey: ['report_id'],
      references: [],
    });
    assert.deepEqual(indexesOf(db, 'risk_reports'), { risk_reports_one_scheduled: 'period, language (unique, partial)' });
    assert.deepEqual(describeTable(db, 'report_schedule').primaryKey, ['id']);
    assert.equal(indexesOf(db, 'audit_events').audit_events_at, 'at');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT min(seq), max(seq) FROM audit_events WHERE at >= ? AND at < ?').all('a', 'b') as Array<{ detail: string }>;
    assert.ok(plan.some((step) => step.detail.includes('audit_events_at')), 'the slice of a period is found through the index');
  });

  it('holds exports to a JSON scope and full-length digests, reports to a PDF and one scheduled report per period and language, the schedule to one row', () => {
    const { db } = databaseAtSchema(160, { sampleRows: false });
    const exportRow = db.prepare(
      `INSERT INTO evidence_exports (file_name, scope, exported_by, exported_at, bytes, sha256, payload_files, payload_bytes, fingerprint, audit_head) VALUES ('p.zip', ?, 'aud', 't', 10, ?, 1, 5, ?, ?)`,
    );
    exportRow.run('{"from":"2024-01-01"}', HEX('a'), 'b'.repeat(16), HEX('c'));
    assert.throws(() => exportRow.run('[]', HEX('a'), 'b'.repeat(16), HEX('c')), CHECK);
    assert.throws(() => exportRow.run('{}', HEX('a'), HEX('b'), HEX('c')), CHECK, 'a fingerprint is 16 hex digits');
    assert.throws(() => exportRow.run('{}', 'abc', 'b'.repeat(16), HEX('c')), CHECK);

    const report = db.prepare(`INSERT INTO risk_reports (period, language, generated_at, generated_by, scheduled, figures, pdf, sha256) VALUES (?, ?, 't', 'u', ?, '{}', ?, ?)`);
    const pdf = Buffer.from('%PDF-1.7\n');
    report.run('2024-03', 'en', 1, pdf, HEX('d'));
    report.run('2024-03', 'en', 0, pdf, HEX('d'));
    report.run('2024-03', 'zh-CN', 1, pdf, HEX('d'));
    report.run('2024-W09', 'en', 1, pdf, HEX('d'));
    assert.throws(() => report.run('2024-03', 'en', 1, pdf, HEX('d')), /UNIQUE constraint failed/, 'one scheduled report per period and language');
    assert.throws(() => report.run('2024-13-01', 'en', 0, pdf, HEX('d')), CHECK);
    assert.throws(() => report.run('2024-04', 'fr', 0, pdf, HEX('d')), CHECK);
    assert.throws(() => report.run('2024-04', 'en', 0, Buffer.from('not a pdf'), HEX('d')), CHECK);
    assert.throws(() => report.run('2024-04', 'en', 0, '%PDF-1.7 as text', HEX('d')), CHECK);

    const schedule = db.prepare(`INSERT INTO report_schedule (id, frequency, language, set_by, set_at) VALUES (?, ?, 'en', 'cara', 't')`);
    schedule.run(1, 'weekly');
    assert.throws(() => schedule.run(2, 'weekly'), CHECK);
    assert.throws(() => db.prepare(`UPDATE report_schedule SET frequency = 'daily'`).run(), CHECK);
  });
});
