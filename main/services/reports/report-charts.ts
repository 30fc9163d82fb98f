// The report's charts, drawn as pdfkit paths (vectors, no images): bar charts, the vintage line chart, the LCR and
// NSFR bars against their minimum, and the stage-migration matrix. Each takes the cursor, makes its own room, draws at
// the cursor and moves it down; every chart has a title and labelled axes.
import { COLOURS, FONT_SIZES, type ReportCursor } from './report-layout.ts';

export interface Bar {
  label: string;
  value: number;
  /** The value as the report prints it (money, a count). */
  shown: string;
}

const TITLE_HEIGHT = 16;
const BAR_ROW = 16;
const LABEL_WIDTH = 120;
const VALUE_ROOM = 90;

function chartTitle(cursor: ReportCursor, title: string): void {
  cursor.line(title, cursor.left, cursor.y, FONT_SIZES.subheading, COLOURS.ink);
  cursor.y += TITLE_HEIGHT;
}

/** Horizontal bars from zero, longest = the largest value; `axis` names what the bars measure. */
export function barChart(cursor: ReportCursor, title: string, axis: string, bars: readonly Bar[]): void {
  cursor.room(TITLE_HEIGHT + bars.length * BAR_ROW + 24);
  chartTitle(cursor, title);
  const plotLeft = cursor.left + LABEL_WIDTH;
  const plotWidth = cursor.width - LABEL_WIDTH - VALUE_ROOM;
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const top = cursor.y;
  bars.forEach((bar, index) => {
    const y = top + index * BAR_ROW;
    const length = max > 0 ? (bar.value / max) * plotWidth : 0;
    cursor.line(cursor.fit(bar.label, LABEL_WIDTH - 8, FONT_SIZES.body), cursor.left, y + 3, FONT_SIZES.body);
    if (length > 0) cursor.doc.rect(plotLeft, y + 2, length, BAR_ROW - 5).fillColor(COLOURS.accent).fill();
    cursor.line(bar.shown, plotLeft + length + 4, y + 3, FONT_SIZES.body, COLOURS.muted);
  });
  const axisY = top + bars.length * BAR_ROW + 2;
  cursor.doc.moveTo(plotLeft, top).lineTo(plotLeft, axisY).lineTo(plotLeft + plotWidth, axisY).lineWidth(0.6).strokeColor(COLOURS.muted).stroke();
  cursor.line(axis, plotLeft, axisY + 4, FONT_SIZES.small, COLOURS.muted, { width: plotWidth, align: 'center' });
  cursor.y = axisY + 20;
}

export interface LinePoint {
  label: string;
  /** A share (0.04 = 4 %); null where not yet observed, which breaks the line. */
  value: number | null;
}

const LINE_PLOT_HEIGHT = 110;

/** A line over categories (vintages) with a percent y axis from zero; `percent` formats the tick labels. */
export function lineChart(cursor: ReportCursor, title: string, axes: { x: string; y: string }, points: readonly LinePoint[], percent: (share: number) => string): void {
  cursor.room(TITLE_HEIGHT + LINE_PLOT_HEIGHT + 56);
  chartTitle(cursor, title);
  const plotLeft = cursor.left + 50;
  const plotWidth = cursor.width - 60;
  cursor.line(axes.y, cursor.left, cursor.y, FONT_SIZES.small, COLOURS.muted);
  const top = cursor.y + 16;
  const base = top + LINE_PLOT_HEIGHT;
  const max = niceCeiling(Math.max(...points.map((point) => point.value ?? 0), 0));
  for (const tick of [0, 0.5, 1]) {
    const y = base - tick * LINE_PLOT_HEIGHT;
    cursor.doc.moveTo(plotLeft, y).lineTo(plotLeft + plotWidth, y).lineWidth(0.4).strokeColor(COLOURS.grid).stroke();
    cursor.line(percent(tick * max), cursor.left, y - 4, FONT_SIZES.small, COLOURS.muted, { width: 44, align: 'right' });
  }
  const step = plotWidth / Math.max(points.length, 1);
  const at = (index: number, value: number) => ({ x: plotLeft + step * (index + 0.5), y: base - (max > 0 ? value / max : 0) * LINE_PLOT_HEIGHT });
  drawLine(cursor, points.map((point, index) => (point.value === null ? null : at(index, point.value))));
  const labelEvery = Math.ceil(points.length / 12);
  points.forEach((point, index) => {
    if (index % labelEvery === 0) cursor.line(point.label, plotLeft + step * index, base + 4, FONT_SIZES.small, COLOURS.muted, { width: step * labelEvery, align: 'center' });
  });
  cursor.line(axes.x, plotLeft, base + 16, FONT_SIZES.small, COLOURS.muted, { width: plotWidth, align: 'center' });
  cursor.y = base + 32;
}

/** Segments between consecutive observed points, and a dot on each. */
function drawLine(cursor: ReportCursor, points: readonly ({ x: number; y: number } | null)[]): void {
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (point && previous) cursor.doc.moveTo(previous.x, previous.y).lineTo(point.x, point.y).lineWidth(1.4).strokeColor(COLOURS.accent).stroke();
  });
  for (const point of points) if (point) cursor.doc.circle(point.x, point.y, 2.2).fillColor(COLOURS.accent).fill();
}

/** 1, 2 or 5 times a power of ten at or above `value`, so the axis ticks are round numbers. */
function niceCeiling(value: number): number {
  if (value <= 0) return 0.01;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

export interface RatioBar {
  label: string;
  /** 1.0 = 100 %; null when the ratio has no denominator. */
  value: number | null;
  shown: string;
}

/** Ratios as bars against a dashed line at the 100 % minimum: green at or above it, red below. */
export function ratioBars(cursor: ReportCursor, title: string, labels: { axis: string; minimum: string }, ratios: readonly RatioBar[], percent: (share: number) => string): void {
  cursor.room(TITLE_HEIGHT + ratios.length * 20 + 40);
  chartTitle(cursor, title);
  const plotLeft = cursor.left + LABEL_WIDTH;
  const plotWidth = cursor.width - LABEL_WIDTH - VALUE_ROOM;
  const scale = Math.max(1.5, ...ratios.map((ratio) => (ratio.value ?? 0) * 1.1));
  const top = cursor.y + 10;
  ratios.forEach((ratio, index) => {
    const y = top + index * 20;
    const length = ((ratio.value ?? 0) / scale) * plotWidth;
    cursor.line(cursor.fit(ratio.label, LABEL_WIDTH - 8, FONT_SIZES.body), cursor.left, y + 4, FONT_SIZES.body);
    if (length > 0) cursor.doc.rect(plotLeft, y + 2, length, 14).fillColor((ratio.value ?? 0) >= 1 ? COLOURS.good : COLOURS.bad).fill();
    // In a column of its own: beside the bar it could sit on the dashed minimum line.
    cursor.line(ratio.shown, plotLeft + plotWidth + 8, y + 4, FONT_SIZES.body, COLOURS.ink);
  });
  const axisY = top + ratios.length * 20 + 2;
  const minimumX = plotLeft + plotWidth / scale;
  cursor.doc.moveTo(minimumX, top - 8).lineTo(minimumX, axisY).dash(3, { space: 2 }).lineWidth(0.8).strokeColor(COLOURS.ink).stroke().undash();
  cursor.line(labels.minimum, minimumX + 3, top - 10, FONT_SIZES.small, COLOURS.ink);
  cursor.doc.moveTo(plotLeft, axisY).lineTo(plotLeft + plotWidth, axisY).lineWidth(0.6).strokeColor(COLOURS.muted).stroke();
  for (let tick = 0; tick <= scale + 1e-9; tick += 0.5) {
    cursor.line(percent(tick), plotLeft + (tick / scale) * plotWidth - 20, axisY + 3, FONT_SIZES.small, COLOURS.muted, { width: 40, align: 'center' });
  }
  cursor.line(labels.axis, plotLeft, axisY + 14, FONT_SIZES.small, COLOURS.muted, { width: plotWidth, align: 'center' });
  cursor.y = axisY + 30;
}

/** Loans by stage before (rows) and after (columns), each cell shaded by its share of the largest cell. */
export function migrationMatrix(cursor: ReportCursor, title: string, axes: { rows: string; columns: string }, stages: readonly string[], loans: (from: string, to: string) => number, stageLabel: (stage: string) => string, count: (value: number) => string): void {
  const cell = { width: 90, height: 20 };
  cursor.room(TITLE_HEIGHT + (stages.length + 2) * cell.height + 8);
  chartTitle(cursor, title);
  const left = cursor.left + 90;
  cursor.line(axes.columns, left, cursor.y, FONT_SIZES.small, COLOURS.muted, { width: cell.width * stages.length, align: 'center' });
  const top = cursor.y + 12;
  cursor.line(axes.rows, cursor.left, top + 5, FONT_SIZES.small, COLOURS.muted);
  const max = Math.max(...stages.flatMap((from) => stages.map((to) => loans(from, to))), 1);
  stages.forEach((to, column) => cursor.line(stageLabel(to), left + column * cell.width, top + 5, FONT_SIZES.body, COLOURS.ink, { width: cell.width, align: 'center' }));
  stages.forEach((from, row) => {
    const y = top + (row + 1) * cell.height;
    cursor.line(stageLabel(from), cursor.left, y + 5, FONT_SIZES.body);
    stages.forEach((to, column) => {
      const value = loans(from, to);
      const x = left + column * cell.width;
      cursor.doc.rect(x, y, cell.width, cell.height).fillColor(COLOURS.accent, 0.08 + 0.8 * (value / max)).fill().fillOpacity(1);
      cursor.doc.rect(x, y, cell.width, cell.height).lineWidth(0.5).strokeColor('#ffffff').stroke();
      cursor.line(count(value), x, y + 5, FONT_SIZES.body, value / max > 0.55 ? '#ffffff' : COLOURS.ink, { width: cell.width, align: 'center' });
    });
  });
  cursor.y = top + (stages.length + 1) * cell.height + 10;
}
