import { expect, test, type Page } from '@playwright/test';
import { ANALYST, COMPLIANCE } from './e2e-env.ts';
import { call, ensureReviewer, keepScreenshot, pageTitle, REVIEWER, unlockAs } from './fixtures.ts';
import { confirmStep } from './lifecycle-steps.ts';

// One story in order: compliance user A drafts an SLA table with one changed hour and submits it, and is refused as
// its approver (four eyes); compliance user B approves and activates it, each step confirmed with what they checked
// (which the version's byline then shows), so the list shows it active and the first version retired; an analyst reads the tables but gets no draft form. Each test needs the one before.
test.describe.configure({ mode: 'serial' });

const NOTE = 'E2E: manual low-priority cases due in 250 hours';
const CELL = 'Manual cases, Low priority: hours';
const APPROVAL = 'Checked 250 h against the operations plan';
const ACTIVATION = 'Agreed start with the case team';

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('Alt+6');
  await expect(pageTitle(page)).toHaveText('Cases');
  await page.getByRole('tab', { name: 'SLA & playbooks' }).click();
  await expect(page.getByRole('tab', { name: 'SLA & playbooks' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sla-table')).toBeVisible();
}

const slaVersions = (page: Page) => page.getByTestId('cases-slaTable-versions');
const draftRow = (page: Page) => slaVersions(page).locator('tbody tr').filter({ hasText: NOTE });

test.describe('case settings', () => {
  test.beforeAll(ensureReviewer);

  test('compliance drafts an SLA table with a changed hour, submits it, and may not approve it (four eyes)', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openSettings(page);
    const shipped = page.getByTestId('sla-table');
    await expect(shipped.getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(shipped.locator('[data-cell="manual.low"]')).toHaveText('240');
    await expect(page.getByTestId('playbook-set').getByTestId('playbook').first()).toBeVisible();

    // Checked before it is sent: an hour out of range and a missing note, each named.
    await page.getByTestId('new-sla-draft').click();
    const form = page.getByTestId('sla-draft');
    await form.getByLabel(CELL).fill('0');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(form.getByTestId('draft-problems')).toContainText(`${CELL}: a whole number of hours from 1 to 8760`);
    await expect(form.getByTestId('draft-problems')).toContainText('Note: required');

    await form.getByLabel(CELL).fill('250');
    await form.getByLabel('Note').fill(NOTE);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(form).toHaveCount(0);
    const row = draftRow(page);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Draft');
    await expect(row.getByRole('cell', { name: COMPLIANCE.username, exact: true })).toBeVisible();
    // The new version is the one shown, with its changed hour.
    const version = await row.getAttribute('data-version');
    await expect(page.getByTestId('sla-table')).toHaveAttribute('data-version', version ?? '');
    await expect(page.getByTestId('sla-table').locator('[data-cell="manual.low"]')).toHaveText('250');
    await expect(page.getByTestId('sla-table').locator('[data-cell="manual.medium"]')).toHaveText('120');
    await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    await row.getByRole('button', { name: 'Submit' }).click();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(row.getByTestId('needs-second-person')).toBeVisible();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await keepScreenshot(page, testInfo, 'case-settings-four-eyes');
  });

  test('compliance drafts a playbook set with the structured editor, checked before it is sent', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openSettings(page);
    await page.getByTestId('new-playbooks-draft').click();
    const form = page.getByTestId('playbooks-draft');
    const first = form.getByTestId('playbook-editor').first();
    const steps = first.getByTestId('step-editor');
    const before = await steps.count();

    // A blank step and a copy of the first step's id: both refused, naming the step and field.
    await first.getByRole('button', { name: 'Add step' }).click();
    await expect(steps).toHaveCount(before + 1);
    const added = steps.last();
    const firstId = await steps.first().getByRole('textbox').first().inputValue();
    await added.getByRole('textbox').nth(0).fill(firstId);
    await form.getByRole('button', { name: 'Save draft' }).click();
    const problems = form.getByTestId('draft-problems');
    await expect(problems).toContainText(`step ${before + 1} · Step id: appears twice`);
    await expect(problems).toContainText(`step ${before + 1} · Title (English): required`);

    await added.getByRole('textbox').nth(0).fill('e2e_escalate');
    await added.getByRole('combobox').selectOption('compliance');
    await added.getByRole('textbox').nth(1).fill('12');
    await added.getByRole('textbox').nth(2).fill('Escalate to compliance');
    await added.getByRole('textbox').nth(3).fill('升级至合规');
    // Moved to the top of the playbook.
    for (let n = before; n > 0; n -= 1) await steps.nth(n).getByRole('button', { name: /^Move up/ }).click();
    await expect(steps.first().getByRole('textbox').first()).toHaveValue('e2e_escalate');
    await form.getByLabel('Note').fill('E2E: escalate first');
    await keepScreenshot(page, testInfo, 'case-settings-playbook-editor');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(form).toHaveCount(0);

    const sets = page.getByTestId('cases-playbooks-versions');
    await expect(sets.locator('tbody tr').filter({ hasText: 'E2E: escalate first' }).getByTestId('lifecycle-status')).toHaveText('Draft');
    const shown = page.getByTestId('playbook-set').getByTestId('playbook').first();
    await expect(shown.locator('tbody tr').first()).toHaveAttribute('data-step', 'e2e_escalate');
    await expect(shown.locator('tbody tr').first()).toContainText('1. Escalate to compliance');
  });

  test('a second compliance user approves and activates the SLA table, saying what they checked; Escape leaves it as it was', async ({ page }, testInfo) => {
    await unlockAs(page, REVIEWER);
    await openSettings(page);
    const row = draftRow(page);
    const version = Number(await row.getAttribute('data-version'));
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');

    // Approve asks first, focus in the comment: Enter does nothing while it is blank, Escape changes nothing.
    await row.getByRole('button', { name: 'Approve', exact: true }).click();
    const approve = row.getByTestId('approve-form');
    await expect(approve).toContainText('Approve this version? Say what you checked');
    await expect(approve.getByLabel('What you checked')).toBeFocused();
    await expect(approve.getByRole('button', { name: 'Confirm approval' })).toBeDisabled();
    await page.keyboard.type('   ');
    await page.keyboard.press('Enter');
    await expect(approve).toBeVisible();
    await page.keyboard.type('changed my mind');
    await keepScreenshot(page, testInfo, 'case-settings-approve-confirm');
    await page.keyboard.press('Escape');
    await expect(approve).toHaveCount(0);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    const untouched = (await call('cases.slaTables', {})).find((table) => table.version === version);
    expect([untouched?.status, untouched?.approvedBy, untouched?.approvalComment]).toEqual(['submitted', null, null]);

    // Asked again, the comment starts empty; typed and confirmed with Enter.
    await row.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(approve.getByLabel('What you checked')).toHaveValue('');
    await page.keyboard.type(APPROVAL);
    await page.keyboard.press('Enter');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Approved');
    await expect(row.getByRole('cell', { name: REVIEWER.username, exact: true })).toBeVisible();
    await expect(row.getByTestId('approval-comment')).toHaveText(`Approval: “${APPROVAL}”`);
    await expect(page.getByTestId('four-eyes')).toHaveCount(0);
    await confirmStep(row, 'Activate', ACTIVATION);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(slaVersions(page).getByTestId('lifecycle-status').filter({ hasText: 'Active' })).toHaveCount(1);
    await expect(slaVersions(page).locator('tbody tr').last().getByTestId('lifecycle-status')).toHaveText('Retired');

    // The version's byline says who approved and activated it, and what each checked.
    await row.getByRole('button', { name: `v${version}` }).click();
    const shown = page.getByTestId('sla-table');
    await expect(shown).toHaveAttribute('data-version', String(version));
    await expect(shown.getByTestId('byline-approval')).toContainText(`approved by ${REVIEWER.username} at`);
    await expect(shown.getByTestId('byline-approval')).toContainText(`: “${APPROVAL}”`);
    await expect(shown.getByTestId('byline-activation')).toContainText(`activated by ${REVIEWER.username} at`);
    await expect(shown.getByTestId('byline-activation')).toContainText(`: “${ACTIVATION}”`);

    const active = (await call('cases.slaTables', {})).find((table) => table.status === 'active');
    expect(active?.note).toBe(NOTE);
    expect(active?.document.manual.low).toBe(250);
    expect([active?.approvedBy, active?.approvalComment, active?.activationComment]).toEqual([REVIEWER.username, APPROVAL, ACTIVATION]);
    await keepScreenshot(page, testInfo, 'case-settings-active');
  });

  test('an analyst reads the SLA tables and playbooks but gets no draft form or lifecycle step', async ({ page }) => {
    await unlockAs(page, ANALYST);
    await openSettings(page);
    await expect(draftRow(page).getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(page.getByTestId('sla-table').locator('[data-cell="manual.low"]')).toHaveText('250');
    await expect(page.getByTestId('playbook-set')).toBeVisible();
    await expect(page.getByTestId('new-sla-draft')).toHaveCount(0);
    await expect(page.getByTestId('new-playbooks-draft')).toHaveCount(0);
    await expect(page.getByTestId('sla-draft')).toHaveCount(0);
    await expect(page.getByTestId('playbooks-draft')).toHaveCount(0);
    await expect(page.getByText('Compliance drafts and submits SLA tables and playbook sets').first()).toBeVisible();
    for (const step of ['Submit', 'Approve', 'Reject', 'Activate']) await expect(page.getByRole('button', { name: step, exact: true })).toHaveCount(0);
  });
});
