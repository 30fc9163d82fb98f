// The fraud feature catalogue as data: every feature a rule may read, with its type, unit and description in
// English and Simplified Chinese. The names are snake_case so that they are CEL identifiers as they stand; the
// rule editor lists them and the rule type checker reads their types. features.ts computes exactly these, in this
// order, and its FeatureVector type is derived from this list.
//
// Conventions that hold for every feature (features.ts implements them, its tests pin them):
// - Past only: a transaction's features are computed from the transactions fed before it (time order, ties at the
//   same timestamp by tx_id) and from the transaction itself; never from a later one.
// - Sliding windows are half-open, (ts − window, ts]: a transaction exactly 10 minutes earlier is NOT in the 10-minute
//   window; one a millisecond later is. Counts and sums include the transaction itself, so the first transaction of
//   an entity has count 1 and sum equal to its amount.
// - A transaction without a device, IP or card (null) has 0 for that entity's counts, sums and distinct accounts,
//   and false for its first-use flag; a null merchant category or channel reads as ''.
// - Amounts are minor units (fen for CNY) of the transaction's own currency; sums add them as they are.

export type FeatureType = 'int' | 'double' | 'bool' | 'string';

export interface FeatureDefinition {
  readonly name: string;
  readonly type: FeatureType;
  /** 'count', 'minor_units', 'ratio', 'z', 'hour', 'days', 'hours', 'accounts', '' (bools and strings). */
  readonly unit: string;
  readonly description: { readonly en: string; readonly 'zh-CN': string };
}

/** The sliding windows of the velocity features, shortest first; the longest bounds the window state. */
export const VELOCITY_WINDOWS = [
  { suffix: '10m', ms: 10 * 60_000, en: '10 minutes', zh: '10 分钟' },
  { suffix: '1h', ms: 3_600_000, en: '1 hour', zh: '1 小时' },
  { suffix: '24h', ms: 86_400_000, en: '24 hours', zh: '24 小时' },
  { suffix: '7d', ms: 7 * 86_400_000, en: '7 days', zh: '7 天' },
] as const;

/** The entities whose transactions are counted and summed per window. */
const VELOCITY_ENTITIES = [
  { key: 'account', en: 'account', zh: '账户' },
  { key: 'device', en: 'device', zh: '设备' },
  { key: 'ip', en: 'IP address', zh: 'IP 地址' },
  { key: 'card', en: 'card', zh: '银行卡' },
] as const;

type Entity = (typeof VELOCITY_ENTITIES)[number]['key'];
type WindowSuffix = (typeof VELOCITY_WINDOWS)[number]['suffix'];
type VelocityName = `${Entity}_${'count' | 'sum'}_${WindowSuffix}`;

/**
 * Amount statistics compare a transaction with at most this many of the account's latest earlier transactions
 * (an exact median over all of them would need memory that grows with the account's history).
 */
export const AMOUNT_HISTORY_LENGTH = 200;
/** With fewer earlier transactions than this, the ratio to the median is 1 and the robust z-score 0. */
export const AMOUNT_MIN_HISTORY = 5;
/** hours_since_password_change / hours_since_phone_change when there was no change before the transaction. */
export const NO_CHANGE_HOURS = 1_000_000;

function velocityFeatures(): FeatureDefinition[] {
  const features: FeatureDefinition[] = [];
  for (const entity of VELOCITY_ENTITIES) {
    for (const window of VELOCITY_WINDOWS) {
      features.push({
        name: `${entity.key}_count_${window.suffix}` satisfies VelocityName,
        type: 'int',
        unit: 'count',
        description: {
          en: `Transactions on this transaction's ${entity.en} in the last ${window.en}, this one included.`,
          'zh-CN': `最近 ${window.zh}内该${entity.zh}上的交易笔数（含本笔）。`,
        },
      });
      features.push({
        name: `${entity.key}_sum_${window.suffix}` satisfies VelocityName,
        type: 'int',
        unit: 'minor_units',
        description: {
          en: `Total amount (minor units) on this transaction's ${entity.en} in the last ${window.en}, this one included.`,
          'zh-CN': `最近 ${window.zh}内该${entity.zh}上的交易总金额（最小货币单位，含本笔）。`,
        },
      });
    }
  }
  return features;
}

const OTHER_FEATURES = [
  {
    name: 'amount',
    type: 'int',
    unit: 'minor_units',
    description: { en: 'The transaction amount in minor units.', 'zh-CN': '交易金额（最小货币单位）。' },
  },
  {
    name: 'amount_to_median',
    type: 'double',
    unit: 'ratio',
    description: {
      en: `Amount divided by the median of the account's last ${AMOUNT_HISTORY_LENGTH} earlier amounts; 1 with fewer than ${AMOUNT_MIN_HISTORY} earlier transactions.`,
      'zh-CN': `金额与该账户此前最近 ${AMOUNT_HISTORY_LENGTH} 笔交易金额中位数之比；此前交易少于 ${AMOUNT_MIN_HISTORY} 笔时为 1。`,
    },
  },
  {
    name: 'amount_robust_z',
    type: 'double',
    unit: 'z',
    description: {
      en: `Robust z-score of the amount, (amount − median) / (1.4826 × MAD), over the account's last ${AMOUNT_HISTORY_LENGTH} earlier amounts; 0 with fewer than ${AMOUNT_MIN_HISTORY} earlier transactions.`,
      'zh-CN': `金额的稳健 z 分数：(金额 − 中位数) / (1.4826 × MAD)，基于该账户此前最近 ${AMOUNT_HISTORY_LENGTH} 笔金额；此前交易少于 ${AMOUNT_MIN_HISTORY} 笔时为 0。`,
    },
  },
  {
    name: 'first_use_device',
    type: 'bool',
    unit: '',
    description: {
      en: 'The account has not used this device before (true on its first transaction with a device).',
      'zh-CN': '该账户首次使用此设备（账户第一笔带设备的交易亦为真）。',
    },
  },
  {
    name: 'first_use_ip',
    type: 'bool',
    unit: '',
    description: {
      en: 'The account has not used this IP address before (true on its first transaction with an IP).',
      'zh-CN': '该账户首次使用此 IP 地址（账户第一笔带 IP 的交易亦为真）。',
    },
  },
  {
    name: 'first_use_country',
    type: 'bool',
    unit: '',
    description: {
      en: 'The account has not transacted from this country before (true on its first transaction with a country).',
      'zh-CN': '该账户首次在此国家或地区交易（账户第一笔带国家的交易亦为真）。',
    },
  },
  {
    name: 'device_distinct_accounts',
    type: 'int',
    unit: 'accounts',
    description: {
      en: 'Distinct accounts seen on this device so far, this transaction included.',
      'zh-CN': '截至本笔（含）在此设备上出现过的不同账户数。',
    },
  },
  {
    name: 'ip_distinct_accounts',
    type: 'int',
    unit: 'accounts',
    description: {
      en: 'Distinct accounts seen on this IP address so far, this transaction included.',
      'zh-CN': '截至本笔（含）在此 IP 地址上出现过的不同账户数。',
    },
  },
  {
    name: 'ring_size',
    type: 'int',
    unit: 'accounts',
    description: {
      en: 'Accounts connected to this account through shared devices or IP addresses, directly or in a chain, up to and including this transaction (the account itself included).',
      'zh-CN': '截至本笔（含），通过共用设备或 IP 地址（直接或经由链条）与该账户相连的账户数（含该账户本身）。',
    },
  },
  {
    name: 'hour_of_day',
    type: 'int',
    unit: 'hour',
    description: {
      en: "Hour of day (0–23) in the account's zone: the standard offset of the account's country (CN: UTC+8), UTC when unknown.",
      'zh-CN': '账户所在时区的小时（0–23）：按账户国家或地区的标准时差（中国：UTC+8），未知时按 UTC。',
    },
  },
  {
    name: 'account_age_days',
    type: 'double',
    unit: 'days',
    description: {
      en: 'Days from the account opening to the transaction (fractional).',
      'zh-CN': '从开户到本笔交易的天数（含小数）。',
    },
  },
  {
    name: 'hours_since_password_change',
    type: 'double',
    unit: 'hours',
    description: {
      en: `Hours since the account's last password change before the transaction; ${NO_CHANGE_HOURS} when there was none.`,
      'zh-CN': `距本笔交易前最近一次修改密码的小时数；此前未修改时为 ${NO_CHANGE_HOURS}。`,
    },
  },
  {
    name: 'hours_since_phone_change',
    type: 'double',
    unit: 'hours',
    description: {
      en: `Hours since the account's last phone number change before the transaction; ${NO_CHANGE_HOURS} when there was none.`,
      'zh-CN': `距本笔交易前最近一次更换手机号的小时数；此前未更换时为 ${NO_CHANGE_HOURS}。`,
    },
  },
  {
    name: 'merchant_category',
    type: 'string',
    unit: '',
    description: { en: "The merchant's category ('' when none).", 'zh-CN': "商户类别（无商户时为 ''）。" },
  },
  {
    name: 'channel',
    type: 'string',
    unit: '',
    description: { en: "The channel: qr, pos, ecommerce, app ('' when none).", 'zh-CN': "交易渠道：qr、pos、ecommerce、app（无时为 ''）。" },
  },
] as const satisfies readonly FeatureDefinition[];

/** Every feature, in the order of the feature vector. */
export const FRAUD_FEATURES: readonly FeatureDefinition[] = [...velocityFeatures(), ...OTHER_FEATURES];

interface TypeOf {
  int: number;
  double: number;
  bool: boolean;
  string: string;
}

/** One transaction's features, by name. */
export type FeatureVector = { readonly [name in VelocityName]: number } & {
  readonly [feature in (typeof OTHER_FEATURES)[number] as feature['name']]: TypeOf[feature['type']];
};
