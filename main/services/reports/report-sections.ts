// The body of a risk report: its sections in their fixed order. A section the figures leave null (its engine has no
// data for the period yet) keeps its heading and says why, rather than printing zeros.
import type { ReportFigures } from '../../../preload/contract/reports.ts';
import { barChart, ratioBars } from './report-charts.ts';
import { creditSection } from './report-credit-section.ts';
import { COLOURS, type ReportCursor } from './report-layout.ts';
import { drawFacts, drawTable } from './report-table.ts';
import { codeLabel, type ReportFormats, type ReportText } from './report-text.ts';

export interface SectionContext {
  cursor: ReportCursor;
  text: ReportText;
  format: ReportFormats;
}

export function drawSections(context: SectionContext, figures: ReportFigures): void {
  const { text, format } = context;
  const to = format.date(figures.period.to);
  const period = figures.period.label;
  section(context, text.sections.portfolio, figures.portfolio, text.why.portfolio(to), portfolioSection);
  section(context, text.sections.credit, figures.credit, text.why.credit(to), creditSection);
  section(context, text.sections.fraud, figures.fraud, text.why.fraud(period), fraudSection);
  section(context, text.sections.liquidity, figures.liquidity, text.why.liquidity(to), liquiditySection);
  section(context, text.sections.cases, figures.cases, text.why.cases(period), casesSection);
  // Never null: a period without approvals has an empty list, which approvalsSection says in words.
  context.cursor.heading(text.sections.approvals);
  approvalsSection(context, figures.approvals);
}

function section<T>(context: SectionContext, heading: string, figures: T | null, why: string, draw: (context: SectionContext, figures: T) => void): void {
  context.cursor.heading(heading);
  if (figures === null) context.cursor.paragraph(context.text.noData(why), COLOURS.muted);
  else draw(context, figures);
}

function portfolioSection({ cursor, text, format }: SectionContext, portfolio: NonNullable<ReportFigures['portfolio']>): void {
  const k = text.kpi;
  drawFacts(cursor, [
    [k.asOf, format.date(portfolio.asOf)],
    [k.openLoans, format.count(portfolio.openLoans)],
    [k.borrowers, format.count(portfolio.borrowers)],
    [k.outstanding, format.money(portfolio.outstandingMinor, portfolio.currency)],
    [k.dpd30, format.percent(portfolio.dpd30PlusShare, 2)],
    [k.dpd90, format.percent(portfolio.dpd90PlusShare, 2)],
    [k.originated, format.count(portfolio.originatedInPeriod)],
    [k.originatedAmount, format.money(portfolio.originatedInPeriodMinor, portfolio.currency)],
  ]);
}

function fraudSection({ cursor, text, format }: SectionContext, fraud: NonNullable<ReportFigures['fraud']>): void {
  const f = text.fraud;
  drawFacts(cursor, [
    [f.runs, format.count(fraud.runs)],
    [f.transactionsScored, format.count(fraud.transactionsScored)],
    [f.flagged, format.count(fraud.flagged)],
    [f.flaggedAmount, format.money(fraud.flaggedMinor, fraud.currency)],
    [f.alertsRaised, format.count(fraud.alertsRaised)],
  ]);
  if (fraud.dispositions.length === 0) cursor.paragraph(f.noDispositions);
  else {
    const bars = fraud.dispositions.map((row) => ({ label: codeLabel(text.codes.dispositions, row.disposition), value: row.cases, shown: format.count(row.cases) }));
    barChart(cursor, f.dispositions, f.cases, bars);
  }
  cursor.subheading(f.ruleSet);
  if (!fraud.ruleSet) cursor.paragraph(f.noRuleSet);
  else {
    drawFacts(cursor, [
      [f.version, `v${fraud.ruleSet.version}`],
      [f.rules, format.count(fraud.ruleSet.rules)],
      [text.credit.approvedBy, fraud.ruleSet.approvedBy ?? text.none],
      [text.credit.activatedAt, fraud.ruleSet.activatedAt ? format.dateTime(fraud.ruleSet.activatedAt) : text.none],
    ]);
  }
}

function liquiditySection({ cursor, text, format }: SectionContext, liquidity: NonNullable<ReportFigures['liquidity']>): void {
  const l = text.liquidity;
  const percent = (share: number | null) => format.percent(share, 1);
  cursor.paragraph(l.run(liquidity.run.runId, format.date(liquidity.run.asOf)));
  drawFacts(cursor, [
    [l.parameterVersion, `v${liquidity.run.parameterVersion}`],
    [l.lcr, percent(liquidity.lcr)],
    [l.nsfr, percent(liquidity.nsfr)],
    [l.hqla, format.majorMoney(liquidity.hqla, liquidity.run.currency)],
    [l.netOutflows, format.majorMoney(liquidity.netOutflows, liquidity.run.currency)],
  ]);
  const ratios = [
    { label: 'LCR', value: liquidity.lcr, shown: percent(liquidity.lcr) },
    { label: 'NSFR', value: liquidity.nsfr, shown: percent(liquidity.nsfr) },
  ];
  ratioBars(cursor, l.ratios, { axis: text.axis.ratio, minimum: l.minimum }, ratios, (share) => format.percent(share, 0));
  cursor.subheading(l.survival);
  drawTable(
    cursor,
    [{ header: l.scenario, share: 0.6 }, { header: l.survivalDay, share: 0.4, align: 'right' }],
    liquidity.survival.map((row) => [codeLabel(text.codes.scenarios, row.scenario), row.survivalDay === null ? l.survivesHorizon : format.count(row.survivalDay)]),
  );
  cursor.subheading(l.indicators);
  drawTable(
    cursor,
    [
      { header: l.indicator, share: 0.3 },
      { header: l.value, share: 0.14, align: 'right' },
      { header: l.threshold, share: 0.14, align: 'right' },
      { header: l.breached, share: 0.12 },
      { header: l.severity, share: 0.12 },
      { header: l.product, share: 0.18 },
    ],
    liquidity.indicators.map((row) => [
      codeLabel(text.codes.indicators, row.indicator),
      format.decimal(row.value, 2),
      format.decimal(row.threshold, 2),
      row.breached ? text.yes : text.no,
      codeLabel(text.codes.severities, row.severity),
      row.product ?? text.none,
    ]),
  );
}

function casesSection({ cursor, text, format }: SectionContext, cases: NonNullable<ReportFigures['cases']>): void {
  const c = text.cases;
  drawFacts(cursor, [
    [c.opened, format.count(cases.opened)],
    [c.closed, format.count(cases.closed)],
    [c.openAtEnd, format.count(cases.openAtEnd)],
  ]);
  const bars = cases.slaBreaches.map((row) => ({ label: codeLabel(text.codes.severities, row.severity), value: row.breaches, shown: format.count(row.breaches) }));
  barChart(cursor, c.slaBreaches, c.breaches, bars);
}

function approvalsSection({ cursor, text, format }: SectionContext, approvals: ReportFigures['approvals']): void {
  if (approvals.length === 0) {
    cursor.paragraph(text.noApprovals);
    return;
  }
  const a = text.approvals;
  drawTable(
    cursor,
    [{ header: a.at, share: 0.27 }, { header: a.action, share: 0.25 }, { header: a.subject, share: 0.32 }, { header: a.by, share: 0.16 }],
    approvals.map((row) => [format.dateTime(row.at), codeLabel(text.approvalSteps, row.action.slice(row.action.lastIndexOf('.') + 1)), row.subject, row.by]),
  );
}
