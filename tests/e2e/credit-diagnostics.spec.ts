import { expect, test, type Locator, type Page } from '@playwright/test';
import type { BinningEvaluation } from '../../preload/contract/index.ts';
import { ANALYST } from './e2e-env.ts';
import { call, hostCall, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';

// Scorecard diagnostics in the builder, as a SAS or FICO user expects them: the score scale as inputs (checked, and
// changing the points table), whole points with what they cost in AUC, coefficients of the wrong sign flagged and
// dropped in one click with AUC and Gini before and after, and a hand split into a tiny bin flagged, saved only when
// accepted knowingly, with the acceptance shown in the model's validation view.
test.describe.configure({ mode: 'serial' });

/** A development or a refit takes a while on the small demo portfolio. */
const ENGINE_TIMEOUT = 150_000;
/** DOMAIN.md's default scale: offset = 600 − (20 / ln 2) · ln 50 = 487.1228762; PDO 40, 500 at 20:1: 500 − (40 / ln 2) · ln 20 = 327.1228762. */
const DEFAULT_OFFSET = 600 - (20 / Math.LN2) * Math.log(50);
const NEW_OFFSET = 500 - (40 / Math.LN2) * Math.log(20);

const number = (text: string | null): number => Number((text ?? '').replace(/,/g, '').replace('−', '-').trim());

async function openBuilder(page: Page): Promise<void> {
  await unlockAs(page, ANALYST);
  await page.keyboard.press('Alt+3');
  await expect(pageTitle(page)).toHaveText('Credit');
  await page.getByRole('tab', { name: 'Scorecard builder' }).click();
}

async function develop(page: Page, done: Locator): Promise<void> {
  await page.getByTestId('develop').click();
  await expect(done).toBeVisible({ timeout: ENGINE_TIMEOUT });
}

function modelFeatures(page: Page): Locator {
  return page.getByTestId('coefficient-table').locator('tbody tr[data-feature]');
}

async function openFeature(page: Page, feature: string): Promise<Locator> {
  await page.getByTestId('feature-table').locator(`tr[data-feature="${feature}"]`).getByRole('button').click();
  return page.locator(`[data-testid="bin-editor"][data-feature="${feature}"]`);
}

test.describe('scorecard diagnostics', () => {
  test('the scale is checked, changes the points table, and whole points show what they cost in AUC', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT * 2 + 60_000);
    await openBuilder(page);
    const form = page.getByTestId('development-options');
    await form.getByLabel('PDO').fill('0');
    await form.getByLabel('Base odds (:1)').fill('-5');
    await page.getByTestId('develop').click();
    await expect(form.getByRole('alert')).toHaveText('Out of range: PDO, Base odds (:1). Each field says what it accepts.');
    await form.getByLabel('PDO').fill('20');
    await form.getByLabel('Base odds (:1)').fill('50');

    await develop(page, page.getByTestId('rounding-effect'));
    const feature = (await modelFeatures(page).first().getAttribute('data-feature')) ?? '';
    const n = await modelFeatures(page).count();
    const editor = await openFeature(page, feature);
    const before = number(await editor.getByTestId('bin-points').first().textContent());
    await expect(page.getByTestId('rounding-effect')).toContainText('This scorecard keeps exact points.');

    // PDO 40, 500 points at 20:1, whole points: the same model, so each bin's points are
    // round(2 · (old − 487.12/n) + 327.12/n) (the old ones shown to 0.1, hence ±1).
    await form.getByLabel('PDO').fill('40');
    await form.getByLabel('Base score').fill('500');
    await form.getByLabel('Base odds (:1)').fill('20');
    await form.getByLabel('Whole points').check();
    await develop(page, page.getByTestId('rounding-effect').getByText('This scorecard rounds each bin’s points to a whole number.'));
    const after = (await editor.getByTestId('bin-points').first().textContent()) ?? '';
    expect(after.trim()).toMatch(/^-?[\d,]+$/);
    const expected = 2 * (before - DEFAULT_OFFSET / n) + NEW_OFFSET / n;
    expect(Math.abs(number(after) - expected)).toBeLessThanOrEqual(1);

    // The AUC with exact and with whole points on both samples, and their difference.
    const rounding = page.getByTestId('rounding-effect');
    const exactTrain = number(await rounding.locator('tr[data-kind="exact"] td').first().textContent());
    const roundedTrain = number(await rounding.locator('tr[data-kind="rounded"] td').first().textContent());
    const difference = (await rounding.locator('tr[data-kind="difference"] td').first().textContent()) ?? '';
    expect(difference.trim()).toMatch(/^-?\d\.\d{5}$/);
    expect(Math.abs(number(difference) - (roundedTrain - exactTrain))).toBeLessThan(0.0002);
    expect(number(await rounding.locator('tr[data-kind="exact"] td').nth(1).textContent())).toBeGreaterThan(0.5);
    const metricsAuc = number(await page.getByTestId('metrics-table').locator('tbody tr').first().locator('td').first().textContent());
    expect(Math.abs(metricsAuc - exactTrain)).toBeLessThan(0.0006);
    await keepScreenshot(page, testInfo, 'credit-scale-rounding');
  });

  test('wrong-sign coefficients are flagged and dropped in one click; a tiny hand bin is flagged and saved only when accepted', async ({ page }, testInfo) => {
    test.setTimeout(ENGINE_TIMEOUT * 3 + 60_000);
    await openBuilder(page);
    await develop(page, page.getByTestId('coefficient-table').locator('tbody tr[data-feature]').first());

    // On the demo a few coefficients come out positive (a WOE that says "better" scored as worse): flagged, with the offer.
    const flagged = page.getByTestId('coefficient-table').locator('tbody tr[data-flagged="true"]');
    await expect(page.getByTestId('coefficient-flags').getByText('Wrong sign').first()).toBeVisible();
    const dropped = await flagged.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-feature') ?? ''));
    expect(dropped.length).toBeGreaterThan(0);
    const aucBefore = number(await page.getByTestId('metrics-table').locator('tbody tr').first().locator('td').nth(1).textContent());
    await page.getByTestId('drop-flagged').click();
    const comparison = page.getByTestId('drop-comparison');
    await expect(comparison).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expect(comparison.getByRole('heading')).toHaveText('Before and after the drop');
    await expect(comparison.getByTestId('dropped-features')).toHaveText(dropped.join(', '));
    for (const feature of dropped) await expect(page.getByTestId('coefficient-table').locator(`tr[data-feature="${feature}"]`)).toHaveCount(0);
    const holdoutAuc = comparison.locator('tr[data-metric="holdout-auc"] td');
    expect(Math.abs(number(await holdoutAuc.nth(0).textContent()) - aucBefore)).toBeLessThan(0.0006);
    expect(number(await holdoutAuc.nth(1).textContent())).toBeGreaterThan(0.5);
    await expect(comparison.locator('tr[data-metric="train-gini"] td').nth(2)).toHaveText(/^-?\d\.\d{4}$/);
    await keepScreenshot(page, testInfo, 'credit-drop-flagged');

    // A hand split of the top interval of a numeric model feature, where about 1–4 % of the loans lie above the cut.
    const names = await modelFeatures(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-feature') ?? ''));
    // Each with the English name the screens give it (en.ts, codes.features).
    const labels: Record<string, string> = { annual_income: 'Annual income', credit_history_months: 'Credit history (months)', loan_to_income: 'Loan to income', age_at_origination: 'Age at origination' };
    const feature = Object.keys(labels).find((name) => names.includes(name));
    expect(feature, `a numeric model feature among ${names.join(', ')}`).toBeTruthy();
    const editor = await openFeature(page, feature ?? '');
    const top = editor.getByTestId('bin-table').locator('tbody tr').filter({ hasText: '+inf)' });
    const lower = number(/^\((.+), \+inf\)$/.exec((await top.locator('th').textContent()) ?? '')?.[1] ?? 'NaN');
    const at = await tinySplit(feature ?? '', lower);
    await top.getByRole('radio').check();
    await editor.getByLabel('Split the picked bin at').fill(String(at));
    await editor.getByRole('button', { name: 'Split', exact: true }).click();
    const tiny = editor.getByTestId('bin-table').locator('tbody tr').filter({ hasText: `(${at}, +inf)` });
    await expect(tiny.getByTestId('bin-flags')).toContainText(/of loans, below the minimum 5\.0%/);
    await expect(tiny).toHaveAttribute('data-flagged', 'true');
    // A bin of one class has a smoothed WOE, marked, with the rule in its tooltip; any other bin has an observed one.
    const defaults = number(await tiny.locator('td').nth(3).textContent());
    const loans = number(await tiny.locator('td').nth(1).textContent());
    if (defaults === 0 || defaults === loans) await expect(tiny.getByTestId('smoothed-woe')).toHaveAttribute('title', /0\.5 is added to both counts/);
    else await expect(tiny.getByTestId('smoothed-woe')).toHaveCount(0);
    await keepScreenshot(page, testInfo, 'credit-bin-flags');

    await page.getByTestId('refit').click();
    await expect(page.getByTestId('refit')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
    const save = page.getByTestId('save-model');
    await save.getByLabel('Model name').fill('E2E diagnostics');
    await expect(save.getByTestId('flagged-bins')).toContainText(`${labels[feature ?? '']} (${at}, +inf): below the minimum bin share`);
    await expect(save.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    await save.getByLabel('I have reviewed these bins and save them knowingly').check();
    await save.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Saved “E2E diagnostics” as a draft.')).toBeVisible();

    // The model's validation view says who accepted which bins, and the scale.
    await page.getByRole('button', { name: 'Open Models' }).click();
    await page.getByTestId('model-table').locator('tr[data-model="E2E diagnostics"]').getByRole('button', { name: 'Validate' }).click();
    const documentation = page.getByTestId('model-documentation');
    await expect(documentation.getByTestId('model-scale')).toHaveText('Scale: 600 points at odds 50:1, 20 points to double the odds. Points per bin are exact.');
    await expect(documentation.getByTestId('accepted-bins')).toContainText(`Flagged bins accepted knowingly by ${ANALYST.username} at`);
    await expect(documentation.getByTestId('accepted-bins')).toContainText(`${labels[feature ?? '']} (${at}, +inf): below the minimum bin share`);
    await expect(page.getByTestId('model-validation').getByTestId('rounding-effect')).toContainText('This scorecard keeps exact points.');
    await keepScreenshot(page, testInfo, 'credit-accepted-bins');
  });
});

test.describe('bin names', () => {
  test.afterEach(async () => {
    // The language is saved in the user's settings in the workspace: put it back for the other tests.
    await hostCall('settings.update', { language: 'en' });
  });

  test("a categorical feature's bins show its levels by name, in Chinese too", async ({ page }) => {
    test.setTimeout(ENGINE_TIMEOUT + 60_000);
    await openBuilder(page);
    await develop(page, page.getByTestId('feature-table').locator('tr[data-feature="employment_type"]'));
    const editor = await openFeature(page, 'employment_type');
    const names = editor.getByTestId('bin-table').locator('tbody th');
    // The engine's label is the codes (salaried, self_employed, …): the table, the radios and the chart's ticks name them.
    await expect(names.filter({ hasText: 'Salaried' })).toHaveCount(1);
    await expect(names.filter({ hasText: /salaried|self_employed|gig_worker/ })).toHaveCount(0);
    await expect(editor.getByRole('radio', { name: /^Pick bin .*Salaried/ })).toHaveCount(1);
    const ticks = editor.locator('svg text');
    await expect(ticks.filter({ hasText: 'Salaried' })).toHaveCount(1);

    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect(pageTitle(page)).toHaveText('信用风险');
    await expect(names.filter({ hasText: '受薪雇员' })).toHaveCount(1);
    await expect(names.filter({ hasText: /[A-Za-z]/ })).toHaveCount(0);
    await expect(ticks.filter({ hasText: '受薪雇员' })).toHaveCount(1);
    await page.getByTestId('language-select').selectOption('en');
    await expect(names.filter({ hasText: 'Salaried' })).toHaveCount(1);
  });
});

/**
 * A cut above `lower` leaving a non-empty bin under the 5 % minimum above it, found through the API as the analyst
 * (the page's session): the test needs a value in the demo's tail, which its generator does not fix.
 */
async function tinySplit(feature: string, lower: number): Promise<number> {
  for (const factor of [1.25, 1.5, 2, 3, 4, 6, 8]) {
    const at = Math.round(lower * factor * 100) / 100;
    const evaluation: BinningEvaluation = await call('credit.evaluateBinning', {
      binning: {
        name: feature,
        type: 'numeric',
        specialValues: [],
        bins: [
          { label: 'below', rule: { kind: 'interval', lower: null, upper: at } },
          { label: 'above', rule: { kind: 'interval', lower: at, upper: null } },
        ],
      },
      holdoutFraction: 0.3,
      seed: 1,
    });
    const above = evaluation.bins[1];
    if (above && above.count > 0 && above.flags?.includes('small')) return at;
  }
  throw new Error(`no cut above ${lower} leaves a small bin of ${feature}`);
}
