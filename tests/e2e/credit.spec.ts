import { expect, test, type Page } from '@playwright/test';
import type { MethodResult } from '../../preload/contract/index.ts';
import { ANALYST, COMPLIANCE } from './e2e-env.ts';
import { hostCall, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';
import { confirmStep } from './lifecycle-steps.ts';

// One story in order: an analyst develops, saves and submits a scorecard, compliance approves and activates it
// (and meets four eyes on its own parameter draft, which it sends back), the analyst runs the credit engine with
// it, and the portfolio shows the results. Each step needs the one before.
test.describe.configure({ mode: 'serial' });

const MODEL = 'E2E scorecard';
/** A development, a refit and a credit run each take a while on the small demo portfolio. */
const ENGINE_TIMEOUT = 150_000;

async function openCredit(page: Page, tab: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await expect(pageTitle(page)).toHaveText('Credit');
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

test.describe('credit', () => {
  test('an analyst develops a scorecard, merges a bin, refits, saves a draft and submits it', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT * 2 + 60_000);
    await unlockAs(page, ANALYST);
    await openCredit(page, 'Scorecard builder');

    await page.getByTestId('develop').click();
    const features = page.getByTestId('feature-table');
    await expect(features.locator('tbody tr').first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
    const ivs = await features.getByTestId('feature-iv').allTextContents();
    expect(ivs.length).toBeGreaterThan(3);
    for (const iv of ivs) expect(iv).toMatch(/^\d+\.\d{4}$/);
    await expect(page.getByTestId('coefficient-table').locator('tbody tr')).not.toHaveCount(0);
    await expect(page.getByTestId('metrics-table')).toContainText('AUC');

    // The strongest numeric feature: pick the first bin that can merge with its neighbour, and merge it.
    const numeric = features.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'Numeric', exact: true }) }).first();
    const feature = (await numeric.getAttribute('data-feature')) ?? '';
    await numeric.getByRole('button', { name: feature }).click();
    const editor = page.locator(`[data-testid="bin-editor"][data-feature="${feature}"]`);
    const bins = editor.getByTestId('bin-table').locator('tbody tr');
    const binCount = await bins.count();
    const merge = editor.getByTestId('merge-next');
    for (let bin = 0; bin < binCount - 1 && !(await merge.isEnabled()); bin += 1) await bins.nth(bin).getByRole('radio').check();
    await expect(merge).toBeEnabled();
    const ivBefore = (await editor.getByTestId('bin-iv').textContent()) ?? '';
    await merge.click();
    await expect(bins).toHaveCount(binCount - 1);
    await expect(editor.getByTestId('bin-iv')).not.toHaveText(ivBefore);
    await expect(numeric.getByTestId('feature-iv').locator('s')).toBeVisible();

    // Refit with the edited bins: the edit becomes part of the model, and the feature stays marked as hand-binned.
    await page.getByTestId('refit').click();
    await expect(page.getByTestId('refit')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
    await expect(features.locator(`tr[data-feature="${feature}"] [data-testid="feature-iv"] s`)).toHaveCount(0);
    await expect(page.locator(`[data-testid="bin-editor"][data-feature="${feature}"] [data-testid="bin-table"] tbody tr`)).toHaveCount(binCount - 1);

    await page.getByLabel('Model name').fill(MODEL);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText(`Saved “${MODEL}” as a draft.`)).toBeVisible();
    await keepScreenshot(page, testInfo, 'credit-builder');

    // An analyst submits the draft for review, and cannot approve it.
    await page.getByRole('button', { name: 'Open Models' }).click();
    const row = page.getByTestId('model-table').locator(`tr[data-model="${MODEL}"]`);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Draft');
    await expect(row.getByRole('cell', { name: ANALYST.username, exact: true })).toBeVisible();
    await row.getByRole('button', { name: 'Submit' }).click();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await expect(row.getByRole('cell', { name: ANALYST.username, exact: true })).toHaveCount(2);
    await expect(page.getByTestId('model-table').getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(row.getByRole('button', { name: 'Submit' })).toHaveCount(0);
  });

  test('compliance approves and activates the submitted model, meets four eyes on its own parameter draft and sends it back', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openCredit(page, 'Models');
    await expect(page.getByRole('tab', { name: 'Scorecard builder' })).toHaveCount(0);

    const row = page.getByTestId('model-table').locator(`tr[data-model="${MODEL}"]`);
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await confirmStep(row, 'Approve', 'Holdout AUC and KS within policy');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Approved');
    await expect(row.getByTestId('approval-comment')).toHaveText('Approval: “Holdout AUC and KS within policy”');
    await expect(row.getByRole('cell', { name: COMPLIANCE.username, exact: true })).toBeVisible();
    await confirmStep(row, 'Activate', 'First model for the portfolio');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Active');

    // The active model's validation: ROC (train, holdout, chance) and KS.
    await row.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByTestId('validation-model')).toHaveValue(/\d+/);
    const validation = page.getByTestId('model-validation');
    await expect(validation.getByRole('heading', { name: 'ROC curve' })).toBeVisible();
    await expect(validation.locator('.recharts-line').first()).toBeVisible();
    expect(await validation.locator('.recharts-line').count()).toBeGreaterThanOrEqual(4);
    await keepScreenshot(page, testInfo, 'credit-validation');

    // A new parameter draft: checked before it is sent, saved, submitted, not approvable by its own author and
    // submitter, and sent back with a reason, which the draft then shows.
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await expect(page.getByTestId('alert-thresholds')).toContainText('DPD reaching 90 days: high.');
    await page.getByTestId('new-draft').click();
    const form = page.getByTestId('parameter-draft');
    await form.getByLabel('Grade B PD up to').fill('0.01');
    await form.getByLabel('DPD threshold 2').fill('20');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(form.getByTestId('draft-problems')).toContainText('must be above grade A');
    await expect(form.getByTestId('draft-problems')).toContainText('DPD threshold 2: must be more days than the threshold before it');
    await expect(form.getByTestId('draft-problems')).toContainText('Note: required');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('new-draft').click();
    await page.getByTestId('parameter-draft').getByLabel('Note').fill('E2E: same parameters, second version');
    await page.getByTestId('parameter-draft').getByRole('button', { name: 'Save draft' }).click();
    const sets = page.getByTestId('parameter-sets');
    const draft = sets.locator('tbody tr').filter({ hasText: 'E2E: same parameters' });
    await expect(draft.getByTestId('lifecycle-status')).toHaveText('Draft');
    await expect(draft.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await draft.getByRole('button', { name: 'Submit' }).click();
    await expect(draft.getByTestId('lifecycle-status')).toHaveText('Submitted');
    // Its author, who submitted it too, is not offered Approve (four eyes) and is told why.
    await expect(draft.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(draft.getByTestId('needs-second-person')).toHaveText('Awaiting approval by someone else (four eyes)');
    const refused = await hostCall('credit.approveParameterSet', { version: Number(await draft.getAttribute('data-version')), comment: 'my own' });
    expect(refused.ok ? 'approved' : refused.error.message).toContain(`its author is ${COMPLIANCE.username}, who also submitted it`);
    await expect(draft.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await draft.getByRole('button', { name: 'Reject' }).click();
    const reject = draft.getByTestId('reject-form');
    await expect(reject.getByRole('button', { name: 'Send back' })).toBeDisabled();
    await reject.getByLabel('Reason for sending it back').fill('Second version not needed yet');
    await reject.getByRole('button', { name: 'Send back' }).click();
    await expect(draft.getByTestId('lifecycle-status')).toHaveText('Draft');
    await expect(draft.getByTestId('rejection')).toHaveText(`Sent back by ${COMPLIANCE.username}: Second version not needed yet`);
    await expect(page.getByTestId('four-eyes')).toHaveCount(0);
    await keepScreenshot(page, testInfo, 'credit-parameters-rejected');
  });

  test('an analyst runs the credit engine and sees ECL by stage and grade', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 60_000);
    await unlockAs(page, ANALYST);
    await openCredit(page, 'Portfolio risk');

    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('run-facts')).toContainText(MODEL, { timeout: ENGINE_TIMEOUT });
    // What the run emitted (on the demo: a DPD crossing for every loan already past due, raised or seen again).
    await expect(page.getByTestId('run-alerts')).toContainText(/This run raised \d+ early-warning alerts and saw \d+ open ones again\./);
    const runs = await hostCall('credit.runs');
    if (!runs.ok) throw new Error(runs.error.message);
    const [latest] = runs.result as MethodResult<'credit.runs'>;
    if (!latest) throw new Error('no credit run after the run finished');
    expect(latest.totals.eclMinor).toBeGreaterThan(0);
    expect(latest.totals.byStage.some((stage) => stage.eclMinor > 0)).toBe(true);

    const byStage = page.getByTestId('ecl-by-stage');
    await expect(byStage.locator('tbody tr')).toHaveCount(3);
    await expect(byStage.getByTestId('total-ecl')).toHaveText(/[1-9]/);
    await expect(page.getByTestId('risk-kpis')).toContainText('ECL');
    await expect(page.getByTestId('stage-grade-table').locator('tbody tr')).toHaveCount(7);
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    await expect(page.getByTestId('pricing-grid-count')).toHaveText(/^[\d,]+ loans?$/, { timeout: 20_000 });
    // Vintages, roll rates and concentration come from a job of their own, with a progress bar while it runs.
    await expect(page.getByRole('heading', { name: 'Vintages: cumulative default rate' })).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expect(page.getByRole('heading', { name: 'Roll rates' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Concentration', exact: true })).toBeVisible();
    await keepScreenshot(page, testInfo, 'credit-risk');
  });

  test('the runs list shows every run with its history, and it and the pricing check download as CSV', async ({ page }) => {
    await unlockAs(page, ANALYST);
    await openCredit(page, 'Portfolio risk');
    const listed = await hostCall('credit.runHistory');
    if (!listed.ok) throw new Error(listed.error.message);
    const runs = listed.result as MethodResult<'credit.runHistory'>;
    const [latest] = runs;
    if (!latest) throw new Error('no credit run listed');
    const history = page.getByTestId('run-history');
    await expect(history.locator('tbody tr')).toHaveCount(runs.length);
    await expect(history.locator('tbody tr').first().locator('td')).toHaveText([`#${latest.runId}`, latest.asOf, 'Finished', ANALYST.username, /\d{4}-\d{2}-\d{2} /, /\d{4}-\d{2}-\d{2} /, `${MODEL} (#${latest.modelId})`, `v${latest.parameterVersion}`, /^[\d,]+$/, /[1-9]/]);

    const csvOf = async (testId: string): Promise<{ name: string; lines: string[] }> => {
      const downloading = page.waitForEvent('download');
      await page.getByTestId(testId).click();
      const download = await downloading;
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      return { name: download.suggestedFilename(), lines: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '') };
    };
    const runsCsv = await csvOf('export-runs');
    expect(runsCsv.name).toMatch(/^credit-runs-\d{8}-\d{6}\.csv$/);
    expect(runsCsv.lines[0]).toBe('run_id,as_of,status,started_by,started_at,finished_at,model_id,model_name,parameter_version,loans,ecl,currency');
    expect(runsCsv.lines.length - 1).toBe(runs.length);
    expect(runsCsv.lines[1]).toMatch(new RegExp(`^${latest.runId},${latest.asOf},finished,${ANALYST.username},.*,${MODEL},${latest.parameterVersion},${latest.loans},\\d+\\.\\d{2},CNY$`));
    await expect(history.getByTestId('plaintext-notice')).toContainText(runsCsv.name);

    const count = page.getByTestId('pricing-grid-count');
    await expect(count).toHaveText(/^[\d,]+ loans?$/, { timeout: 20_000 });
    const below = Number(((await count.textContent()) ?? '').replace(/\D/g, ''));
    const pricingCsv = await csvOf('export-pricing');
    expect(pricingCsv.name).toMatch(new RegExp(`^pricing-check-run-${latest.runId}-\\d{8}-\\d{6}\\.csv$`));
    expect(pricingCsv.lines[0]).toBe('loan_id,product,grade,interest_rate,required_rate,shortfall,pd_12m,lgd,outstanding_balance,currency');
    expect(pricingCsv.lines.length - 1).toBe(below);
    const audit = await hostCall('audit.events', { startRow: 0, endRow: 2, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    const events = audit.ok ? (audit.result as { rows: { action: string; subject: string }[] }).rows : [];
    expect(events.map((event) => [event.action, event.subject])).toEqual([
      ['portfolio.export', 'credit pricing check'],
      ['portfolio.export', 'credit runs'],
    ]);
  });

  test('the loan grid shows PD, grade, stage and ECL, and a loan its reason codes and ECL schedule', async ({ page }, testInfo) => {
    // Sorting the whole portfolio by ECL, a loan's schedule and a screenshot: more than a minute on a busy machine.
    test.setTimeout(120_000);
    await unlockAs(page, ANALYST);
    await page.keyboard.press('Alt+2');
    const grid = page.getByTestId('loan-grid');
    await expect(page.getByTestId('loan-grid-count')).toHaveText(/^[\d,]+ loans$/, { timeout: 20_000 });
    // Largest ECL first: a loan the run covered (loans it did not cover have none and sort last).
    const header = grid.locator('.ag-header-cell[role="columnheader"][col-id="ecl_minor"]');
    await header.locator('.ag-header-cell-label').click();
    await header.locator('.ag-header-cell-label').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const cell = (colId: string) => grid.locator(`.ag-row[row-index="0"] [col-id="${colId}"]`);
    await expect(cell('pd_12m')).toHaveText(/^\d+\.\d{2}%$/);
    await expect(cell('grade')).toHaveText(/^[A-G]$/);
    await expect(cell('stage')).toHaveText(/^[123]$/);
    await expect(cell('ecl_minor')).toHaveText(/[1-9]/);

    await cell('product').click();
    const risk = page.getByTestId('loan-credit-risk');
    await expect(risk.getByTestId('ecl-schedule').locator('tbody tr').first()).toBeVisible();
    await expect(risk.getByTestId('reason-codes').locator('tbody tr').first()).toBeVisible();
    await expect(risk.getByTestId('stage-reason')).not.toBeEmpty();
    await keepScreenshot(page, testInfo, 'loan-credit-risk');
  });

  test('the credit screens speak Simplified Chinese', async ({ page }) => {
    test.setTimeout(120_000);
    try {
      await unlockAs(page, ANALYST);
      await openCredit(page, 'Portfolio risk');
      await page.getByTestId('language-select').selectOption('zh-CN');
      await expect(pageTitle(page)).toHaveText('信用风险');
      await expect(page.getByRole('tab', { name: '组合风险' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('heading', { name: '按阶段的 ECL' })).toBeVisible();
      await page.getByRole('tab', { name: '评分卡开发' }).click();
      await expect(page.getByRole('heading', { name: '开发选项' })).toBeVisible();

      // A loan the run covered says why it is in its stage in Chinese: the engine returns figures, the screen the words.
      await page.keyboard.press('Alt+2');
      const grid = page.getByTestId('loan-grid');
      const header = grid.locator('.ag-header-cell[role="columnheader"][col-id="ecl_minor"]');
      await header.locator('.ag-header-cell-label').click();
      await header.locator('.ag-header-cell-label').click();
      await expect(header).toHaveAttribute('aria-sort', 'descending');
      await grid.locator('.ag-row[row-index="0"] [col-id="loan_id"]').click();
      const reason = page.getByTestId('loan-credit-risk').getByTestId('stage-reason');
      await expect(reason).toContainText(/逾期 [\d,]+ 天|存续期违约概率|信用减值/);
      await expect(reason).not.toContainText(/DPD|lifetime PD|status/);
    } finally {
      // The language is saved in this user's settings: put it back for the other tests.
      await hostCall('settings.update', { language: 'en' });
    }
  });
});
