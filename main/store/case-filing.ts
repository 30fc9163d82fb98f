import type { Db } from './database.ts';
import { playbookSets, slaTables } from './case-sets.ts';

/**
 * Filing alerts into cases, inside the transaction that emitted them (emitAlerts calls it): an alert joins the case
 * that is not closed for its type and grouping key, and opens one when there is none. The grouping rule per source:
 *
 * - credit: a loan's alerts by its borrower (a borrower's and the portfolio's by their subject);
 * - fraud: a transaction's alerts by its account, or by its ring when the run saw the account in one (fraud_run_flags);
 * - liquidity and manual: by their subject (a product, a portfolio, whatever a person raised it on).
 *
 * All of it is set-based SQL over the emitted ids (an engine may emit 100k alerts in a run): one temporary table of
 * the alerts to file, one UPDATE per grouping rule, one INSERT of the new cases, one of the links. Then every case an
 * emitted alert is in gets its priority (its highest severity), alert count and due date again: a new case is due its
 * SLA hours after it opened; a case whose priority rises is due no later than those hours from now. A new case works
 * by the active SLA table and playbooks of the moment it opened (their versions are on it).
 */

/** Each rule re-groups the filed alerts of one source and subject type by a related entity. */
const GROUPING_RULES: readonly string[] = [
  `UPDATE temp.filing SET group_type = 'borrower', group_id = l.borrower_id
     FROM loans l WHERE temp.filing.source = 'credit' AND temp.filing.subject_type = 'loan' AND l.loan_id = temp.filing.subject_id`,
  `UPDATE temp.filing SET group_type = 'account', group_id = t.account_id
     FROM transactions t WHERE temp.filing.source = 'fraud' AND temp.filing.subject_type = 'transaction' AND t.tx_id = temp.filing.subject_id`,
  // A flagged transaction whose account was in a ring when the run saw it joins the ring's case instead.
  `UPDATE temp.filing SET group_type = 'ring', group_id = f.ring_id
     FROM alerts a JOIN fraud_run_flags f ON f.run_id = a.last_run_id AND f.tx_id = a.subject_id
     WHERE a.alert_id = temp.filing.alert_id AND temp.filing.source = 'fraud' AND temp.filing.subject_type = 'transaction' AND f.ring_id IS NOT NULL`,
];

/** ISO 8601 UTC in the form Date.toISOString() writes, `hours` after `at` (SQL). */
const plusHours = (at: string, hours: string): string => `strftime('%Y-%m-%dT%H:%M:%fZ', ${at}, '+' || (${hours}) || ' hours')`;
const PRIORITY_OF_RANK = `CASE agg.rank WHEN 1 THEN 'low' WHEN 2 THEN 'medium' WHEN 3 THEN 'high' ELSE 'critical' END`;
const SLA_HOURS = `json_extract(:sla, '$.' || cases.type || '.' || ${PRIORITY_OF_RANK})`;

function activeSla(db: Db) {
  const sla = slaTables.active(db);
  if (!sla) throw new Error('internal: the workspace has no active SLA table (the shipped one is seeded at unlock)');
  return sla;
}

export interface FilingCounts {
  /** Cases opened for alerts that had none to join. */
  readonly opened: number;
  /** Alerts filed (those that were in no case yet). */
  readonly filed: number;
}

export function fileAlertsIntoCases(db: Db, alertIds: readonly number[], at: string): FilingCounts {
  if (!db.inTransaction) throw new Error('internal: alerts are filed into cases inside the transaction that emitted them');
  if (alertIds.length === 0) return { opened: 0, filed: 0 };
  const sla = activeSla(db);
  const ids = JSON.stringify(alertIds);

  db.prepare(
    `CREATE TEMP TABLE IF NOT EXISTS filing (
       alert_id INTEGER PRIMARY KEY, source TEXT, alert_type TEXT, subject_type TEXT, subject_id TEXT, group_type TEXT, group_id TEXT, group_key TEXT)`,
  ).run();
  db.prepare('DELETE FROM temp.filing').run();
  const filed = db
    .prepare(
      `INSERT INTO temp.filing (alert_id, source, alert_type, subject_type, subject_id, group_type, group_id)
       SELECT a.alert_id, a.source, a.type, a.subject_type, a.subject_id, a.subject_type, a.subject_id
       FROM (SELECT DISTINCT value FROM json_each(?)) j JOIN alerts a ON a.alert_id = j.value
       WHERE NOT EXISTS (SELECT 1 FROM case_alerts ca WHERE ca.alert_id = a.alert_id)`,
    )
    .run(ids).changes;
  for (const rule of GROUPING_RULES) db.prepare(rule).run();
  db.prepare(`UPDATE temp.filing SET group_key = group_type || ':' || group_id`).run();

  const opened = db
    .prepare(
      `INSERT INTO cases (type, title, group_key, priority, status, created_at, updated_at, due_at, sla_version, playbook_version)
       SELECT f.source, f.group_type || ' ' || f.group_id, f.group_key, 'low', 'new', :at, :at, :at, :slaVersion, :playbookVersion
       FROM temp.filing f
       WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.type = f.source AND c.group_key = f.group_key AND c.status <> 'closed')
       GROUP BY f.source, f.group_key
       ORDER BY min(f.alert_id)`,
    )
    .run({ at, slaVersion: sla.version, playbookVersion: playbookSets.active(db)?.version ?? null }).changes;
  db.prepare(
    `INSERT INTO case_alerts (alert_id, case_id)
     SELECT f.alert_id, c.case_id FROM temp.filing f JOIN cases c ON c.type = f.source AND c.group_key = f.group_key AND c.status <> 'closed'`,
  ).run();
  db.prepare(
    `INSERT OR IGNORE INTO case_entities (case_id, entity_type, entity_id)
     SELECT ca.case_id, f.subject_type, f.subject_id FROM temp.filing f JOIN case_alerts ca USING (alert_id)
     UNION ALL
     SELECT ca.case_id, f.group_type, f.group_id FROM temp.filing f JOIN case_alerts ca USING (alert_id)`,
  ).run();
  const touched = JSON.parse(db.prepare('SELECT json_group_array(DISTINCT ca.case_id) FROM json_each(?) j JOIN case_alerts ca ON ca.alert_id = j.value').pluck().get(ids) as string) as number[];
  refreshCases(db, touched, at);
  return { opened, filed };
}

/**
 * Priority, alert count, last change and due date of cases whose alerts changed (filed, repeated, merged or split). The
 * SET's right-hand sides read the row as it was: alert_count 0 is a case opened by this change.
 */
export function refreshCases(db: Db, caseIds: readonly number[], at: string): void {
  const sla = activeSla(db);
  db.prepare(
    `WITH agg AS (SELECT ca.case_id, max(a.severity_rank) AS rank, count(*) AS n
                  FROM json_each(:ids) t JOIN case_alerts ca ON ca.case_id = t.value JOIN alerts a ON a.alert_id = ca.alert_id GROUP BY ca.case_id)
     UPDATE cases SET
       priority = ${PRIORITY_OF_RANK},
       alert_count = agg.n,
       updated_at = :at,
       due_at = CASE
         WHEN cases.alert_count = 0 THEN ${plusHours('cases.created_at', SLA_HOURS)}
         WHEN agg.rank > cases.priority_rank THEN min(cases.due_at, ${plusHours(':at', SLA_HOURS)})
         ELSE cases.due_at END
     FROM agg WHERE cases.case_id = agg.case_id`,
  ).run({ ids: JSON.stringify(caseIds), at, sla: JSON.stringify(sla.document) });
}

/**
 * Open alerts in no case: those raised before cases existed (schema 90–110). Read with the open-queue index, then one
 * primary-key probe of case_alerts each; none once they are filed.
 */
export function unfiledOpenAlerts(db: Db): number[] {
  return db
    .prepare(`SELECT a.alert_id FROM alerts a WHERE a.status = 'open' AND NOT EXISTS (SELECT 1 FROM case_alerts ca WHERE ca.alert_id = a.alert_id) ORDER BY a.alert_id`)
    .pluck()
    .all() as number[];
}
