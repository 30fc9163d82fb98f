import type { Migration } from './migration.ts';
import { migration as core } from './0010_core.ts';
import { migration as creditPortfolio } from './0020_credit_portfolio.ts';
import { migration as fraudData } from './0030_fraud_data.ts';
import { migration as liquidity } from './0040_liquidity.ts';
import { migration as userSettings } from './0050_user_settings.ts';
import { migration as creditEngine } from './0060_credit_engine.ts';
import { migration as lifecycleSubmitted } from './0070_lifecycle_submitted.ts';
import { migration as runs } from './0080_runs.ts';
import { migration as alerts } from './0090_alerts.ts';
import { migration as creditAlerts } from './0100_credit_alerts.ts';
import { migration as creditMonitoringAlerts } from './0110_credit_monitoring_alerts.ts';
import { migration as cases } from './0120_cases.ts';
import { migration as fraudEngine } from './0130_fraud_engine.ts';
import { migration as transactionsTimeOrder } from './0140_transactions_time_order.ts';
import { migration as liquidityEngine } from './0150_liquidity_engine.ts';
import { migration as evidenceReports } from './0160_evidence_reports.ts';
import { migration as dashboardOpenLoans } from './0170_dashboard_open_loans.ts';
import { migration as lifecycleComments } from './0171_lifecycle_comments.ts';
import { migration as regionFilters } from './0172_region_filters.ts';

/** Every migration this build knows, in order. Add new files at the end; never edit a released one (0060 says why it was). */
export const MIGRATIONS: readonly Migration[] = [core, creditPortfolio, fraudData, liquidity, userSettings, creditEngine, lifecycleSubmitted, runs, alerts, creditAlerts, creditMonitoringAlerts, cases, fraudEngine, transactionsTimeOrder, liquidityEngine, evidenceReports, dashboardOpenLoans, lifecycleComments, regionFilters];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
