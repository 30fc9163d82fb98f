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
