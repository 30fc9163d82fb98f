import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import type { StageReason } from '../preload/contract/credit.ts';
import { stageReasonText } from '../renderer/src/features/portfolio/stage-reason.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { zhCN } from '../renderer/src/i18n/zh-CN.ts';

// The credit engine says why a loan is in its stage as figures; the loan panel says it in the user's language.

const sicr = { code: 'sicr', dpd: 45, sicrDpd: 30, pdLifetimeNow: 0.0297, pdLifetimeAtOrigination: 0.0053, pdMultiple: 2.5 } as const;

async function translator(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: language, fallbackLng: 'en', initAsync: false });
  return i18n.t;
}

describe('stageReasonText', () => {
  it('names the tests a stage 2 loan met, and only those', async () => {
    const t = await translator('en');
    const both: StageReason = { ...sicr, dpdBeyond: true, pdBeyond: true };
    assert.equal(
      stageReasonText(t, both, 'en'),
      '45 days past due, more than the 30 days that mean a significant increase in credit risk; lifetime PD 2.97%, more than 2.5 × its 0.53% at origination',
    );
    assert.equal(stageReasonText(t, { ...sicr, dpdBeyond: false, pdBeyond: true }, 'en'), 'lifetime PD 2.97%, more than 2.5 × its 0.53% at origination');
  });

  it('names both tests a stage 1 loan passed', async () => {
    const t = await translator('en');
    const passed: StageReason = { ...sicr, dpd: 0, pdLifetimeNow: 0.01, dpdBeyond: false, pdBeyond: false };
    assert.equal(stageReasonText(t, passed, 'en'), '0 days past due, not more than 30; lifetime PD 1.00%, not more than 2.5 × its 0.53% at origination');
  });

  it('says it in Chinese in the Chinese interface, the status by its Chinese name', async () => {
    const t = await translator('zh-CN');
    assert.equal(stageReasonText(t, { code: 'impaired_dpd', dpd: 120, impairedDpd: 90 }, 'zh-CN'), '逾期 120 天，达到 90 天的信用减值标准');
    assert.equal(stageReasonText(t, { code: 'impaired_status', status: 'written_off' }, 'zh-CN'), '贷款状态为“已核销”，已发生信用减值');
    assert.equal(stageReasonText(t, { ...sicr, dpdBeyond: true, pdBeyond: false }, 'zh-CN'), '逾期 45 天，超过信用风险显著增加的 30 天标准');
  });
});
