// Issue 14 §2 in the app: a GBK file (a Chinese spreadsheet's CSV) is refused as UTF-8, the refusal names GBK, and one
// click checks it again as GBK, and the import confirmed after that check stores the Chinese text as it reads.
import { expect, test } from '@playwright/test';
import { GBK_BORROWER_REGIONS, GBK_BORROWERS_CSV } from '../../main/test-support/gbk-csv.ts';
import { ADMIN } from './e2e-env.ts';
import { hostCall, pageTitle, unlockAs } from './fixtures.ts';

test('a GBK CSV is refused as UTF-8, naming GBK, and imported after one click on “Check again as GBK”', async ({ page }) => {
  await unlockAs(page, ADMIN);
  await page.keyboard.press('Alt+9');
  await expect(pageTitle(page)).toHaveText('Settings');
  const form = page.getByTestId('import-form');
  await form.getByLabel('Kind').selectOption('borrowers');
  await expect(form.getByLabel('Encoding')).toHaveValue('utf-8');
  await form.getByLabel('CSV file').setInputFiles({ name: 'borrowers-gbk.csv', mimeType: 'text/csv', buffer: GBK_BORROWERS_CSV });
  await form.getByRole('button', { name: 'Check file', exact: true }).click();

  const job = form.getByTestId('job-progress');
  await expect(job).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(job.getByTestId('error-notice')).toContainText('borrowers-gbk.csv cannot be imported (checked; nothing was written)');
  await expect(job.getByTestId('error-notice')).toContainText('the file looks like GBK (simplified Chinese)');
  const retry = form.getByTestId('import-retry-encoding');
  await expect(retry).toHaveText('Check again as GBK (Simplified Chinese)');

  await retry.click();
  await expect(form.getByTestId('import-check')).toContainText('2 borrowers rows can be imported', { timeout: 30_000 });
  await expect(retry).toHaveCount(0);
  await expect(form.getByLabel('Encoding')).toHaveValue('gbk');
  await form.getByTestId('import-confirm').click();
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(job).toContainText('Import borrowers from borrowers-gbk.csv');
  const borrowers = await hostCall('portfolio.borrowers', { startRow: 0, endRow: 10, sortModel: [{ colId: 'borrower_id', sort: 'asc' }], filterModel: { borrower_id: { filterType: 'text', type: 'startsWith', filter: 'GBK-' } } });
  expect(borrowers.ok).toBe(true);
  const rows = borrowers.ok ? (borrowers.result as { rows: Array<{ borrower_id: string; region: string }> }).rows : [];
  expect(Object.fromEntries(rows.map((row) => [row.borrower_id, row.region]))).toEqual(GBK_BORROWER_REGIONS);
});
