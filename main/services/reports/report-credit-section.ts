// The credit section of a risk report: the run's totals, ECL by stage and by grade (tables and charts), the stage
// migration since the run before, the vintages' 12-month default rates, and the model's status and PSI.
import type { ReportFigures } from '../../../preload/contract/reports.ts';
import { barChart, lineChart, migrationMatrix } from './report-charts.ts';
import type { SectionContext } from './report-sections.ts';
import { drawFacts, drawTable } from './report-table.ts';
import { codeLabel } from './report-text.ts';

type Credit = NonNullable<ReportFigures['credit']>;

const STAGES = ['1', '2', '3'] as const;

export function creditSection(context: SectionContext, credit: Credit): void {
  const { cursor, text, format } = context;
  const t = text.credit;
  const money = (minor: number) => format.money(minor, credit.run.currency);
  cursor.paragraph(t.run(credit.run.runId, format.date(credit.run.asOf), format.dateTime(credit.run.finishedAt)));
  drawFacts(cursor, [
    [t.model, `${credit.run.modelName} (#${credit.run.modelId})`],
    [t.parameterVersion, `v${credit.run.parameterVersion}`],
    [t.ead, money(credit.eadMinor)],
    [t.ecl, money(credit.eclMinor)],
    [t.coverage, format.percent(credit.eadMinor > 0 ? credit.eclMinor / credit.eadMinor : null, 2)],
  ]);

  barChart(cursor, t.byStage, `ECL (${credit.run.currency})`, credit.byStage.map((row) => ({ label: text.stage(row.stage), value: row.eclMinor, shown: money(row.eclMinor) })));
  drawTable(
    cursor,
    [{ header: t.stage, share: 0.25 }, { header: t.loans, share: 0.2, align: 'right' }, { header: 'EAD', share: 0.3, align: 'right' }, { header: 'ECL', share: 0.25, align: 'right' }],
    credit.byStage.map((row) => [text.stage(row.stage), format.count(row.loans), money(row.eadMinor), money(row.eclMinor)]),
  );

  barChart(cursor, t.byGrade, `ECL (${credit.run.currency})`, credit.byGrade.map((row) => ({ label: text.grade(row.grade), value: row.eclMinor, shown: money(row.eclMinor) })));
  drawTable(
    cursor,
    [
      { header: t.grade, share: 0.16 },
      { header: t.loans, share: 0.14, align: 'right' },
      { header: 'EAD', share: 0.26, align: 'right' },
      { header: 'ECL', share: 0.26, align: 'right' },
      { header: t.meanPd, share: 0.18, align: 'right' },
    ],
    credit.byGrade.map((row) => [row.grade, format.count(row.loans), money(row.eadMinor), money(row.eclMinor), format.percent(row.meanPd, 2)]),
  );

  migration(context, credit.stageMigration);
  vintages(context, credit.vintages);
  model(context, credit.model);
}

function migration({ cursor, text, format }: SectionContext, stageMigration: Credit['stageMigration']): void {
  if (!stageMigration) {
    cursor.paragraph(text.credit.noMigration);
    return;
  }
  const loans = (from: string, to: string) => stageMigration.counts.find((cell) => cell.from === from && cell.to === to)?.loans ?? 0;
  migrationMatrix(
    cursor,
    text.credit.migration(stageMigration.fromRunId, format.date(stageMigration.fromAsOf)),
    { rows: text.credit.migrationFrom, columns: text.credit.migrationTo },
    STAGES,
    loans,
    text.stage,
    format.count,
  );
}

function vintages({ cursor, text, format }: SectionContext, rows: Credit['vintages']): void {
  const t = text.credit;
  if (rows.length === 0) {
    cursor.paragraph(t.noVintages);
    return;
  }
  lineChart(cursor, t.vintages, { x: t.vintage, y: t.defaultRate12m }, rows.map((row) => ({ label: row.vintage, value: row.defaultRate12m })), (share) => format.percent(share, 1));
  drawTable(
    cursor,
    [{ header: t.vintage, share: 0.4 }, { header: t.loans, share: 0.3, align: 'right' }, { header: t.defaultRate12m, share: 0.3, align: 'right' }],
    rows.map((row) => [row.vintage, format.count(row.loans), row.defaultRate12m === null ? t.notObserved : format.percent(row.defaultRate12m, 2)]),
  );
}

function model({ cursor, text, format }: SectionContext, status: Credit['model']): void {
  const t = text.credit;
  cursor.subheading(t.modelStatus);
  drawFacts(cursor, [
    [t.model, `${status.name} (#${status.id})`],
    [t.status, codeLabel(text.codes.statuses, status.status)],
    [t.approvedBy, status.approvedBy ?? text.none],
    [t.activatedAt, status.activatedAt ? format.dateTime(status.activatedAt) : text.none],
    [t.psi, format.decimal(status.psi, 3)],
    [t.psiBand, status.psiBand ? codeLabel(text.codes.psiBands, status.psiBand) : text.none],
  ]);
}
