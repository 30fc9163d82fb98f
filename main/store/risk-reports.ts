import type { ReportFigures, ReportLanguage, ReportSchedule, StoredReport } from '../../preload/contract/reports.ts';
import type { Db } from './database.ts';

interface StoredReportRow {
  report_id: number;
  period: string;
  language: ReportLanguage;
  generated_at: string;
  generated_by: string;
  scheduled: 0 | 1;
  bytes: number;
  sha256: string;
}

const SUMMARY_COLUMNS = 'report_id, period, language, generated_at, generated_by, scheduled, length(pdf) AS bytes, sha256';

/** The name a report's PDF is saved under. */
function reportFileName(period: string, language: ReportLanguage): string {
  return `riskdesk-report-${period}-${language}.pdf`;
}

function fromRow(row: StoredReportRow): StoredReport {
  return {
    reportId: row.report_id,
    period: row.period,
    language: row.language,
    generatedAt: row.generated_at,
    generatedBy: row.generated_by,
    scheduled: row.scheduled === 1,
    bytes: row.bytes,
    sha256: row.sha256,
    fileName: reportFileName(row.period, row.language),
  };
}

/** Keeps a report; call it in the transaction of its audit event. */
export function insertRiskReport(db: Db, report: { period: string; figures: ReportFigures; pdf: Buffer; sha256: string; scheduled: boolean }): StoredReport {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO risk_reports (period, language, generated_at, generated_by, scheduled, figures, pdf, sha256)
       VALUES (@period, @language, @generatedAt, @generatedBy, @scheduled, @figures, @pdf, @sha256)`,
    )
    .run({
      period: report.period,
      language: report.figures.language,
      generatedAt: report.figures.generatedAt,
      generatedBy: report.figures.generatedBy,
      scheduled: report.scheduled ? 1 : 0,
      figures: JSON.stringify(report.figures),
      pdf: report.pdf,
      sha256: report.sha256,
    });
  return riskReport(db, Number(lastInsertRowid))!;
}

export function listRiskReports(db: Db): StoredReport[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM risk_reports ORDER BY report_id DESC`).all() as StoredReportRow[]).map(fromRow);
}

export function riskReport(db: Db, reportId: number): StoredReport | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM risk_reports WHERE report_id = ?`).get(reportId) as StoredReportRow | undefined;
  return row && fromRow(row);
}

export function riskReportFigures(db: Db, reportId: number): ReportFigures | undefined {
  const text = db.prepare('SELECT figures FROM risk_reports WHERE report_id = ?').pluck().get(reportId) as string | undefined;
  // Written from a checked ReportFigures by insertRiskReport; the API parses results again before they leave main.
  return text === undefined ? undefined : (JSON.parse(text) as ReportFigures);
}

/** `length` bytes of a report's PDF from byte `offset` (SQLite's substr on a blob counts bytes, from 1). */
export function riskReportPdfSlice(db: Db, reportId: number, offset: number, length: number): Buffer | undefined {
  return db.prepare('SELECT substr(pdf, ?, ?) FROM risk_reports WHERE report_id = ?').pluck().get(offset + 1, length, reportId) as Buffer | undefined;
}

export function hasScheduledReport(db: Db, period: string, language: ReportLanguage): boolean {
  return db.prepare('SELECT 1 FROM risk_reports WHERE scheduled = 1 AND period = ? AND language = ?').get(period, language) !== undefined;
}

const OFF: ReportSchedule = { frequency: 'off', language: 'en', setBy: null, setAt: null };

export function reportSchedule(db: Db): ReportSchedule {
  const row = db.prepare('SELECT frequency, language, set_by, set_at FROM report_schedule WHERE id = 1').get() as
    | { frequency: ReportSchedule['frequency']; language: ReportLanguage; set_by: string; set_at: string }
    | undefined;
  return row ? { frequency: row.frequency, language: row.language, setBy: row.set_by, setAt: row.set_at } : OFF;
}

export function saveReportSchedule(db: Db, schedule: { frequency: ReportSchedule['frequency']; language: ReportLanguage; setBy: string; setAt: string }): ReportSchedule {
  db.prepare(
    `INSERT INTO report_schedule (id, frequency, language, set_by, set_at) VALUES (1, @frequency, @language, @setBy, @setAt)
     ON CONFLICT (id) DO UPDATE SET frequency = excluded.frequency, language = excluded.language, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(schedule);
  return reportSchedule(db);
}
