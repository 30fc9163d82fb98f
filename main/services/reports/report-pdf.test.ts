import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import PDFDocument from 'pdfkit';
import type { ReportLanguage } from '../../../preload/contract/reports.ts';
import { pdfFonts, pdfImageRows, pdfPageCount, pdfPageTexts, renderPagePng, writePdf } from '../../test-support/poppler.ts';
import { approvalFigures, emptyReportFigures, FOOTER_FINGERPRINT, fullReportFigures } from '../../test-support/report-figures.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';
import { renderReportPdf } from './report-pdf.ts';

const folder = tempDir('riskdesk-report-pdf-');

interface Rendered {
  pdf: Buffer;
  file: string;
  pages: string[];
}

async function rendered(name: string, figures: Parameters<typeof renderReportPdf>[0]): Promise<Rendered> {
  const pdf = await renderReportPdf(figures);
  const file = writePdf(folder, name, pdf);
  return { pdf, file, pages: pdfPageTexts(file) };
}

const FOOTER_PAGE: Record<ReportLanguage, (page: number, pages: number) => string> = {
  en: (page, pages) => `Page ${page} of ${pages}`,
  'zh-CN': (page, pages) => `第 ${page} 页，共 ${pages} 页`,
};

/** Every page carries "page n of N" with N from pdfinfo, the scope and the fingerprint prefix. */
function assertFooters(report: Rendered, language: ReportLanguage): void {
  const count = pdfPageCount(report.file);
  assert.equal(report.pages.length, count);
  report.pages.forEach((page, index) => {
    assert.ok(page.includes(FOOTER_PAGE[language](index + 1, count)), `page ${index + 1} has its page number`);
    assert.ok(page.includes(FOOTER_FINGERPRINT), `page ${index + 1} has the workspace fingerprint`);
    assert.ok(page.includes('2026-11 ('), `page ${index + 1} has the scope`);
  });
}

/** A blank A4 page through the same pdftoppm call: what a page with nothing drawn on it weighs as a PNG. */
function blankPngBytes(): Promise<number> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(fs.statSync(renderPagePng(writePdf(folder, 'blank', Buffer.concat(chunks)), 1, 50, path.join(folder, 'blank'))).size));
    doc.end();
  });
}

describe('the risk report PDF of a full period', () => {
  const reports = {} as Record<ReportLanguage, Rendered>;
  before(async () => {
    reports.en = await rendered('full-en', fullReportFigures('en'));
    reports['zh-CN'] = await rendered('full-zh', fullReportFigures('zh-CN'));
  });

  test('the English text holds the figures as formatted', () => {
    const text = reports.en.pages.join('\n');
    // ECL 26_543_210_98 fen = CN¥26,543,210.98; EAD 1_300_000_000_00 fen; coverage 26,543,210.98 / 1,300,000,000 = 2.04 %.
    for (const expected of ['Risk report', 'CN¥26,543,210.98', 'CN¥1,300,000,000.00', '2.04%', 'CN¥1,234,567,890.12']) assert.ok(text.includes(expected), expected);
    // LCR 1.384 → 138.4 %, NSFR 0.962 → 96.2 %; HQLA 2,500,000,000 major units.
    for (const expected of ['138.4%', '96.2%', 'CN¥2,500,000,000']) assert.ok(text.includes(expected), expected);
    // Fraud counts and money flagged (9_876_543_21 fen), case counts, a disposition and a scenario as labels.
    for (const expected of ['1,482,113', '2,315', 'CN¥9,876,543.21', '1,907', '1,254', '1,198', 'Confirmed fraud', 'Market-wide stress', 'not yet observed']) {
      assert.ok(text.includes(expected), expected);
    }
    for (const subject of ['approval subject 1', 'approval subject 2', 'approval subject 3']) assert.ok(text.includes(subject), subject);
    // The sections come in their fixed order.
    const order = ['Portfolio', 'Credit risk', 'Fraud', 'Liquidity', 'Cases', 'Approvals in the period'].map((heading) => text.indexOf(`\n${heading}\n`));
    assert.ok(order.every((at, index) => at > 0 && (index === 0 || at > (order[index - 1] as number))), `section order ${order.join(', ')}`);
  });

  test('the Chinese text holds Chinese headings and the same figures (the font is embedded with ToUnicode)', () => {
    const text = reports['zh-CN'].pages.join('\n');
    for (const expected of ['风险报告', '预期信用损失', '资产组合', '流动性覆盖率', '确认欺诈', '本期审批', '¥26,543,210.98', '138.4%', '1,482,113', 'approval subject 3']) {
      assert.ok(text.includes(expected), expected);
    }
  });

  test('every page has its footer, in both languages', () => {
    assertFooters(reports.en, 'en');
    assertFooters(reports['zh-CN'], 'zh-CN');
  });

  test('the one font is embedded as a subset with ToUnicode, and there are no images', () => {
    for (const report of Object.values(reports)) {
      const fonts = pdfFonts(report.file);
      assert.equal(fonts.length, 1, JSON.stringify(fonts));
      const [font] = fonts;
      assert.match(font?.name ?? '', /^[A-Z]{6}\+NotoSansCJKsc-Regular$/);
      assert.equal(font?.type, 'CID Type 0C');
      assert.deepEqual([font?.embedded, font?.subset, font?.toUnicode], [true, true, true]);
      assert.deepEqual(pdfImageRows(report.file), [], 'charts are vectors, not images');
    }
  });

  test('page 1 and the credit charts page render to PNGs with something on them', async () => {
    const blank = await blankPngBytes();
    for (const [language, report] of Object.entries(reports)) {
      const creditPage = report.pages.findIndex((page) => page.includes(language === 'en' ? 'Stage migration' : '阶段迁移')) + 1;
      assert.ok(creditPage > 0, 'the stage migration chart is on some page');
      for (const page of [1, creditPage]) {
        const png = renderPagePng(report.file, page, 50, path.join(folder, `${language}-${page}`));
        // A blank A4 page at 50 dpi compresses to about 1.5 KB; a page of text and charts to tens of kilobytes.
        assert.ok(fs.statSync(png).size > 5 * blank, `${language} page ${page}: ${fs.statSync(png).size} bytes against a blank page's ${blank}`);
      }
    }
  });

  test('the same figures give byte-identical PDFs', async () => {
    assert.ok((await renderReportPdf(fullReportFigures('en'))).equals(reports.en.pdf));
    assert.ok((await renderReportPdf(fullReportFigures('zh-CN'))).equals(reports['zh-CN'].pdf));
  });
});

describe('the risk report PDF of a period without data', () => {
  test('each null section keeps its heading and says there is no data yet and why, in both languages', async () => {
    const en = (await rendered('empty-en', emptyReportFigures('en'))).pages.join('\n');
    assert.equal(en.match(/No data for this period yet:/g)?.length, 5);
    for (const why of ['no open loans on 30 Nov 2026', 'no credit run finished by 30 Nov 2026', 'no fraud run, alert or closed fraud case in 2026-11', 'no liquidity run as of 30 Nov 2026', 'no case opened, closed or open in 2026-11']) {
      assert.ok(en.includes(why), why);
    }
    assert.ok(en.includes('No approvals were made in this period.'));
    const zh = await rendered('empty-zh', emptyReportFigures('zh-CN'));
    const zhText = zh.pages.join('\n');
    assert.equal(zhText.match(/本期暂无数据：/g)?.length, 5);
    for (const heading of ['资产组合', '信用风险', '欺诈', '流动性', '案件', '本期审批', '截至 2026年11月30日 尚无完成的信用风险运行']) assert.ok(zhText.includes(heading), heading);
    assertFooters(zh, 'zh-CN');
  });
});

describe('a report with many approvals', () => {
  test('200 approvals run over pages, each with the table header and its footer', async () => {
    const few = pdfPageCount((await rendered('few-approvals', fullReportFigures('en'))).file);
    const many = await rendered('many-approvals', fullReportFigures('en', { approvals: approvalFigures(200) }));
    // 200 rows of 15 pt on pages whose body is 841.89 − 50 − 64 ≈ 728 pt (48 rows a page) need at least 4 more pages.
    assert.ok(many.pages.length >= few + 4, `${many.pages.length} pages against ${few}`);
    assertFooters(many, 'en');
    const text = many.pages.join('\n');
    for (let index = 1; index <= 200; index++) assert.ok(new RegExp(`approval subject ${index}\\b`).test(text), `approval ${index}`);
    for (const page of many.pages.filter((page) => page.includes('approval subject'))) assert.match(page, /When\s+What\s+Subject\s+By/);
  });
});

test('a missing font is an error that says to reinstall', async () => {
  await assert.rejects(renderReportPdf(emptyReportFigures('en'), { fontPath: path.join(folder, 'no-such-font.otf') }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'FILE_UNREADABLE');
    assert.match(error.message, /no-such-font\.otf is missing.*reinstall RiskDesk/);
    return true;
  });
});
