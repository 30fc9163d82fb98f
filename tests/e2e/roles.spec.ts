import { expect, test } from '@playwright/test';
import type { ApiOutcome } from '../../preload/contract/index.ts';
import { AUDITOR } from './e2e-env.ts';
import { pageTitle, unlockAs } from './fixtures.ts';

test.describe('an auditor', () => {
  test.beforeEach(async ({ page }) => {
    await unlockAs(page, AUDITOR);
    await expect(page.getByTestId('current-user')).toContainText('Auditor');
  });

  test('sees no write controls, and main refuses the writes anyway', async ({ page }) => {
    await page.keyboard.press('Alt+9');
    await expect(pageTitle(page)).toHaveText('Settings');

    // Users: listed (auditors may read them), but no add form and no remove buttons.
    await expect(page.getByTestId('users-table')).toContainText(AUDITOR.username);
    await expect(page.getByTestId('add-user-form')).toHaveCount(0);
    await expect(page.getByTestId('users-section').getByRole('button', { name: 'Remove' })).toHaveCount(0);
    // Data: no import and no demo generation, and it says why.
    await expect(page.getByTestId('import-form')).toHaveCount(0);
    await expect(page.getByTestId('demo-form')).toHaveCount(0);
    await expect(page.getByTestId('data-section')).toContainText('need an admin or analyst');

    // The same calls made directly from this page (its own token and origin) are refused by main.
    const outcomes = await page.evaluate(async () => {
      const call = async (method: string, args: unknown) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${sessionStorage.getItem('riskdesk.token') ?? ''}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ args }),
        });
        return (await response.json()) as ApiOutcome<unknown>;
      };
      return [await call('users.add', { username: 'mallory', role: 'admin', passphrase: 'let me in please, now' }), await call('jobs.startDemo', { scale: 'small' })];
    });
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.code).toBe('FORBIDDEN');
    }
  });

  test('may still read and verify: the audit trail and its chain check', async ({ page }) => {
    await page.keyboard.press('Alt+8');
    await expect(pageTitle(page)).toHaveText('Audit');
    await expect(page.getByTestId('audit-grid-count')).toHaveText(/^[\d,]+ events?$/, { timeout: 20_000 });
    await page.getByTestId('verify-chain').click();
    await expect(page.getByTestId('verify-result')).toContainText('The chain is intact', { timeout: 30_000 });
  });
});
