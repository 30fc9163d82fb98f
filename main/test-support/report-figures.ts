// Report figures for tests of the PDF renderer: a full period with every section, or one with no data yet, checked
// against the contract's schema so a fixture cannot drift from what the figures service returns.
import { reportFiguresSchema, type ReportFigures, type ReportLanguage } from '../../preload/contract/reports.ts';

/** November 2026 with every section filled; amounts in CNY fen. */
export function fullReportFigures(language: ReportLanguage = 'en', overrides: Partial<ReportFigures> = {}): ReportFigures {
  return reportFiguresSchema.parse({
    ...emptyReportFigures(language),
    portfolio: {
      asOf: '2026-11-30',
      currency: 'CNY',
      openLoans: 12_480,
      borrowers: 9_731,
      outstandingMinor: 1_234_567_890_12,
      dpd30PlusShare: 0.0412,
      dpd90PlusShare: 0.0137,
      originatedInPeriod: 640,
      originatedInPeriodMinor: 48_250_000_00,
    },
    credit: {
      run: { runId: 42, asOf: '2026-11-30', finishedAt: '2026-11-30T18:05:00.000Z', modelId: 7, modelName: 'Retail PD scorecard', parameterVersion: 3, currency: 'CNY' },
      eadMinor: 1_300_000_000_00,
      eclMinor: 26_543_210_98,
      byStage: [
        { stage: '1', loans: 11_200, eadMinor: 1_100_000_000_00, eclMinor: 8_800_000_00 },
        { stage: '2', loans: 1_000, eadMinor: 150_000_000_00, eclMinor: 9_743_210_98 },
        { stage: '3', loans: 280, eadMinor: 50_000_000_00, eclMinor: 8_000_000_00 },
      ],
      byGrade: [
        { grade: 'A', loans: 4_000, eadMinor: 450_000_000_00, eclMinor: 1_200_000_00, meanPd: 0.004 },
        { grade: 'B', loans: 3_500, eadMinor: 380_000_000_00, eclMinor: 2_900_000_00, meanPd: 0.011 },
        { grade: 'C', loans: 2_500, eadMinor: 250_000_000_00, eclMinor: 4_100_000_00, meanPd: 0.027 },
        { grade: 'D', loans: 1_500, eadMinor: 130_000_000_00, eclMinor: 6_300_000_00, meanPd: 0.061 },
        { grade: 'E', loans: 700, eadMinor: 60_000_000_00, eclMinor: 6_043_210_98, meanPd: 0.14 },
        { grade: 'F', loans: 200, eadMinor: 20_000_000_00, eclMinor: 3_500_000_00, meanPd: 0.29 },
        { grade: 'G', loans: 80, eadMinor: 10_000_000_00, eclMinor: 2_500_000_00, meanPd: 0.55 },
      ],
      stageMigration: {
        fromRunId: 41,
        fromAsOf: '2026-10-31',
        counts: [
          { from: '1', to: '1', loans: 10_900 }, { from: '1', to: '2', loans: 420 }, { from: '1', to: '3', loans: 35 },
          { from: '2', to: '1', loans: 260 }, { from: '2', to: '2', loans: 540 }, { from: '2', to: '3', loans: 95 },
          { from: '3', to: '1', loans: 0 }, { from: '3', to: '2', loans: 12 }, { from: '3', to: '3', loans: 150 },
        ],
      },
      vintages: [
        { vintage: '2024-Q3', loans: 1_150, defaultRate12m: 0.021 },
        { vintage: '2024-Q4', loans: 1_320, defaultRate12m: 0.026 },
        { vintage: '2025-Q1', loans: 1_280, defaultRate12m: 0.031 },
        { vintage: '2025-Q2', loans: 1_410, defaultRate12m: 0.028 },
        { vintage: '2025-Q3', loans: 1_390, defaultRate12m: 0.034 },
        { vintage: '2025-Q4', loans: 1_500, defaultRate12m: null },
      ],
      model: { id: 7, name: 'Retail PD scorecard', status: 'active', approvedBy: 'wei.zhang', activatedAt: '2026-06-01T09:30:00.000Z', psi: 0.082, psiBand: 'stable' },
    },
    fraud: {
      currency: 'CNY',
      runs: 30,
      transactionsScored: 1_482_113,
      flagged: 2_315,
      flaggedMinor: 9_876_543_21,
      alertsRaised: 1_907,
      dispositions: [
        { disposition: 'confirmed_fraud', cases: 112 },
        { disposition: 'false_positive', cases: 734 },
        { disposition: 'monitoring', cases: 58 },
      ],
      ruleSet: { version: 5, activatedAt: '2026-09-15T08:00:00.000Z', approvedBy: 'li.na', rules: 24 },
    },
    liquidity: {
      run: { runId: 17, asOf: '2026-11-30', parameterVersion: 2, currency: 'CNY' },
      lcr: 1.384,
      nsfr: 0.962,
      hqla: 2_500_000_000,
      netOutflows: 1_806_358_382,
      survival: [
        { scenario: 'idiosyncratic_run', survivalDay: 48 },
        { scenario: 'market_wide', survivalDay: 75 },
        { scenario: 'combined', survivalDay: 31 },
      ],
      indicators: [
        { indicator: 'net_outflow_z', value: 1.25, threshold: 3, breached: false, severity: 'medium', product: 'retail_deposits' },
        { indicator: 'top10_share', value: 0.18, threshold: 0.25, breached: false, severity: 'high', product: null },
        { indicator: 'lcr_floor', value: 1.384, threshold: 1.1, breached: false, severity: 'critical', product: null },
        { indicator: 'survival_days', value: 31, threshold: 30, breached: false, severity: 'high', product: null },
        { indicator: 'product_concentration', value: 0.46, threshold: 0.4, breached: true, severity: 'medium', product: 'wholesale_funding' },
      ],
    },
    cases: {
      opened: 1_254,
      closed: 1_198,
      openAtEnd: 311,
      slaBreaches: [
        { severity: 'low', breaches: 4 },
        { severity: 'medium', breaches: 17 },
        { severity: 'high', breaches: 9 },
        { severity: 'critical', breaches: 2 },
      ],
    },
    approvals: approvalFigures(3),
    ...overrides,
  });
}

/** The same period before any engine has run: every section null, no approvals. */
export function emptyReportFigures(language: ReportLanguage = 'en'): ReportFigures {
  return reportFiguresSchema.parse({
    period: { label: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' },
    language,
    generatedAt: '2026-12-01T06:00:00.000Z',
    generatedBy: 'compliance.officer',
    workspace: { name: 'Shanghai retail book', fingerprint: '3f9a0c1be27d4456a8b9c0d1e2f30415' },
    portfolio: null,
    credit: null,
    fraud: null,
    liquidity: null,
    cases: null,
    approvals: [],
  });
}

/** `count` approvals, one an hour from 1 November 2026, each with a distinct subject (`rule set v1`, `v2`, …). */
export function approvalFigures(count: number): ReportFigures['approvals'] {
  const actions = ['fraud.rules.approve', 'credit.model.activate', 'case.close.approve'];
  return Array.from({ length: count }, (_, index) => ({
    at: new Date(Date.UTC(2026, 10, 1, index)).toISOString(),
    action: actions[index % actions.length] as string,
    subject: `approval subject ${index + 1}`,
    by: index % 2 === 0 ? 'li.na' : 'wei.zhang',
  }));
}

/** The workspace fingerprint's first 16 hex digits as every footer prints them. */
export const FOOTER_FINGERPRINT = '3f9a 0c1b e27d 4456';
