import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import { CREDIT_FEATURE_NAMES } from '../main/store/credit-features.ts';
import { PROVINCE_TABLE } from '../main/demo/provinces.ts';
import { CODE_SETS, codeLabel, optionalCodeLabel } from '../renderer/src/components/code-labels.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { zhCN } from '../renderer/src/i18n/zh-CN.ts';

// Every code the screens show has a label in both languages. The contract's code lists are the source: a code
// added there without a label fails here. Regions come from the demo's province table, features from the store's list.

const HAN = /\p{Script=Han}/u;
const regions = PROVINCE_TABLE.values.map((province) => province.name);
const sets: readonly (readonly [string, readonly string[]])[] = [...Object.entries(CODE_SETS), ['regions', regions], ['features', CREDIT_FEATURE_NAMES]];

function labelsOf(translation: typeof en, group: string): Readonly<Record<string, string>> {
  return (translation.codes as unknown as Record<string, Record<string, string>>)[group] ?? {};
}

describe('code labels', () => {
  for (const [group, codes] of sets) {
    it(`names every ${group} code in English and in Chinese`, () => {
      assert.ok(codes.length > 0, `${group} lists no codes`);
      for (const code of codes) {
        const english = labelsOf(en, group)[code]?.trim() ?? '';
        const chinese = labelsOf(zhCN, group)[code]?.trim() ?? '';
        assert.notEqual(english, '', `${group}.${code} has no English label`);
        assert.notEqual(chinese, '', `${group}.${code} has no Chinese label`);
        // Regions and buckets are readable as they are (Guangdong, 90+); a snake_case code is not.
        assert.doesNotMatch(english, /_/, `${group}.${code}'s English label is a code`);
        assert.match(chinese, HAN, `${group}.${code}'s Chinese label has no Chinese in it`);
      }
    });
  }

  it('labels no code of a fixed set that the contract does not list', () => {
    for (const [group, codes] of Object.entries(CODE_SETS)) {
      assert.deepEqual(Object.keys(labelsOf(en, group)).sort(), [...codes].sort(), `en codes.${group}`);
      assert.deepEqual(Object.keys(labelsOf(zhCN, group)).sort(), [...codes].sort(), `zh-CN codes.${group}`);
    }
  });

  it('looks a code up in the language in use, and makes an unknown code readable', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: 'en', initAsync: false });
    assert.equal(codeLabel(i18n.t, 'products', 'consumer_cash_loan'), '消费现金贷');
    assert.equal(codeLabel(i18n.t, 'channels', 'partner_ecommerce'), '电商合作方');
    assert.equal(codeLabel(i18n.t, 'statuses', 'paid_off'), '已结清');
    assert.equal(codeLabel(i18n.t, 'industries', 'information_technology'), '信息技术');
    assert.equal(codeLabel(i18n.t, 'features', 'debt_to_income'), '债务收入比');
    // A code no translation knows (imported data): its words, not a blank and not a key.
    assert.equal(codeLabel(i18n.t, 'industries', 'deep_sea_mining'), 'Deep sea mining');
    assert.equal(optionalCodeLabel(i18n.t, 'channels', null), '—');
    await i18n.changeLanguage('en');
    assert.equal(codeLabel(i18n.t, 'products', 'consumer_cash_loan'), 'Consumer cash loan');
    assert.equal(codeLabel(i18n.t, 'homeOwnership', 'own_mortgage'), 'Owned, with mortgage');
  });
});
