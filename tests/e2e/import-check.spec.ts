// Issue 15: an import's warnings are shown before the user confirms. The file is checked first (rows, errors,
// unusual values by row and column) with nothing written; confirming imports it, cancelling leaves the workspace as it was.
import { expect, test, type Locator } from '@playwright/test';
import { ADMIN } from './e2e-env.ts';
import { hostCall, pageTitle, unlockAs } from './fixtures.ts';

const HEADER = 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months';

async function loanExists(loanId: string): Promise<boolean> {
  const detail = await hostCall('portfolio.loanDetail', { loanId });
  return detail.ok;
}

async function importEvents(): Promise<number> {
  const audit = await hostCall('audit.events', { startRow: 0, endRow: 1, sortModel: [{ colId: 'seq', sort: 'desc' }], filterModel: { action: { filterType: 'text', type: 'equals', filter: 'data.import' } } });
  expect(audit.ok).toBe(true);
  return audit.ok ? (audit.result as { rowCount: number | null }).rowCount ?? -1 : -1;
}

async function checkFile(form: Locator, name: string, text: string): Promise<void> {
  await form.getByLabel('Kind').selectOption('loans');
  await form.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await form.getByRole('button', { name: 'Check file' }).click();
}

test('a file is checked before it is imported: warnings shown first, cancel writes nothing, confirm imports', async ({ page }) => {
  await unlockAs(page, ADMIN);
  const borrowers = await hostCall('portfolio.borrowers', { startRow: 0, endRow: 1 });
  const borrower = borrowers.ok ? (borrowers.result as { rows: { borrower_id: string }[] }).rows[0]?.borrower_id : undefined;
  expect(borrower).toBeDefined();
  const loanId = `E2E-CHECK-${Date.now()}`;
  // Row 2: 48 % a year is possible but past the usual 36 %: a warning, not an error.
  const file = `${HEADER}\n${loanId},${borrower},consumer_cash_loan,2024-06-15,5000.00,0.48,12\n`;
  const eventsBefore = await importEvents();

  await page.keyboard.press('Alt+9');
  await expect(pageTitle(page)).toHaveText('Settings');
  const form = page.getByTestId('import-form');

  await checkFile(form, 'unusual-loans.csv', file);
  const panel = form.getByTestId('import-check');
  await expect(panel).toContainText('unusual-loans.csv: 1 loans row can be imported. Nothing has been written yet.', { timeout: 30_000 });
  const warning = panel.getByTestId('import-warnings');
  await expect(warning).toContainText('1 value is unusual; check it before you import');
  await expect(warning.locator('tbody tr')).toHaveCount(1);
  await expect(warning.locator('tbody td')).toHaveText(['2', 'interest_rate', '0.48', /is more than 0\.36 a year/]);
  expect(await loanExists(loanId)).toBe(false);

  await panel.getByTestId('import-cancel').click();
  await expect(form.getByTestId('import-cancelled')).toHaveText('Not imported: nothing was written.');
  await expect(form.getByTestId('import-check')).toHaveCount(0);
  expect(await loanExists(loanId)).toBe(false);
  expect(await importEvents()).toBe(eventsBefore);

  await checkFile(form, 'unusual-loans.csv', file);
  await form.getByTestId('import-confirm').click();
  const job = form.getByTestId('job-progress');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(job).toContainText('Import loans from unusual-loans.csv');
  await expect(form.getByTestId('import-warnings')).toContainText('Imported, but 1 value is unusual');
  await expect(form.getByTestId('import-confirm')).toHaveCount(0);
  expect(await loanExists(loanId)).toBe(true);
  expect(await importEvents()).toBe(eventsBefore + 1);
});

test('a file with errors is refused by the check, naming row and column, and cannot be confirmed', async ({ page }) => {
  await unlockAs(page, ADMIN);
  await page.keyboard.press('Alt+9');
  const form = page.getByTestId('import-form');
  await checkFile(form, 'rocket-loans.csv', `${HEADER}\nE2E-ROCKET,B-NONE,rocket,2024-06-15,5000.00,0.12,12\n`);
  const job = form.getByTestId('job-progress');
  await expect(job).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(job.getByTestId('error-notice')).toContainText('rocket-loans.csv cannot be imported (checked; nothing was written)');
  await expect(job.getByTestId('error-notice')).toContainText('row 2, column product: "rocket" is not one of consumer_cash_loan');
  await expect(form.getByTestId('import-confirm')).toHaveCount(0);
});
