// PDFs read back with poppler-utils (pdftotext, pdfinfo, pdffonts, pdfimages, pdftoppm), as a reader outside RiskDesk
// sees them. A missing poppler makes the calling test fail (ENOENT), never skip: CI installs poppler-utils.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function poppler(tool: string, args: readonly string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Writes `pdf` into `folder` as `name`.pdf and returns its path. */
export function writePdf(folder: string, name: string, pdf: Buffer): string {
  const file = path.join(folder, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** The text of each page (`pdftotext -layout`; pages end with a form feed). */
export function pdfPageTexts(file: string): string[] {
  const pages = poppler('pdftotext', ['-layout', file, '-']).split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

export function pdfPageCount(file: string): number {
  const pages = poppler('pdfinfo', [file]).match(/^Pages:\s+(\d+)$/m);
  if (!pages) throw new Error(`pdfinfo printed no page count for ${file}`);
  return Number(pages[1]);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  toUnicode: boolean;
}

/** `pdffonts`' table, one entry per font; the name column is as wide as its dashes under the header. */
export function pdfFonts(file: string): PdfFont[] {
  const [, rule = '', ...rows] = poppler('pdffonts', [file]).trimEnd().split('\n');
  const widths = rule.split(' ').map((dashes) => dashes.length);
  return rows.map((row) => {
    const cells: string[] = [];
    let at = 0;
    for (const width of widths) {
      cells.push(row.slice(at, at + width).trim());
      at += width + 1;
    }
    const [name = '', type = '', , embedded, subset, toUnicode] = cells;
    return { name, type, embedded: embedded === 'yes', subset: subset === 'yes', toUnicode: toUnicode === 'yes' };
  });
}

/** The image rows of `pdfimages -list` (none for a PDF of vectors and text). */
export function pdfImageRows(file: string): string[] {
  return poppler('pdfimages', ['-list', file]).trimEnd().split('\n').slice(2);
}

/** Page `page` rendered to PNG at `dpi`; returns the PNG's path. */
export function renderPagePng(file: string, page: number, dpi: number, outPrefix: string): string {
  poppler('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', file, outPrefix]);
  return `${outPrefix}.png`;
}
