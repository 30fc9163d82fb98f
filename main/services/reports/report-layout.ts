// The page geometry of a risk report and the cursor that walks down its pages: everything that draws asks the cursor
// for room first, so nothing runs into the footer; a block that does not fit starts on a new page.

/** A4 in points, with room under the body for the footer that report-pdf.ts writes on every page at the end. */
export const PAGE = { size: 'A4', width: 595.28, height: 841.89, margin: { top: 50, bottom: 64, left: 50, right: 50 } } as const;

export const COLOURS = {
  ink: '#1f2933',
  muted: '#616e7c',
  accent: '#1d4ed8',
  good: '#15803d',
  bad: '#b91c1c',
  grid: '#c8d0d9',
  shade: '#eef2f7',
} as const;

export const FONT_SIZES = { title: 24, heading: 15, subheading: 11, body: 9, small: 7.5 } as const;

export class ReportCursor {
  readonly left = PAGE.margin.left;
  readonly width = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  readonly top = PAGE.margin.top;
  readonly bottom = PAGE.height - PAGE.margin.bottom;
  y: number = PAGE.margin.top;
  readonly doc: PDFKit.PDFDocument;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  /** Makes room for a block `height` tall: a new page when the rest of this one is too short. */
  room(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** One line of text at (x, y) that never wraps nor moves to another page (pdfkit would, left to itself). */
  line(text: string, x: number, y: number, size: number, colour: string = COLOURS.ink, options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc.fontSize(size).fillColor(colour).text(text, x, y, { lineBreak: false, ...options });
  }

  /** `text` cut with an ellipsis to fit `width` at `size`, so a long subject cannot spill into the next column. */
  fit(text: string, width: number, size: number): string {
    this.doc.fontSize(size);
    if (this.doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 0 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  /** A section's heading: kept with at least `keep` points of what follows, so it never ends a page alone. */
  heading(text: string, keep = 80): void {
    this.room(FONT_SIZES.heading + 14 + keep);
    this.y += this.y > this.top ? 10 : 0;
    this.line(text, this.left, this.y, FONT_SIZES.heading, COLOURS.accent);
    this.y += FONT_SIZES.heading + 4;
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.8).strokeColor(COLOURS.accent).stroke();
    this.y += 8;
  }

  subheading(text: string, keep = 40): void {
    this.room(FONT_SIZES.subheading + 8 + keep);
    this.line(text, this.left, this.y, FONT_SIZES.subheading, COLOURS.ink);
    this.y += FONT_SIZES.subheading + 6;
  }

  /** Wrapped body text across the full width. */
  paragraph(text: string, colour: string = COLOURS.ink, size: number = FONT_SIZES.body): void {
    this.doc.fontSize(size);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.room(height);
    this.doc.fillColor(colour).text(text, this.left, this.y, { width: this.width });
    this.y += height + 6;
  }

  gap(points = 8): void {
    this.y += points;
  }
}
