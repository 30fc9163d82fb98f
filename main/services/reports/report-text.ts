// Every word a risk report prints, in English and Simplified Chinese, and the number, money and date formats of each.
// One typed table per language, so the compiler refuses a label that one language lacks.
import type { ReportLanguage } from '../../../preload/contract/reports.ts';
import { majorUnitsText } from '../../engines/currency.ts';

type Labels = Readonly<Record<string, string>>;

export interface ReportText {
  title: string;
  period: string;
  /** `label: value`, with the language's colon. */
  labelled: (label: string, value: string) => string;
  generated: (at: string, by: string) => string;
  workspace: string;
  fingerprint: string;
  footerPage: (page: number, pages: number) => string;
  /** The fingerprint's first 16 hex digits, grouped by four: the footer says that it is a prefix. */
  footerFingerprint: (prefix: string) => string;
  sections: { portfolio: string; credit: string; fraud: string; liquidity: string; cases: string; approvals: string };
  noData: (why: string) => string;
  why: { portfolio: (to: string) => string; credit: (to: string) => string; fraud: (period: string) => string; liquidity: (to: string) => string; cases: (period: string) => string };
  noApprovals: string;
  continued: string;
  kpi: { asOf: string; openLoans: string; borrowers: string; outstanding: string; dpd30: string; dpd90: string; originated: string; originatedAmount: string };
  credit: {
    run: (runId: number, asOf: string, finishedAt: string) => string;
    model: string; parameterVersion: string; ead: string; ecl: string; coverage: string;
    byStage: string; byGrade: string; stage: string; grade: string; loans: string; meanPd: string;
    migration: (fromRunId: number, fromAsOf: string) => string; noMigration: string; migrationFrom: string; migrationTo: string;
    vintages: string; vintage: string; defaultRate12m: string; notObserved: string; noVintages: string;
    modelStatus: string; status: string; approvedBy: string; activatedAt: string; psi: string; psiBand: string;
  };
  fraud: {
    runs: string; transactionsScored: string; flagged: string; flaggedAmount: string; alertsRaised: string;
    dispositions: string; disposition: string; cases: string; noDispositions: string;
    ruleSet: string; version: string; rules: string; noRuleSet: string;
  };
  liquidity: {
    run: (runId: number, asOf: string) => string; parameterVersion: string; lcr: string; nsfr: string; hqla: string; netOutflows: string;
    ratios: string; minimum: string; survival: string; scenario: string; survivalDay: string; survivesHorizon: string;
    indicators: string; indicator: string; value: string; threshold: string; breached: string; severity: string; product: string;
  };
  cases: { opened: string; closed: string; openAtEnd: string; slaBreaches: string; severity: string; breaches: string };
  approvals: { at: string; action: string; subject: string; by: string };
  /** An approval's step, from the end of its audit action (`credit.model.approve` → approve). */
  approvalSteps: { approve: string; activate: string; transition: string };
  yes: string;
  no: string;
  none: string;
  axis: { amount: string; count: string; rate: string; ratio: string };
  stage: (stage: string) => string;
  grade: (grade: string) => string;
  codes: { dispositions: Labels; indicators: Labels; scenarios: Labels; severities: Labels; psiBands: Labels; statuses: Labels };
}

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = {
  en: {
    title: 'Risk report',
    period: 'Period',
    labelled: (label, value) => `${label}: ${value}`,
    generated: (at, by) => `Generated ${at} by ${by}`,
    workspace: 'Workspace',
    fingerprint: 'Fingerprint',
    footerPage: (page, pages) => `Page ${page} of ${pages}`,
    footerFingerprint: (prefix) => `Workspace ${prefix}…`,
    sections: { portfolio: 'Portfolio', credit: 'Credit risk', fraud: 'Fraud', liquidity: 'Liquidity', cases: 'Cases', approvals: 'Approvals in the period' },
    noData: (why) => `No data for this period yet: ${why}.`,
    why: {
      portfolio: (to) => `no open loans on ${to}`,
      credit: (to) => `no credit run finished by ${to}`,
      fraud: (period) => `no fraud run, alert or closed fraud case in ${period}`,
      liquidity: (to) => `no liquidity run as of ${to} or earlier`,
      cases: (period) => `no case opened, closed or open in ${period}`,
    },
    noApprovals: 'No approvals were made in this period.',
    continued: '(continued)',
    kpi: { asOf: 'As of', openLoans: 'Open loans', borrowers: 'Borrowers', outstanding: 'Outstanding balance', dpd30: '30+ days past due', dpd90: '90+ days past due', originated: 'Loans originated in the period', originatedAmount: 'Amount originated in the period' },
    credit: {
      run: (runId, asOf, finishedAt) => `Credit run #${runId} as of ${asOf}, finished ${finishedAt}`,
      model: 'Model', parameterVersion: 'Parameter set', ead: 'Exposure at default (EAD)', ecl: 'Expected credit loss (ECL)', coverage: 'ECL / EAD',
      byStage: 'ECL by stage', byGrade: 'ECL by grade', stage: 'Stage', grade: 'Grade', loans: 'Loans', meanPd: 'Mean PD',
      migration: (fromRunId, fromAsOf) => `Stage migration since run #${fromRunId} as of ${fromAsOf} (loans)`,
      noMigration: 'Stage migration: no earlier credit run to compare with.', migrationFrom: 'From \\ to', migrationTo: 'To',
      vintages: 'Vintages: 12-month default rate', vintage: 'Vintage', defaultRate12m: '12-month default rate', notObserved: 'not yet observed', noVintages: 'No vintages.',
      modelStatus: 'Model status and stability', status: 'Status', approvedBy: 'Approved by', activatedAt: 'Activated', psi: 'Population stability index (PSI)', psiBand: 'PSI band',
    },
    fraud: {
      runs: 'Fraud runs', transactionsScored: 'Transactions scored', flagged: 'Transactions flagged', flaggedAmount: 'Amount flagged', alertsRaised: 'Alerts raised',
      dispositions: 'Fraud cases closed, by disposition', disposition: 'Disposition', cases: 'Cases', noDispositions: 'No fraud case was closed in the period.',
      ruleSet: 'Rule set in force', version: 'Version', rules: 'Rules', noRuleSet: 'No rule set was active at the end of the period.',
    },
    liquidity: {
      run: (runId, asOf) => `Liquidity run #${runId} as of ${asOf}`, parameterVersion: 'Parameter set',
      lcr: 'Liquidity coverage ratio (LCR)', nsfr: 'Net stable funding ratio (NSFR)', hqla: 'High-quality liquid assets (HQLA)', netOutflows: 'Net cash outflows (30 days)',
      ratios: 'LCR and NSFR against the 100 % minimum', minimum: 'minimum 100 %',
      survival: 'Survival horizon by scenario', scenario: 'Scenario', survivalDay: 'Survival (days)', survivesHorizon: 'beyond the horizon',
      indicators: 'Early-warning indicators', indicator: 'Indicator', value: 'Value', threshold: 'Threshold', breached: 'Breached', severity: 'Severity', product: 'Product',
    },
    cases: { opened: 'Cases opened', closed: 'Cases closed', openAtEnd: 'Open at the end of the period', slaBreaches: 'SLA breaches by severity', severity: 'Severity', breaches: 'Breaches' },
    approvals: { at: 'When', action: 'What', subject: 'Subject', by: 'By' },
    approvalSteps: { approve: 'Approved', activate: 'Activated', transition: 'Closed (second person)' },
    yes: 'yes',
    no: 'no',
    none: '—',
    axis: { amount: 'Amount', count: 'Count', rate: 'Rate', ratio: 'Ratio' },
    stage: (stage) => `Stage ${stage}`,
    grade: (grade) => `Grade ${grade}`,
    codes: {
      dispositions: { confirmed_fraud: 'Confirmed fraud', false_positive: 'False positive', credit_action_taken: 'Credit action taken', monitoring: 'Monitoring', no_action: 'No action' },
      indicators: { net_outflow_z: 'Net outflow z-score', top10_share: 'Top-10 depositor share', lcr_floor: 'LCR floor', survival_days: 'Survival days', product_concentration: 'Product concentration' },
      scenarios: { idiosyncratic_run: 'Idiosyncratic run', market_wide: 'Market-wide stress', combined: 'Combined stress' },
      severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
      psiBands: { stable: 'Stable', investigate: 'Investigate', significant: 'Significant shift' },
      statuses: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', active: 'Active', retired: 'Retired' },
    },
  },
  'zh-CN': {
    title: '风险报告',
    period: '报告期',
    labelled: (label, value) => `${label}：${value}`,
    generated: (at, by) => `生成于 ${at}，生成人：${by}`,
    workspace: '工作区',
    fingerprint: '指纹',
    footerPage: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
    footerFingerprint: (prefix) => `工作区 ${prefix}…`,
    sections: { portfolio: '资产组合', credit: '信用风险', fraud: '欺诈', liquidity: '流动性', cases: '案件', approvals: '本期审批' },
    noData: (why) => `本期暂无数据：${why}。`,
    why: {
      portfolio: (to) => `${to} 无未结清贷款`,
      credit: (to) => `截至 ${to} 尚无完成的信用风险运行`,
      fraud: (period) => `${period} 无欺诈运行、预警或已结欺诈案件`,
      liquidity: (to) => `截至 ${to} 尚无流动性运行`,
      cases: (period) => `${period} 无新开、已结或未结案件`,
    },
    noApprovals: '本期无审批。',
    continued: '（续）',
    kpi: { asOf: '截至', openLoans: '未结清贷款', borrowers: '借款人', outstanding: '未偿余额', dpd30: '逾期 30 天以上', dpd90: '逾期 90 天以上', originated: '本期发放贷款笔数', originatedAmount: '本期发放金额' },
    credit: {
      run: (runId, asOf, finishedAt) => `信用风险运行 #${runId}，基准日 ${asOf}，完成于 ${finishedAt}`,
      model: '模型', parameterVersion: '参数集', ead: '违约风险敞口（EAD）', ecl: '预期信用损失（ECL）', coverage: 'ECL / EAD',
      byStage: '按阶段划分的预期信用损失', byGrade: '按评级划分的预期信用损失', stage: '阶段', grade: '评级', loans: '贷款笔数', meanPd: '平均违约概率',
      migration: (fromRunId, fromAsOf) => `自运行 #${fromRunId}（基准日 ${fromAsOf}）以来的阶段迁移（贷款笔数）`,
      noMigration: '阶段迁移：没有可比较的上一次信用风险运行。', migrationFrom: '从 \\ 到', migrationTo: '到',
      vintages: '按发放季度：12 个月违约率', vintage: '发放季度', defaultRate12m: '12 个月违约率', notObserved: '尚未观察到', noVintages: '无发放季度数据。',
      modelStatus: '模型状态与稳定性', status: '状态', approvedBy: '审批人', activatedAt: '启用时间', psi: '群体稳定性指数（PSI）', psiBand: 'PSI 区间',
    },
    fraud: {
      runs: '欺诈检测运行次数', transactionsScored: '已评分交易', flagged: '标记交易', flaggedAmount: '标记金额', alertsRaised: '产生预警',
      dispositions: '按处置结果划分的已结欺诈案件', disposition: '处置结果', cases: '案件数', noDispositions: '本期无已结欺诈案件。',
      ruleSet: '生效规则集', version: '版本', rules: '规则数', noRuleSet: '期末无生效规则集。',
    },
    liquidity: {
      run: (runId, asOf) => `流动性运行 #${runId}，基准日 ${asOf}`, parameterVersion: '参数集',
      lcr: '流动性覆盖率（LCR）', nsfr: '净稳定资金比例（NSFR）', hqla: '优质流动性资产（HQLA）', netOutflows: '未来 30 天净现金流出',
      ratios: 'LCR 与 NSFR 对比 100% 最低要求', minimum: '最低 100%',
      survival: '各情景下的生存期', scenario: '情景', survivalDay: '生存期（天）', survivesHorizon: '超出测算期',
      indicators: '预警指标', indicator: '指标', value: '数值', threshold: '阈值', breached: '是否突破', severity: '严重程度', product: '产品',
    },
    cases: { opened: '新开案件', closed: '已结案件', openAtEnd: '期末未结案件', slaBreaches: '按严重程度划分的 SLA 违约', severity: '严重程度', breaches: '违约次数' },
    approvals: { at: '时间', action: '事项', subject: '对象', by: '审批人' },
    approvalSteps: { approve: '批准', activate: '启用', transition: '结案（第二人复核）' },
    yes: '是',
    no: '否',
    none: '—',
    axis: { amount: '金额', count: '数量', rate: '比率', ratio: '比例' },
    stage: (stage) => `阶段 ${stage}`,
    grade: (grade) => `评级 ${grade}`,
    codes: {
      dispositions: { confirmed_fraud: '确认欺诈', false_positive: '误报', credit_action_taken: '已采取信贷措施', monitoring: '持续监控', no_action: '无需处理' },
      indicators: { net_outflow_z: '净流出 Z 值', top10_share: '前十大存款人占比', lcr_floor: 'LCR 下限', survival_days: '生存天数', product_concentration: '产品集中度' },
      scenarios: { idiosyncratic_run: '机构特有挤兑', market_wide: '全市场压力', combined: '综合压力' },
      severities: { low: '低', medium: '中', high: '高', critical: '严重' },
      psiBands: { stable: '稳定', investigate: '需调查', significant: '显著偏移' },
      statuses: { draft: '草稿', submitted: '已提交', approved: '已审批', active: '生效中', retired: '已停用' },
    },
  },
};

/** A code shown as its label, or as itself when the table has none (a scenario a parameter set named freely). */
export function codeLabel(labels: Labels, code: string): string {
  return Object.hasOwn(labels, code) ? (labels[code] as string) : code;
}

/** The number and date formats of one report language. */
export interface ReportFormats {
  count: (value: number) => string;
  /** A share or ratio (0.125 → 12.5 %), `digits` decimals. */
  percent: (share: number | null, digits?: number) => string;
  decimal: (value: number | null, digits: number) => string;
  /** Integer minor units of `currency`, exactly (no float division), with the currency's symbol or code. */
  money: (minor: number, currency: string) => string;
  /** Major units as the liquidity engine reports them, rounded to whole units. */
  majorMoney: (major: number, currency: string) => string;
  date: (isoDate: string) => string;
  dateTime: (iso: string) => string;
}

export function reportFormats(language: ReportLanguage, text: ReportText = REPORT_TEXT[language]): ReportFormats {
  const counts = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const times = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  return {
    count: (value) => counts.format(value),
    percent: (share, digits = 1) => (share === null ? text.none : new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share)),
    decimal: (value, digits) => (value === null ? text.none : new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)),
    // Intl formats a decimal string exactly (ECMA-402 accepts numeric strings), so 2^53 − 1 fen prints to the fen.
    money: (minor, currency) => new Intl.NumberFormat(language, { style: 'currency', currency }).format(majorUnitsText(minor, currency) as unknown as number),
    majorMoney: (major, currency) => new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(major),
    date: (isoDate) => dates.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateTime: (iso) => `${dates.format(new Date(iso))} ${times.format(new Date(iso))} UTC`,
  };
}
