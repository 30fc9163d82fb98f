import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { AUDITOR, COMPLIANCE } from './e2e-env.ts';
import { call, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';

// Evidence packs and risk reports on the demo workspace: an auditor exports a pack through the wizard, finds it among
// past exports with its fingerprint, saves it and verifies it (every check holds); a copy with one CSV byte changed
// fails on that file. A report is generated, previewed section by section and downloaded as a PDF; compliance sets the
// schedule. The tests share the pack, so they run in this order.
test.describe.configure({ mode: 'serial' });

const run = promisify(execFile);
/** An export or a report of the small demo workspace, and its check. */
const JOB_TIMEOUT = 120_000;
const SECTIONS = ['portfolio', 'credit', 'fraud', 'liquidity', 'cases', 'approvals'] as const;

let folder = '';
let packPath = '';

async function openArea(page: Page, name: 'Evidence' | 'Reports'): Promise<void> {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name }).click();
  await expect(pageTitle(page)).toHaveText(name);
}

async function verify(page: Page, file: string) {
  await page.getByRole('tab', { name: 'Verify', exact: true }).click();
  await page.getByTestId('verify-file').setInputFiles(file);
  await page.getByTestId('verify-form').getByRole('button', { name: 'Verify' }).click();
  const verification = page.getByTestId('verification');
  await expect(verification).toBeVisible({ timeout: JOB_TIMEOUT });
  return verification;
}

/** A UTC calendar date `days` before today. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

test.describe('evidence packs and risk reports', () => {
  test.beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'riskdesk-e2e-evidence-'));
  });
  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('an auditor exports a pack through the wizard, sees it among past exports, saves it, and it verifies', async ({ page }, testInfo) => {
    test.setTimeout(3 * JOB_TIMEOUT);
    await unlockAs(page, AUDITOR);
    await openArea(page, 'Evidence');

    // Step 1: the period (the last 30 days hold the set-up's audit events); a bad id is refused at its field.
    const wizard = page.getByTestId('export-wizard');
    await wizard.getByLabel('From', { exact: true }).fill(daysAgo(30));
    await wizard.getByLabel('To', { exact: true }).fill(daysAgo(0));
    await wizard.getByLabel('Cases', { exact: true }).fill('3, x');
    await wizard.getByLabel('Cases', { exact: true }).press('Enter');
    await expect(wizard.getByText('“x” is not an id')).toBeVisible();
    await expect(wizard).toHaveAttribute('data-step', 'scope');
    await wizard.getByLabel('Cases', { exact: true }).fill('');
    await wizard.getByLabel('Cases', { exact: true }).press('Enter');

    // Step 2: the files the pack will hold, as evidence.preview counts them; Back keeps the scope, Enter moves on.
    await expect(wizard).toHaveAttribute('data-step', 'preview', { timeout: JOB_TIMEOUT });
    const preview = await call('evidence.preview', { from: daysAgo(30), to: daysAgo(0) });
    await expect(page.getByTestId('preview-files').locator('tbody tr')).toHaveCount(preview.files.length);
    await expect(page.getByTestId('preview-size')).toContainText(`${preview.files.length} payload files`);
    await wizard.getByRole('button', { name: 'Back' }).click();
    await expect(wizard.getByLabel('From', { exact: true })).toHaveValue(daysAgo(30));
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard).toHaveAttribute('data-step', 'preview', { timeout: JOB_TIMEOUT });
    await wizard.getByRole('button', { name: 'Export pack' }).click();

    // Step 3: the job, then the pack; its fingerprint is the one past exports list.
    const result = page.getByTestId('export-result');
    await expect(result).toBeVisible({ timeout: JOB_TIMEOUT });
    const fingerprint = await result.getByTestId('pack-fingerprint').getAttribute('data-value');
    const sha256 = await result.getByTestId('pack-sha256').getAttribute('data-value');
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    await keepScreenshot(page, testInfo, 'evidence-export');

    const downloading = page.waitForEvent('download', { timeout: JOB_TIMEOUT });
    await result.getByTestId('save-pack').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    packPath = path.join(folder, download.suggestedFilename());
    await download.saveAs(packPath);
    const bytes = await readFile(packPath);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(result.getByTestId('plaintext-notice')).toContainText('It is not encrypted');

    await page.getByRole('tab', { name: 'Past exports', exact: true }).click();
    const row = page.getByTestId('past-export').filter({ has: page.locator(`[data-value="${sha256}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('export-fingerprint')).toHaveAttribute('data-value', fingerprint ?? '');
    await expect(row).toContainText(AUDITOR.username);

    const verification = await verify(page, packPath);
    await expect(verification).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('verification-verdict')).toContainText('The pack holds');
    await expect(page.getByTestId('own-workspace')).toHaveText('this workspace’s key');
    await expect(page.getByTestId('bag-info')).toContainText('Payload-Oxum');
    await expect(page.getByTestId('verification-check').first()).toBeVisible();
    await expect(page.locator('[data-testid="verification-check"][data-ok="false"]')).toHaveCount(0);
    await keepScreenshot(page, testInfo, 'evidence-verified');
  });

  test('a pack with one CSV byte changed fails, naming the file', async ({ page }, testInfo) => {
    test.setTimeout(2 * JOB_TIMEOUT);
    expect(packPath, 'the export test saves the pack first').not.toBe('');
    // Unzip, change one character of a payload CSV (same size, so only its hash differs), zip again with the same layout.
    const unpacked = await mkdtemp(path.join(folder, 'unpacked-'));
    await run('unzip', ['-q', packPath, '-d', unpacked]);
    const [bag] = await readdir(unpacked);
    if (!bag) throw new Error('the pack holds no folder');
    const csvs = (await readdir(path.join(unpacked, bag, 'data'), { recursive: true })).filter((name) => name.endsWith('.csv'));
    const csv = csvs[0];
    if (!csv) throw new Error('the pack holds no CSV');
    const csvPath = path.join(unpacked, bag, 'data', csv);
    const content = await readFile(csvPath);
    const at = content.indexOf(0x2c) >= 0 ? content.indexOf(0x2c) - 1 : 0; // the last character of the first header name
    content[at] = content[at] === 0x41 ? 0x42 : 0x41;
    await writeFile(csvPath, content);
    const tampered = path.join(folder, 'tampered.zip');
    await run('zip', ['-q', '-r', '-X', '-D', tampered, bag], { cwd: unpacked });

    await unlockAs(page, AUDITOR);
    await openArea(page, 'Evidence');
    const verification = await verify(page, tampered);
    await expect(verification).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('verification-verdict')).toContainText('The pack fails');
    const failed = page.locator('[data-testid="verification-check"][data-ok="false"]');
    await expect(failed.first()).toContainText('✗');
    await expect(failed.filter({ hasText: `data/${csv.split(path.sep).join('/')}` })).not.toHaveCount(0);
    // Failures come first.
    await expect(page.getByTestId('verification-check').first()).toHaveAttribute('data-ok', 'false');
    await keepScreenshot(page, testInfo, 'evidence-tampered');
  });

  test('a report is generated, previewed section by section, and downloaded as a PDF', async ({ page }, testInfo) => {
    test.setTimeout(2 * JOB_TIMEOUT);
    await unlockAs(page, AUDITOR);
    await openArea(page, 'Reports');
    const form = page.getByTestId('generate-report');
    await form.getByLabel('Report language').selectOption('en');
    const period = await form.getByLabel('Period', { exact: true }).inputValue();
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    await form.getByRole('button', { name: 'Generate' }).click();

    // The new report opens in the preview and heads the list.
    const preview = page.getByTestId('report-preview');
    await expect(preview).toBeVisible({ timeout: JOB_TIMEOUT });
    await expect(page.getByTestId('report-row').first()).toHaveAttribute('data-period', period);
    for (const section of SECTIONS) await expect(preview.getByTestId(`report-section-${section}`)).toBeVisible();
    const [report] = await call('reports.list', {});
    if (!report) throw new Error('reports.list is empty after generating one');
    const figures = await call('reports.figures', { reportId: report.reportId });
    await expect(preview.getByRole('heading', { level: 2 })).toHaveText(figures.period.label);
    for (const section of ['portfolio', 'credit', 'fraud', 'liquidity', 'cases'] as const) {
      const shown = preview.getByTestId(`report-section-${section}`);
      if (figures[section] === null) await expect(shown).toContainText('No data for this period yet.');
      else await expect(shown).toHaveAttribute('data-empty', 'false');
    }
    await keepScreenshot(page, testInfo, 'report-preview');

    const downloading = page.waitForEvent('download', { timeout: JOB_TIMEOUT });
    await preview.getByTestId('download-pdf').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(report.bytes);
    await expect(preview.getByTestId('plaintext-notice')).toContainText(`Saved ${download.suggestedFilename()}. It is not encrypted`);
  });

  test('compliance sets the schedule to monthly; an auditor reads it but cannot change it', async ({ page }) => {
    await unlockAs(page, COMPLIANCE);
    await openArea(page, 'Reports');
    const schedule = page.getByTestId('report-schedule');
    await schedule.getByLabel('Frequency').selectOption('monthly');
    await schedule.getByLabel('Language', { exact: true }).selectOption('en');
    await schedule.getByRole('button', { name: 'Save' }).click();
    await expect(schedule.getByText('Schedule saved.')).toBeVisible();
    await expect(page.getByTestId('schedule-current')).toContainText('Automatic reports: Monthly, in English.');
    await expect(page.getByTestId('schedule-current')).toContainText(`Set by ${COMPLIANCE.username}`);

    await unlockAs(page, AUDITOR);
    await openArea(page, 'Reports');
    await expect(page.getByTestId('schedule-current')).toContainText('Monthly');
    await expect(page.getByTestId('report-schedule').getByLabel('Frequency')).toHaveCount(0);
    await expect(page.getByTestId('report-schedule')).toContainText('Only compliance can change the schedule.');

    // Back to off, so that no later unlock in the suite makes a report by itself.
    await unlockAs(page, COMPLIANCE);
    await openArea(page, 'Reports');
    await page.getByTestId('report-schedule').getByLabel('Frequency').selectOption('off');
    await page.getByTestId('report-schedule').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('schedule-current')).toContainText('Automatic reports: Off');
  });
});
