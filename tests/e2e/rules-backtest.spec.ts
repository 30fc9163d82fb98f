import { expect, test, type Locator, type Page } from '@playwright/test';
import type { MethodArgs, MethodName, MethodResult } from '../../preload/contract/index.ts';
import type { BacktestSummary, StoredBacktest } from '../../preload/contract/fraud-backtests.ts';
import { AUDITOR, COMPLIANCE } from './e2e-env.ts';
import { hostCall, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';

// A compliance user backtests the active rule set and reads what main stored; an auditor reads it and may not start
// one. rules.spec.ts activates another version in its story, so which version is active depends on the order the specs
// run in: the test backtests whichever is active and reads the figures it expects with rules.backtest.
test.describe.configure({ mode: 'serial' });

/** A backtest scores every transaction of the small demo with two rule sets. */
const BACKTEST_TIMEOUT = 120_000;

async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const outcome = await hostCall(method, args);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as MethodResult<M>;
}

async function activeVersion(): Promise<number> {
  const active = (await call('rules.list', {})).find((set) => set.status === 'active');
  if (!active) throw new Error('the e2e workspace has no active rule set');
  return active.version;
}

/** The figures as the screen should print them in English, formatted here independently of the renderer's code. */
const count = (value: number) => value.toLocaleString('en-US');
const rate = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value));
function money(minor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

function headline(summary: BacktestSummary, currency: string): Record<string, string> {
  return {
    flagged: count(summary.flagged),
    review: count(summary.review),
    block: count(summary.block),
    flaggedMinor: money(summary.flaggedMinor, currency),
    truePositives: count(summary.truePositives),
    precision: rate(summary.precision),
    recall: rate(summary.recall),
  };
}

async function openBacktests(page: Page): Promise<void> {
  await page.keyboard.press('Alt+7');
  await expect(pageTitle(page)).toHaveText('Rules');
  // The tabs follow the WAI-ARIA pattern: End on the focused tab opens the last one, Backtests.
  await page.getByRole('tab', { name: 'Rule sets' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Backtests' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Backtests' })).toBeFocused();
  expect(new URL(page.url()).hash).toContain('tab=backtests');
}

/** A chart's series, whatever the order Recharts sorts its legend in. */
async function expectLegend(chart: Locator, names: readonly string[]): Promise<void> {
  const items = chart.locator('.recharts-legend-item-text');
  await expect(items).toHaveCount(names.length);
  expect((await items.allTextContents()).toSorted()).toEqual(names.toSorted());
}

/** The result on screen shows exactly what main stored: the headline (beside the active version's, if any), the per-day chart, every rule. */
async function expectResult(result: Locator, stored: StoredBacktest): Promise<void> {
  const { result: figures } = stored;
  await expect(result).toHaveAttribute('data-backtest-id', String(stored.backtestId));
  // Side by side with the active version; a backtest of the active version itself has nothing to compare with.
  const sides = figures.baseline ? ([['candidate', figures.candidate], ['baseline', figures.baseline]] as const) : ([['candidate', figures.candidate]] as const);
  const table = result.getByTestId('backtest-headline');
  await expect(table.locator('thead th')).toHaveText(['Figure', `v${figures.version} (backtested)`, ...(figures.baseline ? [`v${figures.baselineVersion} (active)`] : [])]);
  for (const [side, summary] of sides) {
    for (const [metric, text] of Object.entries(headline(summary, figures.currency))) {
      await expect(table.locator(`tr[data-metric="${metric}"] td[data-side="${side}"]`)).toHaveText(text);
    }
  }
  if (figures.baseline) await expect(result.getByTestId('no-baseline')).toHaveCount(0);
  else {
    await expect(result.getByTestId('no-baseline')).toHaveText('No active version to compare: this version was the active one when the backtest ran, or none was.');
    await expect(table.locator('td[data-side="baseline"]')).toHaveCount(0);
  }

  const perDay = result.getByTestId('backtest-per-day');
  await expect(perDay.locator('.recharts-wrapper > .recharts-surface')).toBeVisible();
  await expectLegend(perDay, ['Review', 'Block', ...(figures.baseline ? [`Active v${figures.baselineVersion}`] : [])]);
  await expect(perDay.locator('.recharts-line')).toHaveCount(figures.baseline ? 1 : 0);
  expect(figures.perDay.length).toBeGreaterThan(0);
  expect(figures.perDay.some((day) => day.review + day.block > 0)).toBe(true);
  await expect(perDay.locator('.recharts-bar-rectangle').first()).toBeVisible();

  expect(figures.rules.length).toBeGreaterThan(0);
  const rules = result.getByTestId('backtest-rules').locator('tbody tr');
  await expect(rules).toHaveCount(figures.rules.length);
  for (const rule of figures.rules) {
    const row = result.getByTestId('backtest-rules').locator(`tr[data-rule-id="${rule.id}"]`);
    await expect(row.locator('td')).toHaveText([
      count(rule.hits),
      count(rule.fraudHits),
      rate(rule.precision),
      count(rule.marginal.flagged),
      count(rule.marginal.fraud),
      money(rule.hitMinor, figures.currency),
    ]);
  }
  await expectLegend(result.getByTestId('backtest-rule-chart'), ['Hits', 'Fraud hits']);
}

test.describe('rule set backtests', () => {
  let backtestId = 0;

  test('a compliance user backtests the active version, sees its progress end, then its headline, alerts per day and rules', async ({ page }, testInfo) => {
    test.setTimeout(BACKTEST_TIMEOUT + 60_000);
    await unlockAs(page, COMPLIANCE);
    const version = await activeVersion();
    const before = new Set((await call('rules.backtests', { version })).map((row) => row.backtestId));
    await openBacktests(page);
    await expect(page.getByTestId('backtest-version')).toHaveValue(String(version));

    await page.getByTestId('start-backtest').click();
    // The status bar follows the job too; this is the tab's own bar.
    const progress = page.getByTestId('backtest-start').getByTestId('job-progress');
    // Scoring the demo's 50,000 transactions takes seconds: the bar is there while it runs.
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress).toHaveAttribute('data-state', 'done', { timeout: BACKTEST_TIMEOUT });
    await expect(progress).toContainText('Done');

    const fresh = (await call('rules.backtests', { version })).filter((row) => !before.has(row.backtestId));
    expect(fresh).toHaveLength(1);
    backtestId = fresh[0]?.backtestId ?? 0;
    const stored = await call('rules.backtest', { backtestId });
    expect(stored.startedBy).toBe(COMPLIANCE.username);
    expect(stored.result.version).toBe(version);
    // The active version is its own baseline, so there is none: the screen must say so rather than compare it with itself.
    expect(stored.result.baselineVersion).toBeNull();

    // Done, the new backtest is the one shown, and the address names it.
    await expect(page.getByTestId('backtest-list').locator(`tr[data-backtest-id="${backtestId}"]`)).toHaveClass(/row-selected/);
    expect(new URL(page.url()).hash).toContain(`backtest=${backtestId}`);
    await expectResult(page.getByTestId('backtest-result'), stored);
    await keepScreenshot(page, testInfo, 'rules-backtest-result');
    await page.getByTestId('backtest-rules').scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'rules-backtest-rules');
    // Rules firing together: one row per enabled rule, its hits on the diagonal.
    const overlaps = page.getByTestId('backtest-overlaps');
    await expect(overlaps.locator('tbody tr')).toHaveCount(stored.result.overlaps.ids.length);
    const first = stored.result.overlaps.counts[0]?.[0] ?? 0;
    await expect(overlaps.locator('tbody tr').first().locator('td').first()).toHaveText(count(first));
    await overlaps.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'rules-backtest-overlaps');
  });

  test('an auditor reads the stored backtest, picked from the list, and has no way to start one', async ({ page }, testInfo) => {
    expect(backtestId).toBeGreaterThan(0);
    await unlockAs(page, AUDITOR);
    const stored = await call('rules.backtest', { backtestId });
    await openBacktests(page);
    await expect(page.getByTestId('backtest-version')).toHaveValue(String(stored.result.version));
    await expect(page.getByTestId('start-backtest')).toHaveCount(0);
    await expect(page.getByTestId('backtest-form')).toHaveCount(0);
    await expect(page.getByText('Analysts and compliance run backtests; everyone reads them.')).toBeVisible();

    const row = page.getByTestId('backtest-list').locator(`tr[data-backtest-id="${backtestId}"]`);
    await expect(row.locator('td').first()).toHaveText(COMPLIANCE.username);
    await row.getByRole('button', { name: `#${backtestId}` }).press('Enter');
    await expect(row).toHaveClass(/row-selected/);
    expect(new URL(page.url()).hash).toContain(`backtest=${backtestId}`);
    await expectResult(page.getByTestId('backtest-result'), stored);
    await keepScreenshot(page, testInfo, 'rules-backtest-auditor');
  });
});
