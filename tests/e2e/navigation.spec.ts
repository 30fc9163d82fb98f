import { expect, test } from '@playwright/test';
import { ADMIN } from './e2e-env.ts';
import { pageTitle, unlockAs } from './fixtures.ts';

/** Every area, in navigation order, with its Alt+digit; Evidence and Reports came after the nine digits were taken. */
const AREAS = [
  { name: 'Dashboard', path: '/dashboard', shortcut: '1' },
  { name: 'Portfolio', path: '/portfolio', shortcut: '2' },
  { name: 'Credit', path: '/credit', shortcut: '3' },
  { name: 'Fraud', path: '/fraud', shortcut: '4' },
  { name: 'Liquidity', path: '/liquidity', shortcut: '5' },
  { name: 'Cases', path: '/cases', shortcut: '6' },
  { name: 'Rules', path: '/rules', shortcut: '7' },
  { name: 'Audit', path: '/audit', shortcut: '8' },
  { name: 'Evidence', path: '/evidence', shortcut: null },
  { name: 'Reports', path: '/reports', shortcut: null },
  { name: 'Settings', path: '/settings', shortcut: '9' },
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
    for (const area of [...AREAS].reverse()) {
      if (area.shortcut === null) continue;
      await page.keyboard.press(`Alt+${area.shortcut}`);
      await expect(pageTitle(page)).toHaveText(area.name);
      await expect(pageTitle(page)).toBeFocused();
      expect(new URL(page.url()).hash).toBe(`#${area.path}`);
    }
  });

  test('the navigation shows each area’s shortcut, and Tab reaches it before the page', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const area of AREAS) if (area.shortcut !== null) await expect(nav.getByText(`Alt+${area.shortcut}`, { exact: true })).toBeVisible();

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
