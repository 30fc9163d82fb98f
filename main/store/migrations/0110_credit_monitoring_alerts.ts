import type { Migration } from './migration.ts';

/*
 * Credit model-monitoring alerts (issue 10): a credit run also compares the score of the loans it scores, and each
 * model feature, with the active model's development sample, and raises a portfolio-level alert when the score's PSI
 * or a feature's CSI reaches a threshold of its parameter set.
 *
 * Every stored IFRS 9 parameter set gains `alerts.monitoring`, the part its schema now requires, with the thresholds
 * RiskDesk shipped when this migration was written, as a literal (frozen history, like every migration; 0100 says why
 * not a zod default read into older versions). The version's lifecycle is untouched: the part is new and adds alerts;
 * nothing an approver approved changes meaning. A version that has the part already (none should), one without an
 * `alerts` object (0100 wrote one into every readable set) and unreadable JSON are left alone: the run refuses those
 * as it did before.
 */
export const migration: Migration = {
  version: 110,
  name: 'credit_monitoring_alerts',
  up(db) {
    db.exec(`
      UPDATE credit_parameter_sets
        SET parameters = json_set(parameters, '$.alerts.monitoring', json('{ "scorePsi": 0.25, "featureCsi": 0.25, "severity": "high" }'))
        WHERE json_valid(parameters) AND json_type(parameters, '$.alerts') = 'object' AND json_type(parameters, '$.alerts.monitoring') IS NULL;
    `);
  },
};
