import { expect, test, type Locator, type Page } from '@playwright/test';
import { ANALYST } from './e2e-env.ts';
import { call, hostCall, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';
import { activate, draftModel, ENGINE_TIMEOUT, finishedJob } from './credit-models.ts';

// The credit screens' charts at the two window sizes analysts use (1440×900, 1280×800): nothing squeezed, cut off or
// overlapping, legends in the order the screen lists the series, names as typed, and every axis titled with its unit.
test.describe.configure({ mode: 'serial' });

/** Two models with long names in mixed case: long enough to push a table past its column if it could. */
const ALPHA = 'Chart Check Alpha – Retail Scorecard 2026';
const BETA = 'chart check beta (holdout 40 %) – challenger';
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
] as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} has no box (not visible)`);
  return box;
}

/** Overlap of more than a pixel both ways: glyph boxes of neighbouring labels may touch, not cross. */
function overlaps(a: Box, b: Box): boolean {
  return a.x + a.width - 1 > b.x && b.x + b.width - 1 > a.x && a.y + a.height - 1 > b.y && b.y + b.height - 1 > a.y;
}

async function expectNoOverlap(labels: Locator): Promise<void> {
  const boxes = await Promise.all((await labels.all()).map(boxOf));
  expect(boxes.length).toBeGreaterThan(1);
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b), `labels ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(false)));
}

/** Every chart in `scope` titles both its axes (a chart with a second y axis titles that one too). */
async function expectAxisTitles(scope: Locator, least: number): Promise<void> {
  const charts = scope.locator('.recharts-wrapper');
  expect(await charts.count()).toBeGreaterThanOrEqual(least);
  for (const chart of await charts.all()) {
    const titles = (await chart.locator('text.axis-title').allTextContents()).map((text) => text.trim());
    expect(titles.length, `a chart in ${String(scope)} has axis titles`).toBeGreaterThanOrEqual(2);
    for (const title of titles) expect(title).not.toBe('');
  }
}

async function openCredit(page: Page, tab: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await expect(pageTitle(page)).toHaveText('Credit');
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

test.describe('chart layouts', () => {
  test.beforeAll(async () => {
    test.setTimeout(ENGINE_TIMEOUT * 3);
    const alpha = await draftModel(ALPHA);
    await draftModel(BETA, { holdoutFraction: 0.4, seed: 7 });
    await activate(alpha);
    await call('session.unlock', ANALYST);
    if ((await call('credit.runs', {}))[0]?.modelName !== ALPHA) await finishedJob((await call('credit.startRun', {})).jobId);
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;

    test(`portfolio risk at ${size}: ECL by stage has room, vintages are told apart, roll rates have a key`, async ({ page }, testInfo) => {
      test.setTimeout(ENGINE_TIMEOUT);
      await page.setViewportSize(viewport);
      await unlockAs(page, ANALYST);
      await openCredit(page, 'Portfolio risk');

      const byStage = page.getByTestId('ecl-by-stage-chart');
      const surface = byStage.locator('svg.recharts-surface').first();
      await expect(surface).toBeVisible();
      expect((await boxOf(surface)).height).toBeGreaterThanOrEqual(200);
      expect((await boxOf(surface)).width).toBeGreaterThanOrEqual(300);
      await expectNoOverlap(byStage.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'));
      await expectNoOverlap(byStage.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value'));
      await expect(byStage.locator('text.axis-title')).toHaveText(['IFRS 9 stage', 'ECL (CNY)']);
      await byStage.scrollIntoViewIfNeeded();
      await keepScreenshot(page, testInfo, `chart-layouts-ecl-${viewport.width}`);

      // Vintages, roll rates and concentration come from a job of their own.
      const vintages = page.getByTestId('vintage-chart');
      await expect(vintages.locator('.recharts-line-curve').first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
      const lines = vintages.locator('.recharts-line-curve');
      const strokes = await Promise.all((await lines.all()).map((line) => line.getAttribute('stroke')));
      expect(strokes.length).toBeGreaterThan(2);
      expect(new Set(strokes).size, `vintage strokes ${strokes.join(', ')}`).toBe(strokes.length);

      // The legend is a row of buttons: focusing one (Tab from the one before) picks its quarter out, greying the rest.
      const legend = page.getByTestId('vintage-legend').getByRole('button');
      await expect(legend).toHaveCount(strokes.length);
      await legend.first().focus();
      await page.keyboard.press('Tab');
      const second = legend.nth(1);
      await expect(second).toBeFocused();
      const picked = (await second.getAttribute('data-series')) ?? '';
      const pickedStroke = strokes[1];
      const greyed = await Promise.all((await lines.all()).map((line) => line.getAttribute('stroke')));
      expect(greyed.filter((stroke) => stroke === pickedStroke)).toHaveLength(1);
      expect(new Set(greyed).size, 'the others share one grey').toBe(2);
      await page.keyboard.press('Enter');
      await expect(second).toHaveAttribute('aria-pressed', 'true');
      await expect(second).toHaveAttribute('data-series', picked);

      const rollKey = page.getByTestId('roll-rate-legend');
      await expect(rollKey).toBeVisible();
      await expect(rollKey).toContainText('share of the row’s loans');
      for (const kind of ['Cures', 'Stays', 'Rolls forward']) await expect(rollKey).toContainText(kind);
      await expect(rollKey).toContainText('0%');
      await expect(rollKey).toContainText('100%');

      await expectAxisTitles(page.getByTestId('portfolio-risk'), 6);
      await keepScreenshot(page, testInfo, `chart-layouts-risk-${viewport.width}`);
    });

    test(`model comparison at ${size}: the metrics table stays in its column, names as typed, legend in list order`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await unlockAs(page, ANALYST);
      await openCredit(page, 'Models');
      const table = page.getByTestId('model-table');
      const listed = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-model') ?? ''))).filter((name) => name === ALPHA || name === BETA);
      expect(listed).toHaveLength(2);
      // Ticked in the reverse of the list's order: the comparison still follows the list.
      for (const name of [...listed].reverse()) await table.locator(`tr[data-model="${name}"] input[type="checkbox"]`).check();

      const comparison = page.getByTestId('model-comparison');
      const metrics = comparison.getByTestId('compare-metrics');
      await expect(metrics).toBeVisible();
      // innerText applies text-transform: the heading reads as the user typed the name.
      expect(await metrics.locator('thead th.model-name').evaluateAll((cells) => cells.map((cell) => (cell as unknown as { innerText: string }).innerText))).toEqual(listed);

      const frame = await boxOf(comparison.getByTestId('compare-metrics-frame'));
      const tableBox = await boxOf(metrics);
      const panel = await boxOf(comparison);
      const chart = await boxOf(comparison.locator('.recharts-wrapper'));
      expect(tableBox.x + tableBox.width, 'the table ends inside its frame').toBeLessThanOrEqual(frame.x + frame.width + 1);
      expect(frame.x + frame.width, 'the frame ends inside the panel').toBeLessThanOrEqual(panel.x + panel.width);
      expect(overlaps(frame, chart), 'the metrics table and the IV chart do not overlap').toBe(false);

      await expect(comparison.locator('.recharts-legend-item-text')).toHaveText(listed.map((name) => `${name} · IV`));
      await expect(comparison.locator('text.axis-title')).toHaveText(['Information value (IV)', 'Feature']);
      await keepScreenshot(page, testInfo, `chart-layouts-compare-${viewport.width}`);
    });
  }

  test('validation: the KS chart names its sample, and every chart titles its axes', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT);
    await unlockAs(page, ANALYST);
    const model = (await call('credit.models', {})).find((entry) => entry.name === ALPHA);
    if (!model) throw new Error(`no model ${ALPHA}`);
    const detail = await call('credit.model', { modelId: model.modelId });
    await openCredit(page, 'Models');
    await page.getByTestId('model-table').locator(`tr[data-model="${ALPHA}"]`).getByRole('button', { name: 'Validate' }).click();
    const validation = page.getByTestId('model-validation');
    const rows = detail.report.metrics?.train.rows ?? 0;
    expect(rows).toBeGreaterThan(0);
    await expect(validation.getByTestId('ks-sample')).toHaveText(`Sample: development, training rows (${rows.toLocaleString('en-US')}). The holdout is in the ROC curve.`);
    // ROC, KS and calibration at once; PSI once the monitoring job is done.
    await expect(validation.getByText('Origination quarter', { exact: true })).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expectAxisTitles(validation, 4);
    await expect(validation.locator('text.axis-title')).toContainText(['False positive rate (%)', 'True positive rate (%)', 'Score (points)', 'Cumulative share (%)']);
    await keepScreenshot(page, testInfo, 'chart-layouts-validation');
  });

  test('the dashboard: delinquency buckets above their table, every chart titled', async ({ page }, testInfo) => {
    await unlockAs(page, ANALYST);
    const buckets = page.getByTestId('delinquency-chart');
    const surface = buckets.locator('svg.recharts-surface').first();
    // The dashboard's figures are read over the whole portfolio: slower than a screen's ordinary wait on a busy machine.
    await expect(surface).toBeVisible({ timeout: 30_000 });
    expect((await boxOf(surface)).width).toBeGreaterThanOrEqual(300);
    await expectNoOverlap(buckets.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value'));
    await expect(buckets.locator('text.axis-title')).toHaveText(['Share of outstanding (%)', 'Days past due']);
    await expectAxisTitles(page.locator('main'), 4);
    await keepScreenshot(page, testInfo, 'chart-layouts-dashboard');
  });

  test('axis titles speak Simplified Chinese', async ({ page }) => {
    try {
      await unlockAs(page, ANALYST);
      await openCredit(page, 'Portfolio risk');
      await page.getByTestId('language-select').selectOption('zh-CN');
      await expect(pageTitle(page)).toHaveText('信用风险');
      await expect(page.getByTestId('ecl-by-stage-chart').locator('text.axis-title')).toHaveText(['IFRS 9 阶段', '预期信用损失 ECL（CNY）']);
      await expect(page.getByTestId('vintage-chart').locator('text.axis-title')).toHaveText(['账龄（月）', '累计违约率（%）'], { timeout: ENGINE_TIMEOUT });
      await expect(page.getByTestId('roll-rate-legend')).toContainText('前滚');
    } finally {
      // The language is saved in this user's settings: put it back for the other tests.
      await hostCall('settings.update', { language: 'en' });
    }
  });
});
