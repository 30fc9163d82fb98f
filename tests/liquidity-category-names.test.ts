import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import { LCR_CATEGORIES, NSFR_CATEGORIES } from '../preload/contract/liquidity.ts';
import { categoryName } from '../renderer/src/features/liquidity/category-name.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { zhCN } from '../renderer/src/i18n/zh-CN.ts';

// The liquidity screens name every Basel III category in both languages. The type checker already refuses a missing
// key; this checks what it cannot: that no name is blank, and that the Chinese names are not the English ones copied.

const HAN = /\p{Script=Han}/u;
const groups = [
  ['lcr', LCR_CATEGORIES, en.liquidity.categoryNames.lcr, zhCN.liquidity.categoryNames.lcr],
  ['nsfr', NSFR_CATEGORIES, en.liquidity.categoryNames.nsfr, zhCN.liquidity.categoryNames.nsfr],
] as const;

describe('liquidity category names', () => {
  for (const [group, categories, english, chinese] of groups) {
    it(`names every ${group} category of the contract in English and in Chinese, differently`, () => {
      const englishNames: Readonly<Record<string, string>> = english;
      const chineseNames: Readonly<Record<string, string>> = chinese;
      for (const category of categories) {
        const inEnglish = englishNames[category]?.trim() ?? '';
        const inChinese = chineseNames[category]?.trim() ?? '';
        assert.notEqual(inEnglish, '', `${category} has no English name`);
        assert.notEqual(inChinese, '', `${category} has no Chinese name`);
        assert.notEqual(inChinese, inEnglish, `${category}'s Chinese name is its English one`);
        assert.notEqual(inEnglish, category, `${category}'s English name is its code`);
        assert.match(inChinese, HAN, `${category}'s Chinese name has no Chinese in it`);
      }
    });

    it(`names no ${group} category the contract does not list`, () => {
      assert.deepEqual(Object.keys(english).sort(), [...categories].sort());
      assert.deepEqual(Object.keys(chinese).sort(), [...categories].sort());
    });
  }

  it('looks a code up in the language in use, and leaves a code it does not know unnamed', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: 'en', initAsync: false });
    assert.equal(categoryName(i18n.t, 'retail_less_stable'), '欠稳定零售存款');
    assert.equal(categoryName(i18n.t, 'asf_operational_deposits'), '可用的稳定资金：业务关系存款');
    assert.equal(categoryName(i18n.t, 'not_a_category'), null);
    await i18n.changeLanguage('en');
    assert.equal(categoryName(i18n.t, 'rsf_performing_loans_ge1y_rw35'), 'RSF: performing loans ≥ 1 year, risk weight ≤ 35 %');
  });
});
