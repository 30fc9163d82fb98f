import { expect, test } from '@playwright/test';
import { ADMIN } from './e2e-env.ts';
import { hostCall, pageTitle, unlockAs } from './fixtures.ts';

test.describe('language', () => {
  test.afterEach(async () => {
    // The choice is saved in the user's settings in the workspace: put it back for the other tests.
    await hostCall('settings.update', { language: 'en' });
  });

  test('switching to Simplified Chinese relabels the workstation, and back', async ({ page }) => {
    await unlockAs(page, ADMIN);
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: /^Portfolio/ })).toBeVisible();

    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect(pageTitle(page)).toHaveText('总览');
    await expect(nav.getByRole('link', { name: /^资产组合/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // Saved for this user: a reload comes back in Chinese.
    await page.reload();
    await expect(pageTitle(page)).toHaveText('总览');

    await page.getByTestId('language-select').selectOption('en');
    await expect(pageTitle(page)).toHaveText('Dashboard');
  });

  test('the theme switches between light and dark', async ({ page }) => {
    await unlockAs(page, ADMIN);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('theme-select').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await hostCall('settings.update', { theme: 'system' });
  });
});
