// 0090 adds one alerts table for every source, with one open alert per type and subject (the partial unique index
// emission upserts on): tested on a real encrypted file at schema 80 holding rows in every table, a finished run
// among them for alerts to refer to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALERT_SEVERITIES } from '../../../preload/contract/alerts.ts';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf, queryPlan as plan } from '../../test-support/schema-description.ts';
import type { Db } from '../database.ts';

const CHECK = /CHECK constraint failed/;

interface AlertColumns {
  source: string;
  type: string;
  subject_type: string;
  subject_id: string;
  severity: string;
  score: number | string | null;
  status: string;
  occurrences: number;
  run_id: number | null;
  last_run_id: number | null;
  raised_by: string | null;
  artefacts: string;
  explanation: string;
}

const CREDIT_ALERT: AlertColumns = {
  source: 'credit',
  type: 'credit.stage_migration',
  subject_type: 'loan',
  subject_id: 'L1',
  severity: 'high',
  score: 0.8,
  status: 'open',
  occurrences: 1,
  run_id: 1,
  last_run_id: 1,
  raised_by: null,
  artefacts: '{"credit.model":1,"credit.parameterSet":1}',
  explanation: '{"key":"credit.stage_migration","figures":[{"name":"stage","value":3,"previous":1}]}',
};

function insertAlert(db: Db, changes: Partial<AlertColumns> = {}): number {
  const row = { ...CREDIT_ALERT, ...changes };
  return Number(
    db
      .prepare(
        `INSERT INTO alerts (source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, run_id, last_run_id, raised_by, artefacts, explanation)
         VALUES (@source, @type, @subject_type, @subject_id, @severity, @score, @status, @occurrences, 't7', 't7', @run_id, @last_run_id, @raised_by, @artefacts, @explanation)`,
      )
      .run(row).lastInsertRowid,
  );
}

describe('migration 90 (alerts)', () => {
  it('keeps every row of schema 80, and starts with no alert', () => {
    const { db, before } = migratedWithSampleRows(90);
    assertRowsKept(db, before);
    assert.equal(db.prepare('SELECT count(*) FROM alerts').pluck().get(), 0);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  });

  it('makes the alerts table, linked to the runs that raised and last saw each alert, with the queue’s indexes', () => {
    const { db } = migratedWithSampleRows(90);
    assert.deepEqual(describeTable(db, 'alerts'), {
      columns: ['alert_id', 'source', 'type', 'subject_type', 'subject_id', 'severity', 'score', 'status', 'occurrences', 'created_at', 'last_seen_at', 'run_id', 'last_run_id', 'raised_by', 'artefacts', 'explanation'],
      notNull: ['source', 'type', 'subject_type', 'subject_id', 'severity', 'score', 'status', 'occurrences', 'created_at', 'last_seen_at', 'artefacts', 'explanation'],
      primaryKey: ['alert_id'],
      references: ['last_run_id → runs.run_id', 'run_id → runs.run_id'],
    });
    assert.deepEqual(indexesOf(db, 'alerts'), {
      alerts_open_subject: 'type, subject_type, subject_id (unique, partial)',
      alerts_queue: 'status, severity_rank, created_at',
      alerts_subject: 'subject_type, subject_id',
    });
    insertAlert(db);
    assert.throws(() => insertAlert(db, { subject_id: 'L2', run_id: 9, last_run_id: 9 }), /FOREIGN KEY constraint failed/);
    assert.throws(() => db.prepare('DELETE FROM runs WHERE run_id = 1').run(), /FOREIGN KEY constraint failed/);
  });

  it('holds one open alert per type and subject; a closed one leaves room for the next', () => {
    const { db } = migratedWithSampleRows(90);
    const first = insertAlert(db);
    assert.throws(() => insertAlert(db), /UNIQUE constraint failed: alerts.type, alerts.subject_type, alerts.subject_id/);
    insertAlert(db, { subject_id: 'L2' });
    insertAlert(db, { type: 'credit.dpd_crossing' });
    db.prepare(`UPDATE alerts SET status = 'closed' WHERE alert_id = ?`).run(first);
    insertAlert(db);
    insertAlert(db, { status: 'closed' });
    assert.equal(db.prepare(`SELECT count(*) FROM alerts WHERE type = 'credit.stage_migration' AND subject_id = 'L1'`).pluck().get(), 3);
  });

  it('refuses what is outside the vocabularies, a type outside its source, and JSON that is not an object of the right shape', () => {
    const { db } = migratedWithSampleRows(90);
    const refused: Partial<AlertColumns>[] = [
      { source: 'rumour', type: 'rumour.x' },
      { subject_type: 'planet' },
      { subject_id: '' },
      { severity: 'urgent' },
      { severity: 'High' },
      { status: 'snoozed' },
      { occurrences: 0 },
      { score: 'high' },
      { type: 'fraud.stage_migration' },
      { type: 'credit' },
      { type: 'credit.' },
      { type: 'credit.Stage' },
      { type: 'credit.stage-migration' },
      { type: 'credit..stage' },
      { type: 'credit.1stage' },
      { type: `credit.${'x'.repeat(100)}` },
      { artefacts: '[1]' },
      { artefacts: 'not json' },
      { explanation: 'a loan moved to stage 3' },
      { explanation: '{"figures":[]}' },
      { explanation: '{"key":"k","figures":{}}' },
      { explanation: '["credit.stage_migration"]' },
    ];
    for (const changes of refused) assert.throws(() => insertAlert(db, changes), CHECK, JSON.stringify(changes));
    // NaN reaches SQLite as NULL.
    assert.throws(() => insertAlert(db, { score: Number.NaN }), /NOT NULL constraint failed: alerts.score/);
    // A manual alert names who raised it and has no run; an engine's alert has a run (first and last) and no author.
    assert.throws(() => insertAlert(db, { source: 'manual', type: 'manual.review', run_id: null, last_run_id: null }), CHECK);
    assert.throws(() => insertAlert(db, { source: 'manual', type: 'manual.review', raised_by: 'ana' }), CHECK);
    assert.throws(() => insertAlert(db, { raised_by: 'ana' }), CHECK);
    assert.throws(() => insertAlert(db, { last_run_id: null }), CHECK);
    insertAlert(db, { source: 'manual', type: 'manual.review', run_id: null, last_run_id: null, raised_by: 'ana', artefacts: '{}', explanation: '{"key":"manual.review","figures":[],"note":"call them"}' });
    insertAlert(db, { type: 'credit.grade_drop_2', subject_type: 'borrower', subject_id: 'B1', severity: 'critical' });
  });

  it('ranks severities in the vocabulary’s order, and reads the open queue by severity and age from its index', () => {
    const { db } = migratedWithSampleRows(90);
    ALERT_SEVERITIES.forEach((severity, index) => insertAlert(db, { severity, subject_id: `L${index}` }));
    assert.deepEqual(db.prepare('SELECT severity, severity_rank FROM alerts ORDER BY severity_rank').all(), ALERT_SEVERITIES.map((severity, index) => ({ severity, severity_rank: index + 1 })));
    assert.deepEqual(plan(db, `SELECT alert_id FROM alerts WHERE status = 'open' ORDER BY severity_rank DESC, created_at DESC, alert_id DESC LIMIT 100`), [
      'SEARCH alerts USING INDEX alerts_queue (status=?)',
    ]);
    assert.deepEqual(plan(db, `SELECT alert_id, severity FROM alerts WHERE subject_type = 'loan' AND subject_id = 'L1'`), ['SEARCH alerts USING INDEX alerts_subject (subject_type=? AND subject_id=?)']);
  });
});
