import { appendAuditEvent, type AuditEventRow } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import { HAND_RULE_SET } from './fraud-test-data.ts';

/**
 * A workspace arranged around the edges of one period, November 2026 (UTC), for the evidence pack's payload tests:
 * things at 23:59:59.999Z on the last day are in, at 00:00:00.000Z the day after are out, a case closed the day before
 * the first day is out. Every row is written with its own timestamps, so the expected ids are listed by hand below.
 * Run on a createTempDatabase() (shipped SLA table, playbooks, rule set and liquidity parameters as version 1,
 * activated at 1970-01-01).
 */
export const PERIOD = { from: '2026-11-01', to: '2026-11-30' } as const;
const LAST_INSTANT = '2026-11-30T23:59:59.999Z';
const DAY_AFTER = '2026-12-01T00:00:00.000Z';
const FIRST_INSTANT = '2026-11-01T00:00:00.000Z';
const DAY_BEFORE = '2026-10-31T23:59:59.999Z';

/** What the period's default scope takes, by hand from the rows below. */
export const EXPECTED = {
  // 1 closed the day before; 4 opened the day after.
  cases: [2, 3, 5, 6, 7],
  // 1 and 4 are in cases out of scope; 8 was raised (unfiled) the instant before the period.
  alerts: [
    { alert_id: 2, case_id: 2 },
    { alert_id: 3, case_id: 3 },
    { alert_id: 5, case_id: 5 },
    { alert_id: 6, case_id: null },
    { alert_id: 9, case_id: 6 },
  ],
  // 7 was merged, without a disposition.
  dispositions: [5, 6],
  caseActions: [1, 3],
  caseNotes: [2, 3],
  // 1 finished the instant before, 5 the instant after, 4 is liquidity.
  runs: [2, 3],
  // v2 was retired by v3's activation at the period's first instant; v5 activated the instant after.
  ruleSetVersions: [3, 4],
  // model 1 in force until model 2's activation in the period; 3 is a draft.
  models: [1, 2],
  parameterSets: ['credit-parameter-set-v2', 'liquidity-parameter-set-v1', 'sla-table-v1', 'playbooks-v1'],
  // seq 3 at the first instant to seq 5 at the last.
  audit: { fromSeq: 3, toSeq: 5, events: 3, head: 6 },
} as const;

export const INJECTION_NOTE = '=HYPERLINK("http://x","click")\n**bold**, "quoted"';

function insertCases(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO cases (case_id, type, title, group_key, priority, status, assignee, created_at, updated_at, due_at, sla_version,
                        proposed_by, proposed_at, disposition, disposition_note, closed_by, closed_at, merged_into)
     VALUES (@id, 'fraud', @title, NULL, @priority, @status, @assignee, @created, @created, '2027-01-01T00:00:00.000Z', 1,
             @proposedBy, @proposedAt, @disposition, @note, @closedBy, @closedAt, @mergedInto)`,
  );
  const none = { assignee: null, proposedBy: null, proposedAt: null, disposition: null, note: null, closedBy: null, closedAt: null, mergedInto: null, priority: 'low' };
  const rows = [
    { ...none, id: 1, title: 'closed the day before', status: 'closed', created: '2026-10-01T08:00:00.000Z', proposedBy: 'ana', proposedAt: '2026-10-30T08:00:00.000Z', disposition: 'false_positive', closedBy: 'ana', closedAt: DAY_BEFORE },
    { ...none, id: 2, title: 'open since October', status: 'new', created: '2026-10-15T08:00:00.000Z' },
    { ...none, id: 3, title: 'opened at the last instant', status: 'new', created: LAST_INSTANT },
    { ...none, id: 4, title: 'opened the day after', status: 'new', created: DAY_AFTER },
    {
      ...none, id: 5, title: 'closed at the first instant', status: 'closed', priority: 'high', created: '2026-10-01T08:00:00.000Z',
      proposedBy: 'ana', proposedAt: '2026-10-31T08:00:00.000Z', disposition: 'confirmed_fraud', note: 'ring of three', closedBy: 'cole', closedAt: FIRST_INSTANT,
    },
    { ...none, id: 6, title: 'waiting for approval', status: 'pending_approval', assignee: 'ana', created: '2026-11-10T08:00:00.000Z', proposedBy: 'ana', proposedAt: '2026-11-20T08:00:00.000Z', disposition: 'monitoring' },
    { ...none, id: 7, title: 'merged into 6', status: 'closed', created: '2026-11-12T08:00:00.000Z', closedBy: 'ana', closedAt: '2026-11-20T09:00:00.000Z', mergedInto: 6 },
  ];
  for (const row of rows) insert.run(row);
}

function insertAlerts(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO alerts (alert_id, source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, raised_by, artefacts, explanation)
     VALUES (?, 'manual', 'manual.review', 'account', ?, 'medium', 1.5, 'open', 1, ?, ?, 'ana', '{}', '{"key":"manual.review","figures":[]}')`,
  );
  const file = db.prepare('INSERT INTO case_alerts (alert_id, case_id) VALUES (?, ?)');
  const alerts: [number, string, number | null][] = [
    [1, '2026-10-01T08:00:00.000Z', 1],
    [2, '2026-10-15T08:00:00.000Z', 2],
    [3, LAST_INSTANT, 3],
    [4, DAY_AFTER, 4],
    [5, '2026-10-01T08:00:00.000Z', 5],
    [6, '2026-11-15T08:00:00.000Z', null],
    [8, DAY_BEFORE, null],
    [9, '2026-11-12T08:00:00.000Z', 6],
  ];
  for (const [id, at, caseId] of alerts) {
    insert.run(id, `A${id}`, at, at);
    if (caseId !== null) file.run(id, caseId);
  }
}

function insertNotesAndActions(db: Db): void {
  const note = db.prepare('INSERT INTO case_notes (note_id, case_id, author, at, markdown) VALUES (?, ?, ?, ?, ?)');
  note.run(1, 1, 'ana', '2026-10-20T08:00:00.000Z', 'out of scope');
  note.run(2, 5, 'ana', '2026-10-21T08:00:00.000Z', INJECTION_NOTE);
  note.run(3, 6, 'ana', '2026-11-21T08:00:00.000Z', 'asked for documents');
  const action = db.prepare('INSERT INTO case_actions (action_id, case_id, action, subject_type, subject_id, note, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  action.run(1, 2, 'freeze_account', 'account', 'A2', 'frozen pending review', 'ana', '2026-11-02T08:00:00.000Z');
  action.run(2, 4, 'contact_borrower', null, null, 'out of scope', 'ana', '2026-12-02T08:00:00.000Z');
  action.run(3, 5, 'request_documents', null, null, 'statements', 'ana', '2026-10-25T08:00:00.000Z');
}

function insertRuns(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO runs (run_id, engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals)
     VALUES (?, ?, ?, '{"credit.model":1}', 'ana', ?, 'finished', ?, 'CNY', ?)`,
  );
  insert.run(1, 'credit', '2026-10-31', '2026-10-31T23:00:00.000Z', DAY_BEFORE, '{"loans":1,"eclMinor":100}');
  insert.run(2, 'credit', '2026-10-31', '2026-10-31T23:30:00.000Z', FIRST_INSTANT, '{"loans":2,"eclMinor":250}');
  insert.run(3, 'fraud', '2026-11-30', '2026-11-30T23:00:00.000Z', LAST_INSTANT, '{"flagged":3}');
  insert.run(4, 'liquidity', '2026-11-15', '2026-11-15T08:00:00.000Z', '2026-11-15T08:01:00.000Z', '{"lcr":1.2}');
  insert.run(5, 'fraud', '2026-11-30', '2026-11-30T23:30:00.000Z', DAY_AFTER, '{"flagged":4}');
}

/** The hand rule set with its review threshold raised to `review`: consecutive versions differ in thresholds only. */
export function ruleSetWithReview(review: number): typeof HAND_RULE_SET {
  return { ...HAND_RULE_SET, thresholds: { review, block: 4 } };
}

function insertRuleSets(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, document)
     VALUES (?, ?, ?, 'cole', '2026-09-01T00:00:00.000Z', ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.prepare(`UPDATE fraud_rule_sets SET status = 'retired' WHERE version = 1`).run();
  const activated = (version: number, at: string, status = 'retired') =>
    insert.run(version, `v${version}`, status, 'cole', '2026-09-02T00:00:00.000Z', 'cara', '2026-09-03T00:00:00.000Z', 'cara', at, JSON.stringify(ruleSetWithReview(version)));
  activated(2, '2026-10-01T00:00:00.000Z');
  activated(3, FIRST_INSTANT);
  activated(4, LAST_INSTANT);
  activated(5, DAY_AFTER, 'active');
  insert.run(6, 'v6', 'draft', null, null, null, null, null, null, JSON.stringify(ruleSetWithReview(6)));
}

/** A development report as small as the card reads: one selected and one dropped feature, metrics, bands and curves. */
function modelReport(auc: number): Record<string, unknown> {
  const bins = [
    { label: '(-inf, 1000]', count: 40, events: 8, eventRate: 0.2, woe: -0.5, points: 20 },
    { label: '(1000, inf)', count: 60, events: 3, eventRate: 0.05, woe: 0.7, points: 45 },
  ];
  const binning = { name: 'income', type: 'numeric', bins: [{ label: '(-inf, 1000]', rule: { kind: 'interval', lower: null, upper: 1000 } }], specialValues: [] };
  const metrics = { auc, gini: 2 * auc - 1, ks: 0.4, brier: 0.1, rows: 70 };
  return {
    rows: 100,
    events: 11,
    trainingHash: 'h',
    sample: 'loans 90+ DPD within 12 months',
    features: [
      { name: 'income', type: 'numeric', iv: 0.3, ivBand: 'strong', selected: true, reason: null, bins, binning },
      { name: 'age', type: 'numeric', iv: 0.01, ivBand: 'useless', selected: false, reason: 'IV below 0.02', bins, binning: { ...binning, name: 'age' } },
    ],
    model: { status: 'converged', message: null, intercept: -2, coefficients: [{ feature: 'income', coef: 0.9, se: 0.1, pValue: 0.001 }], iterations: 6 },
    scaling: { pdo: 20, base_score: 600, base_odds: 50 },
    metrics: { train: metrics, holdout: { ...metrics, rows: 30 } },
    curves: { roc: { train: [{ x: 0, y: 0 }], holdout: null }, ks: { events: [], nonEvents: [] } },
    bands: { train: [{ band: '1', lower: null, upper: 600, rows: 50, events: 9, eventRate: 0.18, meanPd: 0.17 }], holdout: null },
    stability: null,
    scorecard: null,
  };
}

export const SCORECARD = { features: ['income'], binnings: [], woe: [[-0.5, 0.7]], intercept: -2, coefficients: [0.9], scaling: { pdo: 20, base_score: 600, base_odds: 50 } };

function insertModelsAndParameters(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO credit_models (model_id, name, status, training_hash, rows, features, metrics, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, scorecard, report)
     VALUES (?, ?, ?, 'h', 100, '["income"]', NULL, 'ana', '2026-08-01T00:00:00.000Z', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const scorecard = JSON.stringify(SCORECARD);
  insert.run(1, 'Retail 1', 'retired', 'ana', '2026-08-02T00:00:00.000Z', 'cole', '2026-08-03T00:00:00.000Z', 'cole', '2026-09-01T00:00:00.000Z', scorecard, JSON.stringify(modelReport(0.7)));
  insert.run(2, 'Retail 2', 'active', 'ana', '2026-11-02T00:00:00.000Z', 'cole', '2026-11-03T00:00:00.000Z', 'cole', '2026-11-15T00:00:00.000Z', scorecard, JSON.stringify(modelReport(0.75)));
  insert.run(3, 'Retail 3', 'draft', null, null, null, null, null, null, scorecard, JSON.stringify(modelReport(0.8)));
  const parameters = db.prepare(
    `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
     VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z', ?, '2026-01-01T00:00:00.000Z', ?, ?, ?)`,
  );
  // Version 1 retired the instant the period began (its successor's activation): out.
  parameters.run(1, 'first', 'retired', 'system', 'system', 'system', '2026-01-01T00:00:00.000Z', '{"masterScale":[]}');
  parameters.run(2, 'second', 'active', 'cole', 'cara', 'cara', FIRST_INSTANT, '{"masterScale":[1]}');
}

/** Six events: two before the period, three in it (its first and last instants among them), one the day after. */
function appendAuditEvents(db: Db): AuditEventRow[] {
  const events: [string, string][] = [
    ['2026-10-01T00:00:00.000Z', 'credit model 1'],
    [DAY_BEFORE, 'case 1'],
    [FIRST_INSTANT, 'credit model 2'],
    ['2026-11-15T00:00:00.000Z', 'credit model 2'],
    [LAST_INSTANT, 'case 3'],
    [DAY_AFTER, 'case 4'],
  ];
  return events.map(([at, subject], i) => appendAuditEvent(db, { actor: 'ana', action: 'test.step', subject, details: { step: i + 1, note: 'ünïcode' }, at }));
}

/** Everything above, in one transaction. Returns the audit events as stored. */
export function insertEvidenceFixture(db: Db): AuditEventRow[] {
  return db.transaction(() => {
    insertCases(db);
    insertAlerts(db);
    insertNotesAndActions(db);
    insertRuns(db);
    insertRuleSets(db);
    insertModelsAndParameters(db);
    return appendAuditEvents(db);
  })();
}
