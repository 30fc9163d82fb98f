import type { AccountRecord } from '../store/records.ts';
import { borrowerId, borrowerProfile } from './borrower-profile.ts';
import { beijingMs, utcIso } from './beijing-time.ts';
import { EVERYDAY_SPENDING, type MerchantCategory, drawMerchant } from './merchants.ts';
import { TRAVEL_COUNTRIES, ipIn, newCardId, newDeviceId } from './network.ts';
import { type DemoRandom, STREAMS, demoRandom, weightedTable } from './random.ts';
import { LINKED_ACCOUNT_SHARE, type ScaleSizes } from './scales.ts';

/**
 * Who an account holder is on the network (devices, IPs, cards, usual merchants, typical ticket) and which
 * story, if any, the account is part of: a fraud pattern, a trip abroad or one big legitimate purchase.
 *
 * Layout by index: accounts [0, linked) belong to borrowers [0, linked); the rest are wallet-only. The
 * wallet-only range is cut into blocks of RING_BLOCK accounts and each whole block opens with one mule ring,
 * so every member can work out its ring (shared device, IP, dates, fellow members) from its own index.
 */
const TX_WINDOW_DAYS = 90;
const RING_BLOCK = 150;

export const FRAUD_PATTERNS = ['shared_device_ring', 'velocity_burst', 'account_takeover', 'amount_spike'] as const;
export type FraudPattern = (typeof FRAUD_PATTERNS)[number];
export const LEGIT_PATTERNS = ['travel', 'large_purchase'] as const;
export type LegitPattern = (typeof LEGIT_PATTERNS)[number];

export interface WalletLayout {
  readonly seed: number;
  readonly asOfDay: number;
  readonly sizes: ScaleSizes;
  readonly linkedAccounts: number;
  readonly ringCount: number;
  readonly sharedIpCount: number;
}

export function walletLayout(seed: number, sizes: ScaleSizes, asOfDay: number): WalletLayout {
  const linkedAccounts = Math.min(sizes.borrowers, Math.round(sizes.accounts * LINKED_ACCOUNT_SHARE));
  return {
    seed,
    asOfDay,
    sizes,
    linkedAccounts,
    ringCount: Math.floor((sizes.accounts - linkedAccounts) / RING_BLOCK),
    // Carrier-grade NAT and public Wi-Fi: legitimately shared by many unrelated accounts.
    sharedIpCount: Math.max(20, Math.floor(sizes.accounts / 40)),
  };
}

export function accountId(index: number): string {
  return `A${String(index + 1).padStart(7, '0')}`;
}

export interface RingPlan {
  readonly index: number;
  readonly memberIds: readonly string[];
  readonly deviceId: string;
  readonly ip: string;
  readonly startDay: number;
  readonly activeDays: number;
}

export function ringPlan(layout: WalletLayout, ringIndex: number): RingPlan {
  const random = demoRandom(layout.seed, STREAMS.ring, ringIndex);
  const size = random.int(4, 9);
  const first = layout.linkedAccounts + ringIndex * RING_BLOCK;
  return {
    index: ringIndex,
    memberIds: Array.from({ length: size }, (_, k) => accountId(first + k)),
    deviceId: newDeviceId(random),
    ip: ipIn(random, 'CN'),
    startDay: layout.asOfDay - random.int(10, 80),
    activeDays: random.int(2, 10),
  };
}

function ringOf(layout: WalletLayout, index: number): RingPlan | null {
  const offset = index - layout.linkedAccounts;
  if (offset < 0) return null;
  const ringIndex = Math.floor(offset / RING_BLOCK);
  if (ringIndex >= layout.ringCount) return null;
  const ring = ringPlan(layout, ringIndex);
  return offset % RING_BLOCK < ring.memberIds.length ? ring : null;
}

export function sharedIp(layout: WalletLayout, k: number): string {
  return ipIn(demoRandom(layout.seed, STREAMS.sharedIp, k), 'CN');
}

export type FraudPlan =
  | { readonly pattern: 'shared_device_ring'; readonly ring: RingPlan }
  | { readonly pattern: 'velocity_burst'; readonly startMs: number }
  | { readonly pattern: 'account_takeover'; readonly takeoverMs: number }
  | { readonly pattern: 'amount_spike'; readonly ms: number };

export interface AccountProfile {
  readonly index: number;
  readonly record: AccountRecord;
  /** The account's stream, already past the profile's draws: its transactions continue from here. */
  readonly random: DemoRandom;
  readonly activeFromDay: number;
  readonly homeDevice: string;
  readonly secondDevice: string | null;
  readonly homeIp: string;
  readonly mobileIps: readonly string[];
  readonly cards: readonly string[];
  readonly typicalMinor: number;
  readonly expectedTransactions: number;
  readonly favourites: readonly { readonly category: MerchantCategory; readonly merchantId: string }[];
  readonly fraud: FraudPlan | null;
  readonly trip: { readonly startDay: number; readonly days: number; readonly country: string } | null;
  readonly largePurchaseMs: number | null;
}

/** KYC levels: 1 phone number only, 2 identity document checked, 3 document plus bank card and face match. */
const WALLET_ONLY_KYC = weightedTable([[1, 40], [2, 45], [3, 15]]);

function momentOn(random: DemoRandom, day: number): number {
  return beijingMs(day, random.int(0, 86_399));
}

function drawFraudPlan(random: DemoRandom, activeFromDay: number, asOfDay: number): FraudPlan | null {
  const u = random.float();
  // Patterns end before the as-of day does: a takeover's transfers run up to two days after it.
  const span = asOfDay - activeFromDay;
  if (span < 1) return null;
  if (u < 0.004) return { pattern: 'velocity_burst', startMs: momentOn(random, activeFromDay + random.int(0, span - 1)) };
  // A takeover needs some history first, so that "new device" and "new country" mean something.
  if (u < 0.009 && span >= 10) return { pattern: 'account_takeover', takeoverMs: momentOn(random, activeFromDay + random.int(7, span - 3)) };
  if (u < 0.019) return { pattern: 'amount_spike', ms: momentOn(random, activeFromDay + random.int(0, span - 1)) };
  return null;
}

export function accountProfile(layout: WalletLayout, index: number): AccountProfile {
  const { seed, asOfDay, sizes } = layout;
  const random = demoRandom(seed, STREAMS.account, index);
  const linked = index < layout.linkedAccounts;
  const borrower = linked ? borrowerProfile(seed, index, asOfDay) : null;
  const ring = ringOf(layout, index);
  const windowStart = asOfDay - TX_WINDOW_DAYS + 1;

  let openedDay: number;
  if (borrower) openedDay = Math.min(asOfDay - 1, borrower.registeredDay + random.int(0, 30));
  else if (ring) openedDay = ring.startDay - random.int(1, 10);
  else openedDay = asOfDay - random.int(1, 4 * 365);
  const openedMs = momentOn(random, openedDay);
  const activeFromDay = Math.max(windowStart, openedDay + 1);

  const income = borrower ? borrower.record.annual_income_minor / 100 : 0;
  const typicalYuan = borrower ? random.logNormal(60 * Math.sqrt(income / 90_000), 0.35) : random.logNormal(55, 0.5);
  const typicalMinor = Math.round(Math.min(600, Math.max(15, typicalYuan)) * 100);
  // Activity is heavy-tailed (σ = 0.8, mean 1): most users pay a few times a week, some many times a day.
  const activity = random.logNormal(1, 0.8) / Math.exp(0.32);

  const homeDevice = newDeviceId(random);
  const secondDevice = random.chance(0.25) ? newDeviceId(random) : null;
  const homeIp = ipIn(random, 'CN');
  const mobileIps = [ipIn(random, 'CN'), ipIn(random, 'CN')];
  const cards = Array.from({ length: random.int(1, 3) }, () => newCardId(random));
  const favourites = Array.from({ length: 4 }, () => {
    const category = random.weighted(EVERYDAY_SPENDING);
    return { category, merchantId: drawMerchant(random, category, sizes.merchantsPerCategory) };
  });

  const fraud: FraudPlan | null = ring ? { pattern: 'shared_device_ring', ring } : drawFraudPlan(random, activeFromDay, asOfDay);
  const clean = fraud === null;
  const span = asOfDay - activeFromDay;
  let trip: AccountProfile['trip'] = null;
  if (clean && span >= 12 && random.chance(0.03)) {
    const days = random.int(3, 10);
    trip = { startDay: activeFromDay + random.int(0, span - days), days, country: random.pick(TRAVEL_COUNTRIES) };
  }
  const largePurchaseMs = clean && random.chance(0.02) ? momentOn(random, activeFromDay + random.int(0, span)) : null;

  const endMs = beijingMs(asOfDay + 1, 0) - 1;
  const legitChangeMs = (): number => openedMs + Math.floor((random.float() * (endMs - openedMs)) / 1000) * 1000;
  let phoneChangedMs = random.chance(0.06) ? legitChangeMs() : null;
  let passwordChangedMs = random.chance(0.1) ? legitChangeMs() : null;
  if (fraud?.pattern === 'account_takeover') {
    // The attacker ports the number (SIM swap) and resets the password with the new phone's one-time code.
    phoneChangedMs = fraud.takeoverMs;
    passwordChangedMs = fraud.takeoverMs + random.int(5, 60) * 60_000;
  }

  let kyc: number;
  if (borrower) kyc = borrower.record.id_verified ? (random.chance(0.7) ? 3 : 2) : 1;
  else if (ring) kyc = random.chance(0.8) ? 1 : 2;
  else kyc = random.weighted(WALLET_ONLY_KYC);

  return {
    index,
    record: {
      account_id: accountId(index),
      opened_at: utcIso(openedMs),
      borrower_id: borrower ? borrowerId(index) : null,
      country: ring || random.chance(0.99) ? 'CN' : 'HK',
      kyc_level: kyc,
      phone_changed_at: phoneChangedMs === null ? null : utcIso(phoneChangedMs),
      password_changed_at: passwordChangedMs === null ? null : utcIso(passwordChangedMs),
    },
    random,
    activeFromDay,
    homeDevice,
    secondDevice,
    homeIp,
    mobileIps,
    cards,
    typicalMinor,
    // Mule accounts exist for the scheme only; their few transactions are all the ring's.
    expectedTransactions: ring ? 0 : sizes.transactionsPerAccount * activity * ((span + 1) / TX_WINDOW_DAYS),
    favourites,
    fraud,
    trip,
    largePurchaseMs,
  };
}
