import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import { exclusionText, sampleText } from '../renderer/src/features/credit/development-text.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { zhCN } from '../renderer/src/i18n/zh-CN.ts';

// The scorecard builder words the development sample and each left-out feature's reason in the user's language;
// a model saved before these were recorded as figures keeps its English text.

async function translator(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: language, fallbackLng: 'en', initAsync: false });
  return i18n.t;
}

const stored = 'Loans originated at least 12 months before the latest performance month 2025-06, …';

describe('sampleText', () => {
  it('words the sample in the language in use, its month as the language writes it', async () => {
    const zh = await translator('zh-CN');
    const text = sampleText(zh, { sample: stored, sampleDefinition: { seasoningMonths: 12, latestMonth: '2025-06' } }, 'zh-CN');
    assert.match(text, /^样本为在最新表现月份（2025年6月）之前至少 12 个月发放的贷款/);
    assert.match(text, /目标事件为任一时点发生违约/);
    const english = sampleText(await translator('en'), { sample: stored, sampleDefinition: { seasoningMonths: 12, latestMonth: null } }, 'en');
    assert.match(english, /^Loans that have ended \(paid off, or defaulted\), as there is no performance history/);
  });

  it('keeps the stored sentence of a report saved before the definition was recorded', async () => {
    assert.equal(sampleText(await translator('zh-CN'), { sample: stored }, 'zh-CN'), stored);
  });
});

describe('exclusionText', () => {
  it('words why a feature was left out, naming the other feature by its label', async () => {
    const zh = await translator('zh-CN');
    assert.equal(exclusionText(zh, { reason: 'IV 0.0100 below 0.02', exclusion: { code: 'low_iv', iv: 0.01, minIv: 0.02 } }, 'zh-CN'), 'IV 0.0100，低于 0.02');
    const correlated = { reason: 'English', exclusion: { code: 'correlated', correlation: 0.8123, with: 'debt_to_income', maxCorrelation: 0.7 } } as const;
    assert.equal(exclusionText(zh, correlated, 'zh-CN'), '与债务收入比（IV 更高）的 WOE 相关系数为 0.812，超过 0.7');
    assert.equal(exclusionText(await translator('en'), correlated, 'en'), 'WOE correlation 0.812 with Debt to income (higher IV) beyond 0.7');
  });

  it('keeps the stored reason of an older report, and says nothing for a selected feature', async () => {
    const zh = await translator('zh-CN');
    assert.equal(exclusionText(zh, { reason: 'IV 0.0100 below 0.02' }, 'zh-CN'), 'IV 0.0100 below 0.02');
    assert.equal(exclusionText(zh, { reason: null, exclusion: null }, 'zh-CN'), null);
  });
});
