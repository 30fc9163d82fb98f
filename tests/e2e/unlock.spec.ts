import { expect, test } from '@playwright/test';
import { ADMIN, ANALYST, hostUrl } from './e2e-env.ts';
import { hostCall, keepScreenshot, openLocked, pageTitle, unlockAs } from './fixtures.ts';

test.describe('unlock', () => {
  test('a wrong passphrase is refused with main’s message, the right one opens the dashboard', async ({ page }, testInfo) => {
    await openLocked(page);
    // The token left the address bar as soon as the page started.
    expect(page.url()).not.toContain('token=');
    await expect(page.getByText('e2e', { exact: true })).toBeVisible();
    await keepScreenshot(page, testInfo, 'unlock');

    await page.getByLabel('User', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const error = page.getByTestId('unlock-error');
    await expect(error).toBeVisible({ timeout: 20_000 });
    await expect(error).toContainText(/passphrase/i);
    await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');
    await keepScreenshot(page, testInfo, 'unlock-refused');

    await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(pageTitle(page)).toHaveText('Dashboard', { timeout: 20_000 });
    await expect(page.getByTestId('current-user')).toContainText(ADMIN.username);
  });

  test('serve --user fills the user field (the URL carries it beside the token), and a reload keeps it', async ({ page }) => {
    const locked = await hostCall('session.lock');
    expect(locked.ok).toBe(true);
    await page.goto(`${hostUrl()}&user=${encodeURIComponent(ANALYST.username)}`);
    await expect(page.getByLabel('User', { exact: true })).toHaveValue(ANALYST.username);
    expect(page.url()).not.toContain('user=');
    await page.reload();
    await expect(page.getByLabel('User', { exact: true })).toHaveValue(ANALYST.username);
  });

  test('closing the last tab locks the session: the address opened again asks to unlock', async ({ page, context }) => {
    await unlockAs(page, ADMIN);
    await page.close();
    // serve locks 10 s after the last page has gone (a reload reconnects well within that).
    await expect.poll(async () => {
      const status = await hostCall('session.status');
      return status.ok && (status.result as { state: string }).state;
    }, { timeout: 30_000, intervals: [1_000] }).toBe('locked');
    const reopened = await context.newPage();
    await reopened.goto(hostUrl());
    await expect(reopened.getByTestId('unlock-form')).toBeVisible();
  });

  test('the lock button returns to the unlock screen, and a reload keeps the token', async ({ page }) => {
    await openLocked(page);
    await page.getByLabel('User', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(pageTitle(page)).toHaveText('Dashboard', { timeout: 20_000 });

    await page.reload();
    await expect(pageTitle(page)).toHaveText('Dashboard');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByTestId('unlock-form')).toBeVisible();
  });

  test('a lock from elsewhere (main’s session.locked event) returns the page to the unlock screen', async ({ page }) => {
    await openLocked(page);
    await page.getByLabel('User', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(pageTitle(page)).toHaveText('Dashboard', { timeout: 20_000 });

    await hostCall('session.lock');
    await expect(page.getByTestId('unlock-form')).toBeVisible();
  });
});
