import { expect, test } from '@playwright/test';
import { ADMIN } from './e2e-env.ts';
import { pageTitle, unlockAs } from './fixtures.ts';

/** Every area, in navigation order (Alt+1…9), and whether a later release fills it. */
const AREAS = [
  { name: 'Dashboard', path: '/dashboard', later: false },
  { name: 'Portfolio', path: '/portfolio', later: false },
  { name: 'Credit', path: '/credit', later: false },
  { name: 'Fraud', path: '/fraud', later: false },
  { name: 'Liquidity', path: '/liquidity', later: true },
  { name: 'Cases', path: '/cases', later: false },
  { name: 'Rules', path: '/rules', later: false },
  { name: 'Audit & evidence', path: '/audit', later: false },
  { name: 'Settings', path: '/settings', later: false },
] as const;

test.describe('navigation', () => {
  test.beforeEach(async ({ page }) => {
    await unlockAs(page, ADMIN);
  });

  test('every area opens from the navigation, and later areas say so plainly', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const area of AREAS) {
      await nav.getByRole('link', { name: new RegExp(`^${area.name}`) }).click();
      await expect(pageTitle(page)).toHaveText(area.name);
      expect(new URL(page.url()).hash).toBe(`#${area.path}`);
      if (area.later) await expect(page.getByTestId('coming-later')).toContainText(/arrives? in a later release/);
      else await expect(page.getByTestId('coming-later')).toHaveCount(0);
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
