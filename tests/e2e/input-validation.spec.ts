import { expect, test } from '@playwright/test';
import type { MethodResult } from '../../preload/contract/index.ts';
import { ADMIN, COMPLIANCE } from './e2e-env.ts';
import { hostCall, pageTitle, unlockAs } from './fixtures.ts';

// What users type (issue 15): LGD/CCF codes are chosen from the loans' codes, and main refuses a misspelt one;
// auto-lock minutes out of bounds get the app's own message at the field. Nothing here is saved.

test.describe('input validation', () => {
  test('a parameter draft chooses LGD and CCF codes from the list, and main refuses a misspelt code naming the field', async ({ page }) => {
    await unlockAs(page, COMPLIANCE);
    await page.keyboard.press('Alt+3');
    await expect(pageTitle(page)).toHaveText('Credit');
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.getByTestId('new-draft').click();
    const form = page.getByTestId('parameter-draft');
    const [lgdRules, ccfRows] = [form.locator('table.editable-rows').nth(0), form.locator('table.editable-rows').nth(1)];

    // The shipped rules' codes show as chosen options; a new rule starts at "any" and offers only known codes.
    await expect(lgdRules.getByLabel('Product 3')).toHaveValue('sme_working_capital');
    await expect(lgdRules.getByLabel('Collateral 1')).toHaveValue('property');
    await lgdRules.getByRole('button', { name: 'Add rule' }).click();
    const product = lgdRules.getByLabel('Product 5');
    await expect(product).toHaveValue('');
    await expect(product.locator('option')).toHaveText(['any', 'Consumer cash loan', 'Consumer instalment', 'SME working capital', 'Revolving credit line']);
    await expect(lgdRules.getByLabel('Collateral 5').locator('option')).toHaveText(['any', 'None (unsecured)', 'Vehicle', 'Property']);
    await product.selectOption('consumer_cash_loan');
    await expect(product).toHaveValue('consumer_cash_loan');
    await expect(ccfRows.getByLabel('Product 1')).toHaveValue('revolving_credit_line');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // A caller that types the code anyway (the CLI, a script) is refused by main, with the field's path.
    const sets = await hostCall('credit.parameterSets');
    expect(sets.ok).toBe(true);
    const base = (sets.ok ? (sets.result as MethodResult<'credit.parameterSets'>) : [])[0]?.parameters;
    expect(base).toBeDefined();
    if (!base) return;
    const misspelt = { ...base, lgd: { ...base.lgd, rules: [...base.lgd.rules, { product: 'sme_workng_capital', collateralType: null, lgd: 0.5 }] } };
    const refused = await hostCall('credit.saveParameterSet', { parameters: misspelt, note: 'typo' });
    expect(refused.ok ? 'saved' : refused.error.code).toBe('VALIDATION');
    expect(refused.ok ? '' : refused.error.message).toContain(`lgd.rules.${base.lgd.rules.length}.product: is not a product loans can have`);
  });

  test('auto-lock minutes of 0, 99999 and nothing get the form’s own message, with the contract’s bounds', async ({ page }) => {
    await unlockAs(page, ADMIN);
    await page.keyboard.press('Alt+9');
    await expect(pageTitle(page)).toHaveText('Settings');
    const minutes = page.getByTestId('idle-lock-minutes');
    const field = page.locator('.field').filter({ has: minutes });
    await expect(field).toContainText('1 to 480 minutes.');
    const before = await minutes.inputValue();
    const form = page.locator('form').filter({ has: minutes });
    const save = form.getByRole('button', { name: 'Save', exact: true });

    for (const [typed, message] of [
      ['0', 'must be at least 1'],
      ['99999', 'must be at most 480'],
      ['', 'required'],
      ['2.5', 'a whole number is required'],
    ] as const) {
      await minutes.fill(typed);
      await save.click();
      await expect(field.locator('.field-problem')).toHaveText(message);
      await expect(minutes).toHaveAttribute('aria-invalid', 'true');
    }
    // Nothing was saved by the refused attempts; a value within the bounds saves and clears the message.
    const settings = await hostCall('settings.get');
    expect(settings.ok && (settings.result as MethodResult<'settings.get'>).idleLockMinutes).toBe(Number(before));
    await minutes.fill(before);
    await save.click();
    await expect(form.locator('.inline-ok')).toBeVisible();
    await expect(field.locator('.field-problem')).toHaveCount(0);
  });
});
