import { expect, test, type Page } from '@playwright/test';
import { LCR_OUTFLOW_CATEGORIES } from '../../preload/contract/liquidity.ts';
import { ANALYST, COMPLIANCE } from './e2e-env.ts';
import { call, ensureReviewer, keepScreenshot, pageTitle, REVIEWER, unlockAs } from './fixtures.ts';
import { confirmStep } from './lifecycle-steps.ts';

// The liquidity area on the demo workspace: the position (ladder and LCR), the LCR re-added from its categories and
// lines, a stress scenario to its survival day, a small Monte Carlo with its progress and fan chart, and a parameter
// change that one compliance user drafts and a second approves and activates (four eyes). The last test changes the
// active parameter set, so the tests run in this order.
test.describe.configure({ mode: 'serial' });

/** A position, a scenario or a 500-path simulation on the small demo workspace. */
const ENGINE_TIMEOUT = 120_000;
const NOTE = 'E2E: retail less-stable run-off raised';

async function openLiquidity(page: Page, tab: string): Promise<void> {
  await page.keyboard.press('Alt+5');
  await expect(pageTitle(page)).toHaveText('Liquidity');
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** A figure as the screens format money in en-US (major units, two decimals). */
const money = (major: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(major);

test.describe('liquidity', () => {
  test.beforeAll(ensureReviewer);

  test('the position tab shows the maturity ladder and an LCR figure; the tabs answer the arrow keys', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 30_000);
    await unlockAs(page, ANALYST);
    await openLiquidity(page, 'Position');
    const position = await call('liquidity.position', {});

    const ladder = page.getByTestId('ladder-table');
    await expect(ladder.locator('tbody tr')).toHaveCount(position.ladder.buckets.length, { timeout: ENGINE_TIMEOUT });
    const overnight = position.ladder.buckets[0];
    if (!overnight) throw new Error('the ladder has no buckets');
    await expect(ladder.locator(`tr[data-bucket="${overnight.bucket}"]`)).toContainText(money(overnight.gap, position.currency));
    await expect(page.getByTestId('ladder-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('kpi-lcr')).toHaveText(position.lcr.lcr === null ? 'Undefined' : /^\d[\d,]*\.\d%$/);
    await expect(page.getByTestId('basis-computed')).toContainText(`v${position.parameterVersion}`);

    // One Tab stop for the tab list; the arrows move along it and open each tab.
    await page.getByRole('tab', { name: 'Position', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'LCR', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'LCR', exact: true })).toBeFocused();
    expect(new URL(page.url()).hash).toContain('tab=lcr');
    await keepScreenshot(page, testInfo, 'liquidity-position');
  });

  test('the LCR re-adds: the outflow categories sum to the waterfall’s outflows, and the line grid holds every categorised line', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 30_000);
    await unlockAs(page, ANALYST);
    await openLiquidity(page, 'LCR');
    const { lcr, currency } = await call('liquidity.position', {});

    const headline = page.getByTestId('lcr-headline');
    await expect(headline).toHaveText(lcr.lcr === null ? /^LCR undefined: / : /^LCR \d[\d,]*\.\d%$/, { timeout: ENGINE_TIMEOUT });

    // On screen: the category table's outflow total is the waterfall's outflows bar, to the cent.
    const outflowTotal = page.getByTestId('lcr-categories-total-outflows').getByTestId('total-weighted');
    const waterfallOutflows = page.getByTestId('waterfall-figures').locator('[data-step="outflows"] dd');
    await expect(waterfallOutflows).toHaveText(money(lcr.outflows, currency));
    await expect(outflowTotal).toHaveText((await waterfallOutflows.textContent()) ?? '');
    // And main's own figures agree: Σ weighted over the outflow categories = outflows.
    const outflowCategories = lcr.categories.filter((row) => (LCR_OUTFLOW_CATEGORIES as readonly string[]).includes(row.category));
    expect(outflowCategories.reduce((sum, row) => sum + row.weighted, 0)).toBeCloseTo(lcr.outflows, 2);

    // The grid below lists every line of every category the table counts.
    const categorisedLines = lcr.categories.reduce((sum, row) => sum + row.lines, 0);
    await expect(page.getByTestId('lcr-lines-count')).toHaveText(`${new Intl.NumberFormat('en-US').format(categorisedLines)} ${categorisedLines === 1 ? 'line' : 'lines'}`, { timeout: 20_000 });
    await expect(page.getByTestId('lcr-lines').locator('.ag-row').first()).toBeVisible();
    const lines = await call('liquidity.lines', { ratio: 'lcr', query: { startRow: 0, endRow: 1000, sortModel: [], filterModel: {} } });
    expect(lines.rowCount).toBe(categorisedLines);
    for (const line of lines.rows) expect(line.weighted).toBeCloseTo(line.amount * line.factor, 2);
    await keepScreenshot(page, testInfo, 'liquidity-lcr');
  });

  test('a stress scenario runs to a survival day, or survives its horizon', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 30_000);
    await unlockAs(page, ANALYST);
    await openLiquidity(page, 'Stress');
    const picker = page.getByLabel('Scenario', { exact: true });
    await expect(picker).toBeVisible();
    const scenario = await picker.inputValue();
    expect(scenario).not.toBe('');
    await expect(page.getByTestId('scenario-facts')).toContainText('Horizon (days)');

    await page.getByRole('button', { name: 'Run scenario' }).click();
    const survival = page.getByTestId('survival');
    await expect(survival).toHaveText(/^(Runs out of liquidity on day \d+|Survives all \d+ days)$/, { timeout: ENGINE_TIMEOUT });
    const result = await call('liquidity.stress', { scenario });
    await expect(survival).toHaveText(result.survivalDay === null ? `Survives all ${result.scenario.horizonDays} days` : `Runs out of liquidity on day ${result.survivalDay}`);
    await expect(page.getByTestId('stress-table').locator('tbody tr')).toHaveCount(result.days.length);
    await expect(page.getByTestId('stress-chart').locator('.recharts-line')).toBeVisible();
    await keepScreenshot(page, testInfo, 'liquidity-stress');
  });

  test('an analyst runs a small Monte Carlo, follows its progress, and sees the fan chart and the survival figures', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 30_000);
    await unlockAs(page, ANALYST);
    await openLiquidity(page, 'Monte Carlo');
    const form = page.getByTestId('monte-carlo-form');

    // Checked at the field before anything is sent.
    await form.getByLabel('Paths', { exact: true }).fill('50');
    await form.getByRole('button', { name: 'Simulate' }).click();
    await expect(form.getByLabel('Paths', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Paths', { exact: true })).toHaveAccessibleDescription('must be at least 100');

    await form.getByLabel('Paths', { exact: true }).fill('500');
    await form.getByLabel('Days', { exact: true }).fill('30');
    await form.getByLabel('Seed', { exact: true }).fill('12345');
    await form.getByRole('button', { name: 'Simulate' }).click();
    const progress = page.getByTestId('monte-carlo-start').getByTestId('job-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('data-state', 'done', { timeout: ENGINE_TIMEOUT });

    const [latest] = await call('liquidity.simulations', {});
    expect(latest?.result.paths).toBe(500);
    expect(latest?.result.days).toBe(30);
    expect(latest?.result.seed).toBe(12345);
    const view = page.getByTestId('simulation-view');
    await expect(view).toHaveAttribute('data-simulation', String(latest?.simulationId));
    await expect(view.getByTestId('fan-chart').locator('.recharts-area').first()).toBeVisible();
    await expect(view.getByTestId('fan-chart').locator('.recharts-line')).toBeVisible();
    await expect(view.getByTestId('survival30')).toHaveText(/^\d{1,3}\.\d%$/);
    await expect(view.getByTestId('survived-paths')).toContainText('of 500 paths never ran out within 30 days');
    await expect(page.getByTestId('simulation-list').locator('tbody tr').first()).toContainText(`#${latest?.simulationId}`);
    await keepScreenshot(page, testInfo, 'liquidity-monte-carlo');
  });

  test('an analyst runs the indicators: each against its threshold, the breaches raised as liquidity alerts, and every trend drawn', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 30_000);
    await unlockAs(page, ANALYST);
    await openLiquidity(page, 'Indicators');
    await page.getByTestId('start-liquidity-run').click();
    await expect(page.getByTestId('latest-run')).toBeVisible({ timeout: ENGINE_TIMEOUT });

    const [run] = await call('liquidity.runs', {});
    if (!run) throw new Error('the run was not stored');
    await expect(page.getByTestId('latest-run')).toContainText(`${run.runId}`);
    const rows = page.getByTestId('indicator-panel').locator('tbody tr');
    await expect(rows).toHaveCount(run.indicators.length);
    const breached = run.indicators.filter((value) => value.breached).length;
    await expect(page.getByTestId('indicator-state').filter({ hasText: 'Breached' })).toHaveCount(breached);
    // Each breach is an open liquidity alert: raised by this run, or seen again if an earlier run (audit.spec's) raised it.
    const alerts = await call('alerts.list', { startRow: 0, endRow: 100, sortModel: [], filterModel: { source: { filterType: 'set', values: ['liquidity'] } } });
    expect(alerts.rowCount).toBe(breached);
    expect(run.alerts.raised + run.alerts.repeated).toBe(breached);
    await expect(page.getByTestId('indicator-trend')).toHaveCount(5);
    await keepScreenshot(page, testInfo, 'liquidity-indicators');
  });

  test('compliance drafts a parameter change, checked at the field, and submits it; it may not approve its own draft', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openLiquidity(page, 'Parameters');
    await expect(page.getByTestId('liquidity-parameter-set')).toBeVisible();
    await page.getByTestId('new-liquidity-draft').click();
    const form = page.getByTestId('liquidity-parameter-draft');
    // A factor's label is its Basel III name with its code beside it.
    const factor = form.getByLabel('Retail deposits, less stable retail_less_stable', { exact: true });
    const before = Number(await factor.inputValue());
    const after = before >= 0.5 ? before - 0.05 : before + 0.05;

    await factor.fill('1.5');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(factor).toHaveAttribute('aria-invalid', 'true');
    await expect(factor).toHaveAccessibleDescription('must be at most 1');
    await expect(form.getByTestId('draft-problems')).toContainText('retail_less_stable: must be at most 1');
    await expect(form.getByTestId('draft-problems')).toContainText('Note: required');

    await factor.fill(after.toFixed(2));
    await form.getByLabel('Note', { exact: true }).fill(NOTE);
    await form.getByRole('button', { name: 'Save draft' }).click();
    const row = page.getByTestId('liquidity-parameter-sets').locator('tbody tr').filter({ hasText: NOTE });
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Draft');
    await row.getByRole('button', { name: 'Submit' }).click();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(row.getByTestId('needs-second-person')).toBeVisible();
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');

    const saved = (await call('liquidity.parameterSets', {})).find((set) => set.note === NOTE);
    expect(saved?.parameters.lcr.factors.retail_less_stable).toBeCloseTo(after, 10);
    await keepScreenshot(page, testInfo, 'liquidity-parameters-submitted');
  });

  test('a second compliance user approves and activates it; the position is then computed with it', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT + 30_000);
    await unlockAs(page, REVIEWER);
    await openLiquidity(page, 'Parameters');
    const sets = page.getByTestId('liquidity-parameter-sets');
    const row = sets.locator('tbody tr').filter({ hasText: NOTE });
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Submitted');
    await confirmStep(row, 'Approve', 'Run-off rates match the treasury memo');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Approved');
    await expect(row.getByRole('cell', { name: REVIEWER.username, exact: true })).toBeVisible();
    await confirmStep(row, 'Activate', 'From the next position');
    await expect(row.getByTestId('lifecycle-status')).toHaveText('Active');
    await expect(sets.getByTestId('lifecycle-status').filter({ hasText: 'Active' })).toHaveCount(1);

    const active = (await call('liquidity.parameterSets', {})).find((set) => set.status === 'active');
    expect(active?.note).toBe(NOTE);
    expect(active?.approvedBy).toBe(REVIEWER.username);
    expect(active?.createdBy).toBe(COMPLIANCE.username);

    // The computed tabs follow the active version when none is picked.
    await page.getByRole('tab', { name: 'Position', exact: true }).click();
    await page.getByLabel('Parameter version', { exact: true }).selectOption('');
    await expect(page.getByTestId('basis-computed')).toContainText(`v${active?.version}`, { timeout: ENGINE_TIMEOUT });
    await keepScreenshot(page, testInfo, 'liquidity-parameters-active');
  });
});
