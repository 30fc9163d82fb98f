// A period's figures as a PDF risk report (A4, English or Simplified Chinese). One shipped font serves both languages;
// pdfkit embeds only the glyphs used. The same figures give the same bytes: every date in the file comes from
// figures.generatedAt and pdfkit derives the document /ID from the info dictionary.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ReportFigures } from '../../../preload/contract/reports.ts';
import { resourcesFolder } from '../resources-folder.ts';
import { COLOURS, FONT_SIZES, PAGE, ReportCursor } from './report-layout.ts';
import { drawSections } from './report-sections.ts';
import { REPORT_TEXT, reportFormats, type ReportFormats, type ReportText } from './report-text.ts';

const REPORT_FONT_FILE = 'fonts/NotoSansCJKsc-Regular-GB2312.otf';

export async function renderReportPdf(figures: ReportFigures, options: { fontPath?: string } = {}): Promise<Buffer> {
  const text = REPORT_TEXT[figures.language];
  const format = reportFormats(figures.language, text);
  const generatedAt = new Date(figures.generatedAt);
  const fontPath = options.fontPath ?? path.join(resourcesFolder(), REPORT_FONT_FILE);
  if (!fs.existsSync(fontPath)) throw new RiskDeskError('FILE_UNREADABLE', `The report font ${fontPath} is missing, so no report can be drawn; reinstall RiskDesk.`, { file: fontPath });
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margin,
    bufferPages: true,
    font: fontPath,
    lang: figures.language,
    displayTitle: true,
    info: {
      Title: `${text.title} ${figures.period.label}`,
      Author: figures.generatedBy,
      Producer: 'RiskDesk',
      Creator: 'RiskDesk',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const done = collect(doc);
  const cursor = new ReportCursor(doc);
  drawCover(cursor, figures, text, format);
  drawSections({ cursor, text, format }, figures);
  drawFooters(doc, figures, text, format);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawCover(cursor: ReportCursor, figures: ReportFigures, text: ReportText, format: ReportFormats): void {
  const { workspace } = figures;
  cursor.line(text.title, cursor.left, cursor.y, FONT_SIZES.title, COLOURS.accent);
  cursor.y += FONT_SIZES.title + 10;
  cursor.line(text.labelled(text.period, scopeText(figures, format)), cursor.left, cursor.y, FONT_SIZES.heading, COLOURS.ink);
  cursor.y += FONT_SIZES.heading + 10;
  cursor.paragraph(text.generated(format.dateTime(figures.generatedAt), figures.generatedBy), COLOURS.muted, FONT_SIZES.subheading);
  cursor.paragraph(text.labelled(text.workspace, workspace.name), COLOURS.muted, FONT_SIZES.subheading);
  cursor.paragraph(text.labelled(text.fingerprint, workspace.fingerprint), COLOURS.muted, FONT_SIZES.body);
  cursor.gap(6);
}

/**
 * Written last, when the page count is known: page n of N, the scope and the workspace fingerprint's first 16 hex
 * digits (grouped by four). The bottom margin is lifted while writing, or pdfkit would move text below it to a new page.
 */
function drawFooters(doc: PDFKit.PDFDocument, figures: ReportFigures, text: ReportText, format: ReportFormats): void {
  const { start, count } = doc.bufferedPageRange();
  const scope = scopeText(figures, format);
  const fingerprint = text.footerFingerprint(fingerprintPrefix(figures.workspace.fingerprint));
  const width = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  const y = PAGE.height - PAGE.margin.bottom + 22;
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.page.margins.bottom = 0;
    doc.moveTo(PAGE.margin.left, y - 6).lineTo(PAGE.width - PAGE.margin.right, y - 6).lineWidth(0.4).strokeColor(COLOURS.grid).stroke();
    doc.fontSize(FONT_SIZES.small).fillColor(COLOURS.muted);
    doc.text(scope, PAGE.margin.left, y, { width, align: 'left', lineBreak: false });
    doc.text(fingerprint, PAGE.margin.left, y, { width, align: 'center', lineBreak: false });
    doc.text(text.footerPage(index - start + 1, count), PAGE.margin.left, y, { width, align: 'right', lineBreak: false });
  }
}

/** The period's label and its first and last day: 2026-11 (1 Nov 2026 – 30 Nov 2026). */
function scopeText(figures: ReportFigures, format: ReportFormats): string {
  return `${figures.period.label} (${format.date(figures.period.from)} – ${format.date(figures.period.to)})`;
}

/** The first 16 hex digits of a fingerprint, grouped by four (ab12 cd34 …); the footer marks it as a prefix. */
function fingerprintPrefix(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').slice(0, 16).toLowerCase();
  return hex.match(/.{1,4}/g)?.join(' ') ?? '';
}
