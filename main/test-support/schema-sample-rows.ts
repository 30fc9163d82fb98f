import type { Db } from '../store/database.ts';

/**
 * Rows a workspace gathers at each schema version, by the migration that made their tables: databaseAtSchema()
 * inserts each set right after its migration, so a later migration meets them as a workspace in use would. Written
 * against the schema of their own version (a migration is frozen history, so are these), with the values that
 * matter to later migrations: a defaulted month in the status spellings 0060's partial index folds, nulls in every
 * optional column.
 */
export const SAMPLE_ROWS: Readonly<Record<number, (db: Db) => void>> = {
  10(db) {
    db.exec(`
      INSERT INTO meta (key, value) VALUES ('workspace_id', 'w-1'), ('created_at', '2024-01-01T00:00:00.000Z'), ('base_currency', 'CNY');
      INSERT INTO users (username, role, created_at, created_by) VALUES ('ada', 'admin', 't0', 'ada'), ('ana', 'analyst', 't1', 'ada');
      INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, hash) VALUES
        (1, 't0', 'ada', 'workspace.create', 'workspace:w-1', '{}', 'h0', 'h1'),
        (2, 't1', 'ada', 'user.add', 'user:ana', '{"role":"analyst"}', 'h1', 'h2');
    `);
  },
  20(db) {
    db.exec(`
      INSERT INTO borrowers (borrower_id, region, annual_income_minor, birth_date, occupation, employment_type, industry, monthly_debt_minor, credit_history_months, home_ownership, registered_at, id_verified)
        VALUES ('B1', 'east', 12000000, '1990-05-01', 'engineer', 'employed', 'tech', 300000, 48, 'rent', '2020-01-01', 1),
               ('B2', 'west', 4000000, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
      INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, maturity_date, repayment_type, collateral_type, collateral_value_minor, channel, status, outstanding_balance_minor, dpd, undrawn_amount_minor)
        VALUES ('L1', 'B1', 'consumer_instalment', '2023-06-15', 5000000, 0.12, 24, 'CNY', '2025-06-15', 'annuity', 'vehicle', 8000000, 'app', 'default', 3200000, 95, 0),
               ('L2', 'B2', 'revolving_credit_line', '2023-09-01', 1000000, 0.18, 12, 'CNY', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
      INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, paid_amount_minor, status)
        VALUES ('L1', '2024-01', 3600000, 35, 0, 'delinquent'), ('L1', '2024-02', 3400000, 95, NULL, 'default'),
               ('L1', '2024-03', 3200000, 0, 0, ' Written-Off '), ('L2', '2024-01', 800000, 0, 100000, 'current'),
               ('L2', '2024-02', 700000, 0, 100000, NULL);
    `);
  },
  30(db) {
    db.exec(`
      INSERT INTO accounts (account_id, opened_at, borrower_id, country, kyc_level, phone_changed_at, password_changed_at)
        VALUES ('A1', '2023-01-01T00:00:00Z', 'B1', 'CN', 2, NULL, '2024-01-02T00:00:00Z'), ('A2', '2023-02-01T00:00:00Z', NULL, NULL, NULL, NULL, NULL);
      INSERT INTO transactions (tx_id, account_id, ts, amount_minor, currency, type, channel, merchant_id, merchant_category, counterparty_account, country, device_id, ip, card_id)
        VALUES ('T1', 'A1', '2024-01-05T10:00:00Z', 25000, 'CNY', 'payment', 'app', 'M1', '5411', NULL, 'CN', 'D1', '10.0.0.1', 'C1'),
               ('T2', 'A2', '2024-01-06T11:00:00Z', 990000, 'CNY', NULL, NULL, NULL, NULL, 'A1', NULL, NULL, NULL, NULL);
      INSERT INTO labels (subject_type, subject_id, label, source, labeled_at)
        VALUES ('transaction', 'T2', 'fraud', 'chargeback', '2024-02-01'), ('loan', 'L1', 'default', '', NULL);
    `);
  },
  40(db) {
    db.exec(`
      INSERT INTO liquidity_lines (line_id, category, amount_minor, as_of, currency, maturity_date, counterparty, description)
        VALUES ('X1', 'hqla_l1_cash', 50000000, '2024-03-31', 'CNY', NULL, NULL, 'cash at the central bank'),
               ('X2', 'retail_stable', 120000000, NULL, 'CNY', '2024-04-30', 'retail', NULL);
      INSERT INTO investor_balances (investor_id, product, balance_minor, currency, as_of) VALUES ('I1', 'mmf', 2000000, 'CNY', '2024-03-31');
      INSERT INTO daily_flows (date, product, inflow_minor, outflow_minor) VALUES ('2024-03-30', 'mmf', 100000, 90000), ('2024-03-31', 'mmf', 80000, 120000);
    `);
  },
  50(db) {
    db.exec(`INSERT INTO user_settings (username, idle_lock_minutes, language, theme, updated_at) VALUES ('ana', 30, 'zh-CN', 'dark', 't2')`);
  },
  // The credit tables of 0060 get their rows at 80, in the shape 0070 and 0080 left them: those two migrations' tests
  // build their own rows at 60 and 70, in every lifecycle state they rebuild.
  80(db) {
    db.exec(`
      INSERT INTO credit_models (model_id, name, status, training_hash, rows, features, metrics, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, scorecard, report)
        VALUES (1, 'Retail', 'active', 'h1', 100, '["income"]', NULL, 'ana', 't3', 'ana', 't3', 'cole', 't4', 'cole', 't4', '{}', '{}');
      INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
        VALUES (1, 'Defaults shipped with RiskDesk', 'active', 'system', 't0', 'system', 't0', 'system', 't0', '{}');
      INSERT INTO runs (run_id, engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals)
        VALUES (1, 'credit', '2024-02-29', '{"credit.model":1,"credit.parameterSet":1}', 'ana', 't5', 'finished', 't6', 'CNY', '{"loans":1}');
      INSERT INTO credit_run_loans (run_id, loan_id, score, pd_12m, pd_origination, pd_lifetime, grade, stage, lgd, ead_minor, ecl_minor, required_rate)
        VALUES (1, 'L1', NULL, 1, 0.05, 1, 'G', 3, 0.6, 3200000, 1920000, 0.3);
    `);
  },
  90(db) {
    db.exec(`
      INSERT INTO alerts (source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, run_id, last_run_id, raised_by, artefacts, explanation)
        VALUES ('credit', 'credit.stage_migration', 'loan', 'L1', 'high', 3.0, 'open', 1, 't6', 't6', 1, 1, NULL, '{"credit.model":1,"credit.parameterSet":1}', '{"key":"credit.stage_migration","figures":[]}');
    `);
  },
  150(db) {
    db.exec(`
      INSERT INTO liquidity_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
        VALUES (1, 'Defaults shipped with RiskDesk', 'active', 'system', 't7', 'system', 't7', 'system', 't7', '{"monteCarlo":{"paths":10000}}');
      INSERT INTO liquidity_simulations (simulation_id, parameter_version, as_of, started_by, finished_at, result)
        VALUES (1, 1, '2024-03-31', 'ana', 't8', '{"paths":10000,"survived":9990}');
      INSERT INTO runs (run_id, engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals)
        VALUES (2, 'liquidity', '2024-03-31', '{"liquidity.parameterSet":1}', 'ana', 't9', 'finished', 't9', 'CNY', '{"lcr":1.25}');
    `);
  },
  160(db) {
    db.exec(`
      INSERT INTO evidence_exports (export_id, file_name, scope, exported_by, exported_at, bytes, sha256, payload_files, payload_bytes, fingerprint, audit_head)
        VALUES (1, 'pack.zip', '{"from":"2024-03-01","to":"2024-03-31"}', 'aud', 't10', 2048, '${'a'.repeat(64)}', 12, 4096, '${'b'.repeat(16)}', '${'c'.repeat(64)}');
      INSERT INTO risk_reports (report_id, period, language, generated_at, generated_by, scheduled, figures, pdf, sha256)
        VALUES (1, '2024-03', 'en', 't10', 'system', 1, '{"credit":null}', CAST('%PDF-1.3 sample' AS BLOB), '${'d'.repeat(64)}');
      INSERT INTO report_schedule (id, frequency, language, set_by, set_at) VALUES (1, 'monthly', 'zh-CN', 'cara', 't10');
    `);
  },
  171(db) {
    db.exec(`
      INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, approval_comment, activated_by, activated_at, activation_comment, parameters)
        VALUES (2, 'tighter staging', 'approved', 'cara', 't11', 'cara', 't11', 'cole', 't12', 'Checked the staging thresholds against the policy', NULL, NULL, NULL, '{}');
    `);
  },
};
