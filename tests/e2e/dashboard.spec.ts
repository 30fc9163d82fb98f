import { expect, test } from '@playwright/test';
import type { MethodResult } from '../../preload/contract/index.ts';
import { ADMIN } from './e2e-env.ts';
import { hostCall, keepScreenshot, unlockAs } from './fixtures.ts';

test('the dashboard shows the portfolio KPIs and charts computed in main', async ({ page }, testInfo) => {
  await unlockAs(page, ADMIN);
  const outcome = await hostCall('dashboard.summary');
  if (!outcome.ok) throw new Error(outcome.error.message);
  const summary = outcome.result as MethodResult<'dashboard.summary'>;

  const kpis = page.getByTestId('kpis');
  await expect(kpis).toContainText(summary.loans.toLocaleString('en-US'));
  await expect(kpis).toContainText('Outstanding');
  await expect(page.getByTestId('delinquency-table').locator('tbody tr')).toHaveCount(summary.delinquency.length);
  await expect(page.getByTestId('largest-exposures').locator('tbody tr')).toHaveCount(summary.largestExposures.length);
  // Trend line, bucket bars, product and region bars.
  await expect(page.locator('.recharts-line')).toHaveCount(2);
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(5);
  await keepScreenshot(page, testInfo, 'dashboard');

  // A largest exposure opens the portfolio filtered to that borrower.
  const first = summary.largestExposures[0];
  if (!first) return;
  await page.getByTestId('largest-exposures').getByRole('link', { name: first.borrowerId }).click();
  await expect(page.getByLabel('Borrower Filter Input')).toHaveValue(first.borrowerId);
  await expect(page.getByTestId('loan-grid-count')).toHaveText(`${first.loans.toLocaleString('en-US')} ${first.loans === 1 ? 'loan' : 'loans'}`);
});

test('each dashboard figure states its definition, and the trend ends on the 30+ DPD tile', async ({ page }) => {
  await unlockAs(page, ADMIN);
  const outcome = await hostCall('dashboard.summary');
  if (!outcome.ok) throw new Error(outcome.error.message);
  const summary = outcome.result as MethodResult<'dashboard.summary'>;
  const percent = (share: number, digits: number) => new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);

  // The tiles: what each counts, stated under it.
  const tile = (id: string) => page.getByTestId('kpis').locator(`[data-kpi="${id}"]`);
  await expect(tile('loans')).toContainText('Open loans');
  await expect(tile('loans')).toContainText('Not paid off or written off');
  await expect(tile('outstanding')).toContainText(`Balance of open loans in ${summary.currency}`);
  await expect(tile('defaults')).toContainText('Share of open loans by count');
  await expect(tile('dpd30')).toContainText('Share of open-loan balance 30+ days past due');
  await expect(tile('dpd30').locator('.kpi-value')).toHaveText(percent(summary.dpd30Share, 2));
  await expect(page.getByTestId('trend-definition')).toContainText('Share of open-loan balance 30+ and 90+ days past due at each month end');
  await expect(page.getByTestId('delinquency-definition')).toContainText('Open loans only');

  // The trend's last month is the as-of month and measures what the tile does: the same share, in main and on screen.
  const last = summary.trend.at(-1);
  expect(last?.month).toBe(summary.asOf);
  expect(last?.dpd30Share).toBe(summary.dpd30Share);
  expect(last?.dpd90Share).toBe(summary.dpd90Share);
  expect(last?.outstandingMinor).toBe(summary.outstandingMinor);
  const chart = page.getByTestId('trend-definition').locator('xpath=..').locator('.recharts-wrapper');
  const box = await chart.boundingBox();
  if (!box) throw new Error('the trend chart is not on screen');
  await page.mouse.move(box.x + box.width - 14, box.y + box.height / 2);
  const tooltip = chart.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(summary.asOf ?? '');
  await expect(tooltip).toContainText(`30+ DPD, share of balance : ${percent(summary.dpd30Share, 1)}`);

  // The bucket table holds the open loans, each once.
  const bucketLoans = summary.delinquency.reduce((sum, bucket) => sum + bucket.loans, 0);
  expect(bucketLoans).toBe(summary.loans);
});
