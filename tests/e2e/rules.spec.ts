import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ANALYST, COMPLIANCE } from './e2e-env.ts';
import { call, ensureReviewer, keepScreenshot, pageTitle, REVIEWER, unlockAs } from './fixtures.ts';
import { confirmStep } from './lifecycle-steps.ts';

// One story in order: compliance user A drafts a change to the active fraud rule set, editing one rule's expression in
// the CodeMirror editor (an unknown feature is marked inline with main's suggestion, then fixed), saves it with
// Ctrl+S and submits it, and is refused as its approver (four eyes); compliance user B approves and activates it; the
// diff shows the edited rule's expression before and after; an analyst reads the rules but gets no way to change them.
test.describe.configure({ mode: 'serial' });

const NOTE = 'E2E: rapid succession from four payments in ten minutes';
const RULE = 'rapid-succession';
const EXPRESSION = 'account_count_10m >= 4';

async function openRules(page: Page): Promise<void> {
  await page.keyboard.press('Alt+7');
  await expect(pageTitle(page)).toHaveText('Rules');
  await expect(page.getByTestId('rule-set')).toBeVisible();
}

const versions = (page: Page) => page.getByTestId('rule-set-versions');
const draftRow = (page: Page) => versions(page).locator('tbody tr').filter({ hasText: NOTE });

test.describe('rules', () => {
  test.beforeAll(ensureReviewer);

  test('compliance edits a rule in CodeMirror, sees an unknown feature inline, saves with Ctrl+S and may not approve it (four eyes)', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openRules(page);
    const shipped = page.getByTestId('rule-set');
    await expect(shipped.getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(shipped.locator(`tr[data-rule-id="${RULE}"]`)).toContainText('account_count_10m >= 3');

    await page.getByTestId('new-rules-draft').click();
    const form = page.getByTestId('rules-draft');
    const rule = form.locator(`[data-testid="rule-editor"][data-rule-id="${RULE}"]`);
    // The second rule of the shipped set.
    const editor = rule.getByRole('textbox', { name: `Rule 2 (${RULE}) · Expression (CEL)` });
    await editor.click();
    await page.keyboard.press('Control+A');
    // Completion offers the catalogue's features as one types.
    await page.keyboard.type('account_count_1', { delay: 20 });
    await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('account_count_1h');
    await page.keyboard.press('Escape');

    // A misspelt feature: main's checker marks it where it is and suggests the nearest name.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('acount_count_10m >= 4', { delay: 20 });
    const problems = rule.getByTestId('cel-problems');
    await expect(problems).toContainText('Line 1, column 1: there is no feature “acount_count_10m”. Did you mean “account_count_10m”?');
    await expect(rule.locator('.cm-lintRange-error')).toHaveText('acount_count_10m');
    await keepScreenshot(page, testInfo, 'rules-unknown-feature');

    // Saved anyway, main refuses it and the refusal is shown beside the rule it names.
    await form.getByLabel('Note', { exact: true }).fill(NOTE);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(rule.getByTestId('rule-problems')).toContainText('Expression (CEL): 1:1');
    await expect(rule.getByTestId('rule-problems')).toContainText('acount_count_10m');
    await expect(form.locator('[data-testid="rule-editor"][data-rule-id="shared-device"]').getByTestId('rule-problems')).toHaveCount(0);

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(EXPRESSION, { delay: 20 });
    await expect(editor).toHaveText(EXPRESSION);
    await expect(problems).toHaveCount(0);
    await expect(rule.locator('.cm-lintRange-error')).toHaveCount(0);

    await form.getByLabel('Note', { exact: true }).focus();
    await page.keyboard.press('Control+S');
    await expect(form).toHaveCount(0);
    const row = draftRow(page);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Draft');
    await expect(row.getByRole('cell', { name: COMPLIANCE.username, exact: true })).toBeVisible();
    // The new version is the one shown, with the edited rule and the others as they were.
    const version = await row.getAttribute('data-version');
    await expect(page.getByTestId('rule-set')).toHaveAttribute('data-version', version ?? '');
    await expect(page.getByTestId('rule-set').locator(`tr[data-rule-id="${RULE}"]`)).toContainText(EXPRESSION);
    await expect(page.getByTestId('rule-set').locator('tr[data-rule-id="shared-device"]')).toContainText('device_distinct_accounts >= 3');

    await row.getByRole('button', { name: 'Submit' }).click();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(row.getByTestId('needs-second-person')).toBeVisible();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await keepScreenshot(page, testInfo, 'rules-four-eyes');
  });

  test('a second compliance user approves and activates the rule set; the list shows it active and the first retired', async ({ page }, testInfo) => {
    await unlockAs(page, REVIEWER);
    await openRules(page);
    const row = draftRow(page);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await confirmStep(row, 'Approve', 'Rules read against the fraud policy');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Approved');
    await expect(row.getByRole('cell', { name: REVIEWER.username, exact: true })).toBeVisible();
    await expect(page.getByTestId('four-eyes')).toHaveCount(0);
    await confirmStep(row, 'Activate', 'Approved; backtest seen');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(versions(page).getByTestId('lifecycle-status').filter({ hasText: 'Active' })).toHaveCount(1);
    await expect(versions(page).locator('tbody tr').last().getByTestId('lifecycle-status')).toHaveText('Retired');

    const active = (await call('rules.list', {})).find((set) => set.status === 'active');
    expect(active?.note).toBe(NOTE);
    expect(active?.ruleSet.rules.find((rule) => rule.id === RULE)?.expression).toBe(EXPRESSION);
    expect(active?.approvedBy).toBe(REVIEWER.username);
    await keepScreenshot(page, testInfo, 'rules-active');
  });

  test('the diff of the first version and the new one shows the edited rule, its expression before and after', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openRules(page);
    await page.getByRole('tab', { name: 'Compare versions' }).click();
    const diff = page.getByTestId('rule-diff');
    const active = (await call('rules.list', {})).find((set) => set.status === 'active');
    await expect(diff.getByRole('heading', { level: 2 })).toHaveText(`v1 → v${active?.version}`);
    const changed = diff.getByTestId('diff-changed');
    await expect(changed).toHaveCount(1);
    await expect(changed).toHaveAttribute('data-rule-id', RULE);
    await expect(changed.getByTestId('expression-before')).toHaveText('account_count_10m >= 3');
    await expect(changed.getByTestId('expression-before').locator('del')).toHaveText('3');
    await expect(changed.getByTestId('expression-after')).toHaveText(EXPRESSION);
    await expect(changed.getByTestId('expression-after').locator('ins')).toHaveText('4');
    await expect(diff.getByTestId('diff-added')).toHaveCount(0);
    await expect(diff.getByTestId('diff-removed')).toHaveCount(0);
    await expect(diff.getByTestId('diff-thresholds')).toHaveCount(0);
    await keepScreenshot(page, testInfo, 'rules-diff');
  });

  test('an exported rule set imports back as a draft signed by this workspace’s key; a tampered file is refused', async ({ page }) => {
    await unlockAs(page, COMPLIANCE);
    await openRules(page);
    const row = draftRow(page);
    const version = await row.getAttribute('data-version');
    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: `Export v${version} as a signed file` }).click();
    const download = await downloading;
    const path = await download.path();
    const content = await readFile(path, 'utf8');
    expect(JSON.parse(content).payload.ruleSet.rules.find((rule: { id: string }) => rule.id === RULE)?.expression).toBe(EXPRESSION);

    const input = page.getByTestId('rules-import-file');
    await input.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(content) });
    const imported = page.getByTestId('rules-imported');
    await expect(imported).toContainText(/^Imported as draft v\d+\. Signed by this workspace’s key \([0-9a-f]{16}\)\.$/);
    const importedVersion = /v(\d+)/.exec((await imported.textContent()) ?? '')?.[1];
    await expect(page.getByTestId('rule-set')).toHaveAttribute('data-version', importedVersion ?? '');
    await expect(versions(page).locator(`tr[data-version="${importedVersion}"]`).getByTestId('lifecycle-status')).toHaveText('Draft');

    // One score changed after signing: the signature no longer holds, and the refusal says so.
    const tampered = content.replace(/"score":\s*40/, '"score": 1');
    expect(tampered).not.toBe(content);
    await input.setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
    await expect(page.getByTestId('rules-import').getByTestId('error-notice')).toContainText('signature does not hold');
    await expect(imported).toHaveCount(0);
  });

  test('an analyst reads the rule sets and may export one, but gets no draft, import or lifecycle step', async ({ page }) => {
    await unlockAs(page, ANALYST);
    await openRules(page);
    // The version shown is the active one: the edited set (the import left a newer draft with the same note).
    const active = (await call('rules.list', {})).find((set) => set.status === 'active');
    const row = versions(page).locator(`tr[data-version="${active?.version}"]`);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(row).toContainText(NOTE);
    await expect(page.getByTestId('rule-set')).toHaveAttribute('data-version', String(active?.version));
    await expect(page.getByTestId('rule-set').locator(`tr[data-rule-id="${RULE}"]`)).toContainText(EXPRESSION);
    await expect(page.getByTestId('new-rules-draft')).toHaveCount(0);
    await expect(page.getByTestId('rules-draft')).toHaveCount(0);
    await expect(page.getByTestId('rules-import')).toHaveCount(0);
    await expect(page.getByText('Compliance drafts and submits rule sets').first()).toBeVisible();
    for (const step of ['Submit', 'Approve', 'Reject', 'Activate']) await expect(page.getByRole('button', { name: step, exact: true })).toHaveCount(0);
    await expect(row.getByRole('button', { name: `Export v${active?.version} as a signed file` })).toBeVisible();
  });
});
