import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { MethodResult } from '../../preload/contract/index.ts';
import { ADMIN } from './e2e-env.ts';
import { hostCall, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';

type LoanPage = MethodResult<'portfolio.loans'>;

/** A grid cell's amount as shown (major units with grouping), as a number. */
function amount(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

function loanGrid(page: Page) {
  const grid = page.getByTestId('loan-grid');
  return {
    grid,
    header: (colId: string): Locator => grid.locator(`.ag-header-cell[role="columnheader"][col-id="${colId}"]`),
    cell: (row: number, colId: string): Locator => grid.locator(`.ag-row[row-index="${row}"] [col-id="${colId}"]`),
    count: page.getByTestId('loan-grid-count'),
  };
}

/** A coded column's set filter, opened from its summary in the header row. */
async function openCodeFilter(page: Page, colId: string): Promise<Locator> {
  await page.getByTestId(`code-set-summary-${colId}`).click();
  const filter = page.getByTestId('code-set-filter');
  await expect(filter).toBeVisible();
  return filter;
}

async function loansPage(query: object): Promise<LoanPage> {
  const outcome = await hostCall('portfolio.loans', { startRow: 0, endRow: 20, sortModel: [], filterModel: {}, ...query });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as LoanPage;
}

test.describe('portfolio', () => {
  test.beforeEach(async ({ page }) => {
    await unlockAs(page, ADMIN);
    await page.keyboard.press('Alt+2');
    await expect(pageTitle(page)).toHaveText('Portfolio');
    await expect(loanGrid(page).count).toHaveText(/^[\d,]+ loans$/, { timeout: 20_000 });
  });

  test('sorting by outstanding runs on the whole portfolio: the largest loan comes first', async ({ page }) => {
    const { header, cell } = loanGrid(page);
    const label = header('outstanding_balance_minor').locator('.ag-header-cell-label');
    await label.click();
    await expect(header('outstanding_balance_minor')).toHaveAttribute('aria-sort', 'ascending');
    await label.click();
    await expect(header('outstanding_balance_minor')).toHaveAttribute('aria-sort', 'descending');

    const expected = await loansPage({ sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }] });
    const top = expected.rows[0];
    if (!top) throw new Error('the demo portfolio has no loans');
    await expect(cell(0, 'loan_id')).toHaveText(top.loan_id);
    const first = amount(await cell(0, 'outstanding_balance_minor').textContent());
    const second = amount(await cell(1, 'outstanding_balance_minor').textContent());
    const tenth = amount(await cell(9, 'outstanding_balance_minor').textContent());
    expect(first).toBeGreaterThan(0);
    expect(first).toBeGreaterThanOrEqual(second);
    expect(second).toBeGreaterThanOrEqual(tenth);
  });

  test('a product filter lists the products by name: ticking one narrows the grid to it, counted in SQL', async ({ page }) => {
    const { cell, count } = loanGrid(page);
    const before = await count.textContent();
    const filter = await openCodeFilter(page, 'product');
    // Every product, by its name, all ticked while there is no filter.
    const options = filter.getByRole('checkbox');
    await expect(options).toHaveCount(4);
    for (const option of await options.all()) await expect(option).toBeChecked();
    // The search matches names and codes alike.
    await filter.getByRole('searchbox').fill('sme_working');
    await expect(options).toHaveCount(1);
    await filter.getByRole('searchbox').fill('');
    await filter.getByRole('button', { name: 'Clear' }).click();
    await filter.getByRole('checkbox', { name: /^SME working capital/ }).check();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('code-set-summary-product')).toHaveValue('SME working capital');

    const expected = await loansPage({ filterModel: { product: { filterType: 'set', values: ['sme_working_capital'] } } });
    expect(expected.rowCount).toBeGreaterThan(0);
    await expect(count).toHaveText(`${expected.rowCount.toLocaleString('en-US')} loans`);
    const visible = Math.min(15, expected.rowCount);
    for (let row = 0; row < visible; row += 1) await expect(cell(row, 'product')).toHaveText('SME working capital');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(count).toHaveText(before ?? '');
    await expect(page.getByTestId('code-set-summary-product')).toHaveValue('');
  });

  test('a region filter lists the regions the borrowers carry, by name', async ({ page }) => {
    const { cell, count } = loanGrid(page);
    const filter = await openCodeFilter(page, 'region');
    const options = filter.getByRole('checkbox');
    await expect(options.first()).toBeVisible();
    const regions = await hostCall('portfolio.regions', {});
    if (!regions.ok) throw new Error(regions.error.message);
    await expect(options).toHaveCount((regions.result as string[]).length);
    await filter.getByRole('button', { name: 'Clear' }).click();
    await options.first().check();
    const name = (await filter.locator('.code-set-label').first().textContent()) ?? '';
    const code = (await filter.locator('.code-set-options label').first().getAttribute('title')) ?? '';
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('code-set-summary-region')).toHaveValue(name);

    const expected = await loansPage({ filterModel: { region: { filterType: 'set', values: [code] } } });
    expect(expected.rowCount).toBeGreaterThan(0);
    await expect(count).toHaveText(new RegExp(`^${expected.rowCount.toLocaleString('en-US')} loans?$`));
    for (let row = 0; row < Math.min(5, expected.rowCount); row += 1) await expect(cell(row, 'region')).toHaveText(name);
  });

  test('opening a loan shows its terms, borrower and monthly performance history', async ({ page }, testInfo) => {
    const { cell, header } = loanGrid(page);
    // The most delinquent loans first: their history has something to show.
    const dpd = header('dpd').locator('.ag-header-cell-label');
    await dpd.click();
    await dpd.click();
    await expect(header('dpd')).toHaveAttribute('aria-sort', 'descending');
    const worst = await loansPage({ sortModel: [{ colId: 'dpd', sort: 'desc' }] });
    await expect(cell(0, 'loan_id')).toHaveText(worst.rows[0]?.loan_id ?? '');

    const loanId = (await cell(1, 'loan_id').textContent()) ?? '';
    // The pinned id column: with the credit columns, sorting by DPD scrolls the grid to its right end.
    await cell(1, 'loan_id').click();
    const detail = page.getByTestId('loan-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByRole('heading', { level: 2 })).toContainText(loanId);
    await expect(detail.getByTestId('performance-table').locator('tbody tr').first()).toBeVisible();
    expect(await detail.getByTestId('performance-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(detail.locator('.recharts-surface')).toBeVisible();
    expect(new URL(page.url()).hash).toContain(`loan=${loanId}`);
    await keepScreenshot(page, testInfo, 'portfolio');

    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
  });

  test('at 1440 × 900 the risk columns are in view without scrolling, and amounts carry their currency', async ({ page }) => {
    const { grid, header, cell } = loanGrid(page);
    const host = await grid.locator('.grid-host').boundingBox();
    if (!host) throw new Error('the loan grid has no body');
    const names = { status: 'Status', dpd: 'DPD', pd_12m: 'PD 12m', grade: 'Grade', stage: 'Stage', ecl_minor: 'ECL' };
    for (const [colId, name] of Object.entries(names)) {
      await expect(header(colId)).toContainText(name);
      const box = await header(colId).boundingBox();
      if (!box) throw new Error(`${colId} has no header box`);
      expect(box.x, `${colId} starts inside the grid`).toBeGreaterThanOrEqual(host.x);
      expect(box.x + box.width, `${colId} ends inside the grid, with no horizontal scrolling`).toBeLessThanOrEqual(host.x + host.width);
    }
    // The demo lends in yuan: en-US writes CNY as CN¥.
    await expect(cell(0, 'principal_minor')).toHaveText(/^CN¥[\d,]+\.\d{2}$/);
    await expect(cell(0, 'outstanding_balance_minor')).toHaveText(/^CN¥[\d,]+\.\d{2}$|^$/);
  });

  test('in Simplified Chinese the grid and a loan name their codes and write dates in Chinese', async ({ page }, testInfo) => {
    try {
      const { cell, count } = loanGrid(page);
      await page.getByTestId('language-select').selectOption('zh-CN');
      await expect(pageTitle(page)).toHaveText('资产组合');
      await expect(count).toHaveText(/^[\d,]+ 笔贷款$/, { timeout: 20_000 });
      // Loans of one product, picked by its Chinese name from a list in Chinese order; Space ticks the focused box.
      const filter = await openCodeFilter(page, 'product');
      const names = await filter.locator('.code-set-label').allTextContents();
      expect(names).toHaveLength(4);
      for (const name of names) expect(name).toMatch(/\p{Script=Han}/u);
      expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
      await filter.getByRole('button', { name: '清空' }).click();
      await filter.getByRole('checkbox', { name: /^消费现金贷/ }).focus();
      await page.keyboard.press('Space');
      await keepScreenshot(page, testInfo, 'portfolio-product-filter-zh');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('code-set-summary-product')).toHaveValue('消费现金贷');
      const expected = await loansPage({ filterModel: { product: { filterType: 'set', values: ['consumer_cash_loan'] } } });
      await expect(count).toHaveText(`${expected.rowCount.toLocaleString('en-US')} 笔贷款`);
      for (let row = 0; row < Math.min(5, expected.rowCount); row += 1) await expect(cell(row, 'product')).toHaveText('消费现金贷');
      await expect(cell(0, 'status')).toHaveText(/^(正常|逾期|违约|已核销|已结清)$/);
      await cell(0, 'loan_id').click();
      const detail = page.getByTestId('loan-detail');
      await expect(detail).toContainText('消费现金贷');
      await expect(detail).not.toContainText('consumer_cash_loan');
      await expect(detail.locator('dd').filter({ hasText: /^\d{4}年\d{1,2}月\d{1,2}日$/ }).first()).toBeVisible();
    } finally {
      await hostCall('settings.update', { language: 'en' });
    }
  });

  test('the column chooser hides and shows columns', async ({ page }) => {
    const { header, cell } = loanGrid(page);
    await expect(header('region')).toBeVisible();
    await page.getByTestId('column-chooser').locator('summary').click();
    await page.getByRole('group', { name: 'Choose columns' }).getByLabel('Region').uncheck();
    await expect(header('region')).toHaveCount(0);
    await page.getByRole('group', { name: 'Choose columns' }).getByLabel('Channel').check();
    // Channel is the last column, past the right edge of a 1440-pixel window: scroll the grid to it.
    await page.keyboard.press('Escape');
    await cell(0, 'dpd').hover();
    await page.mouse.wheel(3_000, 0);
    await expect(header('channel')).toBeVisible();
    await page.getByTestId('column-chooser').locator('summary').click();
    await page.getByRole('button', { name: 'Reset to default' }).click();
    await expect(header('region')).toBeVisible();
    await expect(header('channel')).toHaveCount(0);
  });

  test('CSV export downloads the filtered view', async ({ page }) => {
    const filter = await openCodeFilter(page, 'product');
    await filter.getByRole('button', { name: 'Clear' }).click();
    await filter.getByRole('checkbox', { name: /^Revolving credit line/ }).check();
    await page.keyboard.press('Escape');
    const expected = await loansPage({ filterModel: { product: { filterType: 'set', values: ['revolving_credit_line'] } } });
    await expect(loanGrid(page).count).toHaveText(`${expected.rowCount.toLocaleString('en-US')} loans`);

    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await readFile(await file.path())).toString('utf8').replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
    expect(lines.length - 1).toBe(expected.rowCount);
    expect(lines.slice(1).every((line) => line.includes('revolving_credit_line'))).toBe(true);
    await expect(page.getByTestId('plaintext-notice')).toHaveText(/^Saved .*\.csv\. It is not encrypted: keep it somewhere safe, or delete it when you are done\.$/);
  });
});
