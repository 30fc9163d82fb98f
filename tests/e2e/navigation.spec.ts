import { expect, test } from '@playwright/test';
import { ADMIN } from './e2e-env.ts';
import { pageTitle, unlockAs } from './fixtures.ts';

/** Every area, in navigation order (Alt+1…9). */
const AREAS = [
  { name: 'Dashboard', path: '/dashboard' },
  { name: 'Portfolio', path: '/portfolio' },
  { name: 'Credit', path: '/credit' },
  { name: 'Fraud', path: '/fraud' },
  { name: 'Liquidity', path: '/liquidity' },
  { name: 'Cases', path: '/cases' },
  { name: 'Rules', path: '/rules' },
  { name: 'Audit & evidence', path: '/audit' },
  { name: 'Settings', path: '/settings' },
] as const;

test.describe('navigation', () => {
  test.beforeEach(async ({ page }) => {
    await unlockAs(page, ADMIN);
  });

  test('every area opens from the navigation', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const area of AREAS) {
      await nav.getByRole('link', { name: new RegExp(`^${area.name}`) }).click();
      await expect(pageTitle(page)).toHaveText(area.name);
      expect(new URL(page.url()).hash).toBe(`#${area.path}`);
    }
  });

  test('Alt+1…9 open the areas and put focus on the area’s title', async ({ page }) => {
    for (const [index, area] of [...AREAS.entries()].reverse()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      await expect(pageTitle(page)).toHaveText(area.name);
      await expect(pageTitle(page)).toBeFocused();
      expect(new URL(page.url()).hash).toBe(`#${area.path}`);
    }
  });

  test('the navigation shows each area’s shortcut, and Tab reaches it before the page', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const [index] of AREAS.entries()) await expect(nav.getByText(`Alt+${index + 1}`, { exact: true })).toBeVisible();

    // Focus order: skip link, top bar, navigation, then the area itself.
    await page.locator('body').focus();
    const dashboardLink = nav.getByRole('link', { name: /^Dashboard/ });
    for (let presses = 0; presses < 12; presses += 1) {
      await page.keyboard.press('Tab');
      if (await dashboardLink.evaluate((link) => link === link.ownerDocument.activeElement)) break;
      expect(await page.locator('main').evaluate((main) => main.contains(main.ownerDocument.activeElement))).toBe(false);
    }
    await expect(dashboardLink).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: /^Portfolio/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pageTitle(page)).toHaveText('Portfolio');
  });
});
