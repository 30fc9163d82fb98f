import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import { splitInterval, toStoredBinning } from '../main/engines/credit/index.ts';
import type { StoredBinning } from '../preload/contract/credit.ts';
import { binLabel, storedBinLabel } from '../renderer/src/features/credit/bin-label.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { zhCN } from '../renderer/src/i18n/zh-CN.ts';

// The screens word a bin from its rule: categorical levels by their names in the user's language, the engine's
// words translated, intervals exactly as the engine writes them. The engine's label stays what is stored.

async function translator(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  // As the app sets it up (renderer/src/i18n/index.ts): React escapes, so i18next does not.
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  return i18n.t;
}

const languages = [
  ['en', en],
  ['zh-CN', zhCN],
] as const;

describe('binLabel', () => {
  for (const [language, text] of languages) {
    it(`names a categorical feature's levels in ${language}`, async () => {
      const t = await translator(language);
      const separator = text.credit.binLabels.separator;
      assert.equal(binLabel(t, 'employment_type', { kind: 'levels', levels: ['salaried', 'student'] }), `${text.codes.employment.salaried}${separator}${text.codes.employment.student}`);
      assert.equal(binLabel(t, 'collateral_type', { kind: 'levels', levels: ['none'] }), text.codes.collateral.none);
      assert.equal(binLabel(t, 'home_ownership', { kind: 'levels', levels: ['own_mortgage'] }), text.codes.homeOwnership.own_mortgage);
      assert.equal(binLabel(t, 'channel', { kind: 'levels', levels: ['partner_ecommerce'] }), text.codes.channels.partner_ecommerce);
      assert.equal(binLabel(t, 'id_verified', { kind: 'levels', levels: ['no'] }), text.common.no);
      assert.notEqual(binLabel(t, 'employment_type', { kind: 'levels', levels: ['salaried'] }), 'salaried');
    });

    it(`words the (other) bin, missing and special values in ${language}`, async () => {
      const t = await translator(language);
      const other = binLabel(t, 'industry', { kind: 'other', levels: ['agriculture', 'construction'] });
      assert.ok(other.includes(`${text.codes.industries.agriculture}${text.credit.binLabels.separator}${text.codes.industries.construction}`), other);
      assert.notEqual(other, '(other: agriculture, construction)');
      assert.equal(binLabel(t, 'industry', { kind: 'other', levels: [] }), text.credit.binLabels.otherNone);
      assert.equal(binLabel(t, 'annual_income', { kind: 'missing' }), text.credit.binLabels.missing);
      const special = binLabel(t, 'annual_income', { kind: 'special', value: -0.25 });
      assert.ok(special.includes('-0.25'), special);
      assert.notEqual(special, 'special -0.25');
    });

    it(`keeps the levels of a feature with no code group (a CSV column) as they are in ${language}`, async () => {
      const t = await translator(language);
      assert.equal(binLabel(t, 'Home', { kind: 'levels', levels: ['rent', 'owner'] }), `rent${text.credit.binLabels.separator}owner`);
      assert.ok(binLabel(t, 'Job', { kind: 'other', levels: ['freelance'] }).includes('freelance'));
    });

    it(`writes intervals exactly as the engine does in ${language}`, async () => {
      const t = await translator(language);
      let binning: Parameters<typeof splitInterval>[0] = { name: 'debt_to_income', type: 'numeric', bins: [{ label: '(-inf, +inf)', rule: { kind: 'interval', lower: -Infinity, upper: Infinity } }], specialValues: [] };
      // Cut points whose text is easy to get wrong: a float sum, a tiny negative, a huge number.
      for (const at of [0.1 + 0.2, -1e-7, 1e21]) {
        const index = binning.bins.findIndex(({ rule }) => rule.kind === 'interval' && rule.lower < at && at < rule.upper);
        const split = splitInterval(binning, index, at);
        assert.ok(split.ok);
        binning = split.binning;
      }
      const stored = toStoredBinning(binning);
      assert.equal(stored.bins.length, 4);
      for (const bin of stored.bins) assert.equal(binLabel(t, stored.name, bin.rule), bin.label);
    });
  }
});

describe('storedBinLabel', () => {
  const binning: StoredBinning = {
    name: 'region',
    type: 'categorical',
    bins: [
      { label: 'Guangdong', rule: { kind: 'levels', levels: ['Guangdong'] } },
      { label: '(other: Beijing, Hainan)', rule: { kind: 'other', levels: ['Beijing', 'Hainan'] } },
      { label: 'missing', rule: { kind: 'missing' } },
    ],
    specialValues: [],
  };

  it("words a bin known by its stored label from the binning's rule", async () => {
    const t = await translator('zh-CN');
    assert.equal(storedBinLabel(t, binning, 'Guangdong'), zhCN.codes.regions.Guangdong);
    assert.equal(storedBinLabel(t, binning, 'missing'), zhCN.credit.binLabels.missing);
    assert.ok(storedBinLabel(t, binning, '(other: Beijing, Hainan)').includes(`${zhCN.codes.regions.Beijing}、${zhCN.codes.regions.Hainan}`));
  });

  it('keeps the stored text where no rule is at hand', async () => {
    const t = await translator('zh-CN');
    assert.equal(storedBinLabel(t, binning, 'Shanghai'), 'Shanghai');
    assert.equal(storedBinLabel(t, undefined, 'missing'), 'missing');
  });
});
