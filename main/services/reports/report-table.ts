// Tables of a risk report: one line per row, cells cut to their column, and a row that would reach the footer starts
// a new page with the header drawn again, so a table of any length paginates cleanly.
import { COLOURS, FONT_SIZES, type ReportCursor } from './report-layout.ts';

export interface TableColumn {
  header: string;
  /** A share of the cursor's width; a table's shares add up to 1. */
  share: number;
  align?: 'left' | 'right';
}

const ROW_HEIGHT = 15;
const PADDING = 4;

export function drawTable(cursor: ReportCursor, columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
  cursor.room(ROW_HEIGHT * Math.min(rows.length + 1, 4));
  drawHeader(cursor, columns);
  rows.forEach((row, index) => {
    if (cursor.y + ROW_HEIGHT > cursor.bottom) {
      cursor.newPage();
      drawHeader(cursor, columns);
    }
    drawRow(cursor, columns, row, index % 2 === 1 ? COLOURS.shade : null);
  });
  cursor.gap();
}

/** A two-column table of labels and values (the KPI blocks). */
export function drawFacts(cursor: ReportCursor, facts: readonly (readonly [string, string])[]): void {
  cursor.room(ROW_HEIGHT * Math.min(facts.length, 4));
  facts.forEach(([label, value], index) => {
    if (cursor.y + ROW_HEIGHT > cursor.bottom) cursor.newPage();
    drawRow(cursor, FACT_COLUMNS, [label, value], index % 2 === 0 ? COLOURS.shade : null);
  });
  cursor.gap();
}

const FACT_COLUMNS: readonly TableColumn[] = [
  { header: '', share: 0.6 },
  { header: '', share: 0.4, align: 'right' },
];

function drawHeader(cursor: ReportCursor, columns: readonly TableColumn[]): void {
  cursor.doc.rect(cursor.left, cursor.y, cursor.width, ROW_HEIGHT).fillColor(COLOURS.accent).fill();
  drawCells(cursor, columns, columns.map((column) => column.header), '#ffffff');
  cursor.y += ROW_HEIGHT;
}

function drawRow(cursor: ReportCursor, columns: readonly TableColumn[], row: readonly string[], fill: string | null): void {
  if (fill) cursor.doc.rect(cursor.left, cursor.y, cursor.width, ROW_HEIGHT).fillColor(fill).fill();
  drawCells(cursor, columns, row, COLOURS.ink);
  cursor.y += ROW_HEIGHT;
}

function drawCells(cursor: ReportCursor, columns: readonly TableColumn[], cells: readonly string[], colour: string): void {
  let x = cursor.left;
  columns.forEach((column, index) => {
    const width = column.share * cursor.width - 2 * PADDING;
    const text = cursor.fit(cells[index] ?? '', width, FONT_SIZES.body);
    cursor.line(text, x + PADDING, cursor.y + 3, FONT_SIZES.body, colour, { width, align: column.align ?? 'left' });
    x += column.share * cursor.width;
  });
}
