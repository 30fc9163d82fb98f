import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN, workspacePath } from './e2e-env.ts';
import { hostCall, pageTitle, unlockAs } from './fixtures.ts';

/** The SQLCipher salt the keyring records: a re-key re-encrypts the file, with a new one. */
function keyringSalt(): string {
  return (JSON.parse(readFileSync(`${workspacePath()}.keyring`, 'utf8')) as { dbSalt: string }).dbSalt;
}

test.describe('settings, as an admin', () => {
  test.beforeEach(async ({ page }) => {
    await unlockAs(page, ADMIN);
    await page.keyboard.press('Alt+9');
    await expect(pageTitle(page)).toHaveText('Settings');
  });

  test('adds a user with a role, then removes them, with and without re-keying the workspace', async ({ page }) => {
    const form = page.getByTestId('add-user-form');
    const row = (name: string) => page.getByTestId('users-table').getByRole('row', { name: new RegExp(`^${name}\\b`) });
    for (const name of ['ana', 'ben']) {
      await form.getByLabel('User name').fill(name);
      await form.getByLabel('Role').selectOption('analyst');
      await form.getByLabel('Initial passphrase').fill('analysts read the tea leaves');
      await form.getByRole('button', { name: 'Add user' }).click();
      await expect(row(name)).toContainText('Analyst');
    }

    await row('ben').getByRole('button', { name: 'Remove' }).click();
    await row('ben').getByTestId('rekey-after-remove').uncheck();
    await row('ben').getByRole('button', { name: 'Remove ben' }).click();
    await expect(row('ben')).toHaveCount(0);

    const saltBefore = keyringSalt();
    await row('ana').getByRole('button', { name: 'Remove' }).click();
    await expect(row('ana').getByTestId('rekey-after-remove')).toBeChecked();
    await row('ana').getByRole('button', { name: 'Remove ana' }).click();
    // The re-key locks the session; the admin's own passphrase opens the re-keyed workspace.
    await expect(page.getByText('The workspace was re-keyed and locked')).toBeVisible({ timeout: 30_000 });
    expect(keyringSalt()).not.toBe(saltBefore);
    await unlockAs(page, ADMIN);
    // The latest events but the sessions' own unlocks and locks.
    const audit = await hostCall('audit.events', { startRow: 0, endRow: 8, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    const actions = audit.ok ? (audit.result as { rows: { action: string }[] }).rows.map((r) => r.action).filter((action) => !action.startsWith('session.')) : [];
    expect(actions.slice(0, 3)).toEqual(expect.arrayContaining(['workspace.rekey', 'user.remove']));
  });

  test('a weak passphrase is refused with main’s reason', async ({ page }) => {
    const form = page.getByTestId('add-user-form');
    await form.getByLabel('User name').fill('bob');
    await form.getByLabel('Initial passphrase').fill('short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByTestId('error-notice')).toContainText(/passphrase/i);
  });

  test('a backup runs as a job with a progress bar, to done, into the folder the host allows', async ({ page }) => {
    const section = page.getByTestId('backup-section');
    const folder = await hostCall('workspace.fileFolder');
    expect(folder.ok).toBe(true);
    await expect(section.getByText(`A new file in ${(folder.ok && (folder.result as { folder: string }).folder) || ''}`)).toBeVisible();
    await section.getByLabel('Backup file path').fill(`e2e-backup-${Date.now()}.rdw`);
    await section.getByRole('button', { name: 'Back up now' }).click();
    const job = section.getByTestId('job-progress');
    await expect(job).toBeVisible();
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    // The status bar lists the session's jobs too.
    await expect(page.locator('.statusbar')).toContainText('Backup');
  });

  test('a CSV picked on this computer is uploaded, checked and imported; a path outside the allowed folder is refused', async ({ page }) => {
    const form = page.getByTestId('import-form');
    await form.getByLabel('Kind').selectOption('borrowers');
    const rows = ['borrower_id,region,annual_income', ...Array.from({ length: 2_000 }, (_, i) => `E2E-${i},north,${1000 + i}.00`)];
    await form.getByLabel('CSV file').setInputFiles({ name: 'e2e-borrowers.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
    await form.getByRole('button', { name: 'Check file' }).click();
    await expect(form.getByTestId('import-check')).toContainText('2,000 borrowers rows can be imported', { timeout: 30_000 });
    await form.getByTestId('import-confirm').click();
    const job = form.getByTestId('job-progress');
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(job).toContainText('e2e-borrowers.csv');
    const audit = await hostCall('audit.events', { startRow: 0, endRow: 1, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    expect(audit.ok && (audit.result as { rows: { action: string; details: string }[] }).rows[0]).toMatchObject({ action: 'data.import', details: expect.stringContaining('"rows":2000') });

    await form.getByText('File in the RiskDesk folder').click();
    await form.getByLabel('File path').fill('/etc/passwd');
    await form.getByRole('button', { name: 'Check file' }).click();
    await expect(form.getByTestId('error-notice')).toContainText('must be inside');
    await expect(form.getByTestId('error-notice')).not.toContainText('root:');
  });

  test('the idle lock time is saved', async ({ page }) => {
    const field = page.getByLabel('Lock after (minutes without activity)');
    await field.fill('25');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    const settings = await hostCall('settings.get');
    expect(settings.ok && (settings.result as { idleLockMinutes: number }).idleLockMinutes).toBe(25);
  });
});
