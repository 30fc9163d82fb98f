import type { Migration } from './migration.ts';

/*
 * Credit early-warning alerts (issue 10): what a credit run needs to compare a loan with the previous run's view of it.
 *
 * 1. credit_run_loans gains `dpd`, the days past due the run assessed the loan at (its staging and PD overlay read
 *    it). A run compares each loan's DPD with the previous run's to tell that it crossed 30, 60 or 90 days; reading
 *    loan_performance instead would compare a different figure (the run reads the loan's own DPD, not a month of its
 *    history). ADD COLUMN only rewrites the schema, not the millions of rows: the rows of earlier runs read NULL, "not
 *    recorded", which the alerts treat as a loan seen for the first time (engines/credit/alerts/early-warning.ts).
 *
 * 2. Every stored IFRS 9 parameter set gains the `alerts` section its schema now requires, with the thresholds
 *    RiskDesk shipped when this migration was written, as a literal (frozen history, like every migration). The
 *    alternative, a zod default read into versions that lack the section, would leave an approved version's meaning to
 *    whatever default the code of the day holds; written here once, each stored version says itself which thresholds
 *    its runs used, and a later change of the shipped defaults cannot alter it. The version's lifecycle (who approved
 *    it, when) is untouched: the section is new and adds alerts; nothing an approver approved changes meaning. A
 *    version that already has the section (none should) is left alone, and so is unreadable JSON (the run refuses it
 *    as it did before).
 */
export const migration: Migration = {
  version: 100,
  name: 'credit_alerts',
  up(db) {
    db.exec(`
      ALTER TABLE credit_run_loans ADD COLUMN dpd INTEGER;

      UPDATE credit_parameter_sets
        SET parameters = json_insert(parameters, '$.alerts', json('{
          "stageMigration": { "stage2": "medium", "stage3": "high" },
          "gradeDrop": { "notches": 2, "severity": "medium" },
          "dpdThresholds": [{ "days": 30, "severity": "low" }, { "days": 60, "severity": "medium" }, { "days": 90, "severity": "high" }],
          "borrowerExposure": { "limitMinor": 200000000, "severity": "high" }
        }'))
        WHERE json_valid(parameters) AND json_type(parameters) = 'object' AND json_type(parameters, '$.alerts') IS NULL;
    `);
  },
};
