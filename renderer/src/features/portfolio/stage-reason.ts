import type { TFunction } from 'i18next';
import type { StageReason } from '../../../../preload/contract/credit.ts';
import { codeLabel } from '../../components/code-labels.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';

/**
 * Why a loan is in its IFRS 9 stage, in the user's language, from the figures the credit engine returns. A stage 2
 * loan names the tests it met; a stage 1 loan both tests it passed.
 */
export function stageReasonText(t: TFunction, reason: StageReason, locale: string): string {
  switch (reason.code) {
    case 'impaired_dpd':
      return t('loan.risk.stageReasons.impaired_dpd', { dpd: formatCount(reason.dpd, locale), limit: formatCount(reason.impairedDpd, locale) });
    case 'impaired_status':
      return t('loan.risk.stageReasons.impaired_status', { status: codeLabel(t, 'statuses', reason.status) });
    case 'sicr': {
      const dpd = { dpd: formatCount(reason.dpd, locale), limit: formatCount(reason.sicrDpd, locale) };
      const pd = {
        now: formatPercent(reason.pdLifetimeNow, locale),
        origination: formatPercent(reason.pdLifetimeAtOrigination, locale),
        multiple: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(reason.pdMultiple),
      };
      const met = reason.dpdBeyond || reason.pdBeyond;
      const parts = [
        ...(reason.dpdBeyond ? [t('loan.risk.stageReasons.dpdBeyond', dpd)] : met ? [] : [t('loan.risk.stageReasons.dpdWithin', dpd)]),
        ...(reason.pdBeyond ? [t('loan.risk.stageReasons.pdBeyond', pd)] : met ? [] : [t('loan.risk.stageReasons.pdWithin', pd)]),
      ];
      return parts.join(t('loan.risk.stageReasons.separator'));
    }
  }
}
