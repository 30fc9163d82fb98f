import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import { LOAN_PRODUCTS } from '../preload/contract/loan-vocabulary.ts';
import { codeLabel } from '../renderer/src/components/code-labels.ts';
import { codeOptions, codeSetSummary, matchingOptions, modelFor, selectedCodes, withCodes } from '../renderer/src/components/grid/code-set.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { zhCN } from '../renderer/src/i18n/zh-CN.ts';

// The set filter's choices and model (CodeSetFilter's pure half): the list in the order the user reads it, the
// search over names and codes, and the model main receives, where "everything" must stay "no filter".

async function translator(lng: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng, fallbackLng: 'en', initAsync: false });
  return i18n.t;
}

const words = { none: 'None', count: (count: number) => `${count} selected` };

describe('the set filter options', () => {
  it('sorts the codes by their names in the user’s locale, each code once', () => {
    const names: Record<string, string> = { b: 'Éclair', a: 'zebra', c: 'apple' };
    const options = codeOptions(['a', 'b', 'c', 'a'], (code) => names[code] ?? code, 'en');
    assert.deepEqual(options, [
      { code: 'c', label: 'apple' },
      { code: 'b', label: 'Éclair' },
      { code: 'a', label: 'zebra' },
    ]);
  });

  it('lists the loan products by their Chinese names in Chinese order, with a label for each', async () => {
    const t = await translator('zh-CN');
    const options = codeOptions(LOAN_PRODUCTS, (code) => codeLabel(t, 'products', code), 'zh-CN');
    assert.deepEqual(options.map((option) => option.code).sort(), [...LOAN_PRODUCTS].sort());
    const collator = new Intl.Collator('zh-CN');
    for (let i = 1; i < options.length; i += 1) assert.ok(collator.compare(options[i - 1]!.label, options[i]!.label) <= 0, `${options[i - 1]!.label} before ${options[i]!.label}`);
    for (const option of options) assert.match(option.label, /\p{Script=Han}/u, `${option.code} has a Chinese name`);
  });

  it('matches a search against the name or the code, ignoring case and spaces', async () => {
    const t = await translator('en');
    const options = codeOptions(LOAN_PRODUCTS, (code) => codeLabel(t, 'products', code), 'en');
    const cashByName = matchingOptions(options, '  CASH ', 'en').map((option) => option.code);
    assert.ok(cashByName.includes('consumer_cash_loan'), cashByName.join());
    const byCode = matchingOptions(options, 'revolving_credit', 'en').map((option) => option.code);
    assert.deepEqual(byCode, ['revolving_credit_line']);
    assert.equal(matchingOptions(options, '', 'en'), options);
    assert.deepEqual(matchingOptions(options, 'no such product', 'en'), []);
  });
});

describe('the set filter model', () => {
  const listed = ['consumer_cash_loan', 'consumer_instalment', 'sme_working_capital'];

  it('is no filter when every listed code is chosen, and the chosen codes otherwise (none: an empty list)', () => {
    assert.equal(modelFor(new Set(listed), listed), null);
    assert.deepEqual(modelFor(new Set(['sme_working_capital', 'consumer_instalment']), listed), { filterType: 'set', values: ['consumer_instalment', 'sme_working_capital'] });
    assert.deepEqual(modelFor(new Set(), listed), { filterType: 'set', values: [] });
  });

  it('reads the chosen codes from a set model, and everything from no model or an old text filter', () => {
    assert.deepEqual([...(selectedCodes({ filterType: 'set', values: ['sme_working_capital'] }) ?? [])], ['sme_working_capital']);
    assert.equal(selectedCodes(null), null);
    assert.equal(selectedCodes({ filterType: 'text', type: 'equals', filter: 'sme_working_capital' }), null);
  });

  it('selects all or clears only the codes given (the ones a search shows)', () => {
    const chosen = new Set(['sme_working_capital']);
    assert.deepEqual([...withCodes(chosen, ['consumer_instalment', 'consumer_cash_loan'], true)].sort(), listed);
    assert.deepEqual([...withCodes(new Set(listed), ['consumer_instalment', 'sme_working_capital'], false)], ['consumer_cash_loan']);
    assert.deepEqual([...chosen], ['sme_working_capital'], 'the choice it started from is left as it was');
  });

  it('sums a model up for the header row: names when few, a count when more, nothing for no filter', async () => {
    const t = await translator('zh-CN');
    const label = (code: string) => codeLabel(t, 'products', code);
    assert.equal(codeSetSummary(null, label, words), '');
    assert.equal(codeSetSummary({ filterType: 'set', values: [] }, label, words), 'None');
    assert.equal(codeSetSummary({ filterType: 'set', values: ['consumer_instalment', 'sme_working_capital'] }, label, words), `${label('consumer_instalment')}, ${label('sme_working_capital')}`);
    assert.match(label('consumer_instalment'), /\p{Script=Han}/u, 'the names are the Chinese ones');
    assert.equal(codeSetSummary({ filterType: 'set', values: listed }, label, words), '3 selected');
    assert.equal(codeSetSummary({ filterType: 'text', type: 'equals', filter: 'sme_working_capital' }, label, words), 'sme_working_capital');
  });
});
