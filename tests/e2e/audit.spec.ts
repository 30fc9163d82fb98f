import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ANALYST, AUDITOR } from './e2e-env.ts';
import { call, pageTitle, unlockAs } from './fixtures.ts';

const ENGINE_TIMEOUT = 120_000;

/** A liquidity run by the analyst, through the host's API: its event carries money (HQLA, net outflows) and a parameter set. */
async function runLiquidity(): Promise<void> {
  await call('session.unlock', ANALYST);
  const before = (await call('liquidity.runs', {})).length;
  await call('liquidity.startRun', {});
  await expect.poll(async () => (await call('liquidity.runs', {})).length, { timeout: ENGINE_TIMEOUT }).toBe(before + 1);
  await call('session.lock', {});
}

/** A cell of the grid's first row (AG Grid draws a row's cells in more than one container, each with its row-index). */
function firstRowCell(page: Page, colId: string) {
  return page.getByTestId('audit-grid').locator(`.ag-row[row-index="0"] [col-id="${colId}"]`);
}

test.describe('the audit trail', () => {
  // The browser runs in Shanghai, so times show as UTC+08:00 whatever zone the machine is in.
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('shows readable details (money with its currency, names) and times with their zone, and exports the filtered trail', async ({ page }) => {
    test.setTimeout(ENGINE_TIMEOUT + 90_000);
    await runLiquidity();
    await unlockAs(page, AUDITOR);
    await page.keyboard.press('Alt+8');
    await expect(pageTitle(page)).toHaveText('Audit');
    await expect(page.getByTestId('audit-zone')).toContainText('Asia/Shanghai');

    await page.getByLabel('Action Filter Input').fill('liquidity.run');
    await expect(page.getByTestId('audit-grid-count')).toHaveText(/^[\d,]+ events?$/);
    await expect(firstRowCell(page, 'action')).toHaveText('liquidity.run');
    await expect(firstRowCell(page, 'at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+08:00$/);
    const readable = firstRowCell(page, 'readable');
    // Amounts in major units with the currency (en-US writes CNY as CN¥), the parameter set by its note.
    await expect(readable).toContainText(/HQLA: CN¥[\d,]+\.\d{2}/);
    await expect(readable).toContainText(/Parameter set: Defaults shipped with RiskDesk[^;]* \(#1\)/);
    await expect(readable).not.toContainText('{');

    // The raw JSON (what the hash covers) and the hashes are in the event's panel.
    await firstRowCell(page, 'seq').click();
    const panel = page.getByTestId('audit-event');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('audit-raw')).toContainText('"hqla":');
    await expect(panel).toContainText(/[0-9a-f]{64}/);

    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/);
    const lines = (await readFile(await file.path()))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r\n/)
      .filter((line) => line.length > 0);
    expect(lines[0]).toBe('seq,at_utc,at_local,actor,action,subject,details_readable,details_json,hash,prev_hash');
    expect(lines.length).toBeGreaterThan(1);
    const kept = new RegExp(`^\\d+,\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,\\d{4}-\\d{2}-\\d{2} [\\d:]+ UTC\\+08:00,${ANALYST.username},liquidity\\.run,`);
    for (const line of lines.slice(1)) expect(line).toMatch(kept);
    await expect(page.getByTestId('plaintext-notice')).toHaveText(/^Saved audit-trail-.*\.csv\. It is not encrypted/);
  });

  test('offers no export to an analyst', async ({ page }) => {
    await unlockAs(page, ANALYST);
    await page.keyboard.press('Alt+8');
    await expect(page.getByTestId('audit-grid-count')).toHaveText(/^[\d,]+ events?$/, { timeout: 20_000 });
    await expect(page.getByTestId('audit-export')).toHaveCount(0);
  });
});
