import { type AccountProfile, type FraudPlan, type RingPlan, type WalletLayout, ringPlan, sharedIp } from './account-profile.ts';
import { beijingMs } from './beijing-time.ts';
import { CASH_OUT_GOODS, MCC, RESALEABLE_GOODS, drawMerchant } from './merchants.ts';
import { ATTACKER_COUNTRIES, ipIn, newCardId, newDeviceId } from './network.ts';
import type { DemoRandom } from './random.ts';
import { type TransactionDraft, yuanToMinor } from './transaction-draft.ts';

/**
 * The injected fraud. Each pattern leaves the traces the fraud features of DOMAIN.md are built to see:
 *
 * - shared_device_ring: 4–9 freshly opened, low-KYC mule accounts operated from one phone and one IP,
 *   moving money between each other and cashing out over a few days (accounts per device, ring size).
 * - velocity_burst: a stolen card or wallet tested and drained with 8–25 small digital-goods and gift-card
 *   purchases within about an hour (velocity counts per account, device, IP and card).
 * - account_takeover: SIM swap and password reset, then, within two days, a new device in a new country
 *   sends 2–5 large transfers to mules (time since phone change, first use of device and country).
 * - amount_spike: a compromised card used once or twice for resaleable goods at 15–60× the customer's
 *   typical ticket (amount against the account's own history).
 */
const GIFT_CARD_DENOMINATIONS = [50, 100, 200, 300, 500, 800];

function muleCounterparty(random: DemoRandom, layout: WalletLayout): string {
  if (layout.ringCount === 0) return `EXT-${random.hex(10)}`;
  return random.pick(ringPlan(layout, random.int(0, layout.ringCount - 1)).memberIds);
}

function ringTransactions(random: DemoRandom, profile: AccountProfile, layout: WalletLayout, ring: RingPlan): TransactionDraft[] {
  const self = profile.record.account_id;
  const others = ring.memberIds.filter((id) => id !== self);
  const lastDay = Math.min(layout.asOfDay, ring.startDay + ring.activeDays - 1);
  const count = random.int(8, 14);
  return Array.from({ length: count }, (): TransactionDraft => {
    const ms = beijingMs(random.int(ring.startDay, lastDay), random.int(0, 86_399));
    const onRingPhone = random.chance(0.85);
    const base = {
      ms,
      country: 'CN',
      deviceId: onRingPhone ? ring.deviceId : profile.homeDevice,
      ip: random.chance(0.75) ? ring.ip : sharedIp(layout, random.int(0, layout.sharedIpCount - 1)),
      truth: { label: 'fraud', pattern: 'shared_device_ring' } as const,
    };
    const u = random.float();
    if (u < 0.2 || u >= 0.8) {
      return {
        ...base,
        type: u < 0.2 ? 'top_up' : 'withdrawal',
        amountMinor: yuanToMinor(Math.round(random.between(1_000, 8_000) / 100) * 100),
        channel: 'app', merchantId: null, merchantCategory: null, counterparty: null,
        cardId: random.pick(profile.cards),
      };
    }
    if (u < 0.6) {
      return {
        ...base,
        type: 'p2p_transfer',
        amountMinor: yuanToMinor(Math.round(random.between(500, 5_000))),
        channel: 'app', merchantId: null, merchantCategory: null,
        counterparty: random.pick(others),
        cardId: null,
      };
    }
    const category = random.chance(0.5) ? MCC.quasiCash : random.weighted(CASH_OUT_GOODS);
    return {
      ...base,
      type: 'wallet_payment',
      amountMinor: yuanToMinor(random.between(200, 3_000)),
      channel: 'qr', merchantId: drawMerchant(random, category, layout.sizes.merchantsPerCategory), merchantCategory: category.mcc,
      counterparty: null, cardId: null,
    };
  });
}

function velocityBurst(random: DemoRandom, profile: AccountProfile, layout: WalletLayout, startMs: number): TransactionDraft[] {
  const deviceId = random.chance(0.5) ? newDeviceId(random) : profile.homeDevice;
  const ip = ipIn(random, 'CN');
  const cardId = profile.cards[0] ?? null;
  let ms = startMs;
  return Array.from({ length: random.int(8, 25) }, (): TransactionDraft => {
    const category = random.weighted(CASH_OUT_GOODS);
    const draft: TransactionDraft = {
      ms,
      amountMinor: random.pick(GIFT_CARD_DENOMINATIONS) * 100,
      type: 'card_purchase',
      channel: 'ecommerce',
      merchantId: drawMerchant(random, category, layout.sizes.merchantsPerCategory),
      merchantCategory: category.mcc,
      counterparty: null,
      country: 'CN',
      deviceId,
      ip,
      cardId,
      truth: { label: 'fraud', pattern: 'velocity_burst' },
    };
    ms += random.int(20, 180) * 1000;
    return draft;
  });
}

function accountTakeover(random: DemoRandom, layout: WalletLayout, takeoverMs: number): TransactionDraft[] {
  const deviceId = newDeviceId(random);
  const country = random.pick(ATTACKER_COUNTRIES);
  const ip = ipIn(random, country);
  let ms = takeoverMs + random.int(10, 36 * 60) * 60_000;
  const base = { country, deviceId, ip, merchantId: null, merchantCategory: null, truth: { label: 'fraud', pattern: 'account_takeover' } as const };
  const drafts: TransactionDraft[] = [];
  for (let i = random.int(2, 5); i > 0; i -= 1) {
    drafts.push({ ...base, ms, type: 'p2p_transfer', channel: 'app', amountMinor: yuanToMinor(Math.round(random.between(5_000, 50_000) / 100) * 100), counterparty: muleCounterparty(random, layout), cardId: null });
    ms += random.int(2, 30) * 60_000;
  }
  if (random.chance(0.5)) {
    drafts.push({ ...base, ms, type: 'withdrawal', channel: 'app', amountMinor: yuanToMinor(Math.round(random.between(2_000, 20_000) / 100) * 100), counterparty: null, cardId: newCardId(random) });
  }
  return drafts;
}

function amountSpike(random: DemoRandom, profile: AccountProfile, layout: WalletLayout, firstMs: number): TransactionDraft[] {
  const deviceId = random.chance(0.6) ? newDeviceId(random) : profile.homeDevice;
  const ip = ipIn(random, 'CN');
  const count = random.chance(0.3) ? 2 : 1;
  return Array.from({ length: count }, (_, i): TransactionDraft => {
    const category = random.weighted(RESALEABLE_GOODS);
    return {
      ms: firstMs + i * random.int(1, 20) * 60_000,
      amountMinor: yuanToMinor(Math.max(3_000, (profile.typicalMinor / 100) * random.between(15, 60))),
      type: 'card_purchase',
      channel: 'ecommerce',
      merchantId: drawMerchant(random, category, layout.sizes.merchantsPerCategory),
      merchantCategory: category.mcc,
      counterparty: null,
      country: 'CN',
      deviceId,
      ip,
      cardId: profile.cards[0] ?? null,
      truth: { label: 'fraud', pattern: 'amount_spike' },
    };
  });
}

export function fraudTransactions(profile: AccountProfile, layout: WalletLayout, plan: FraudPlan): TransactionDraft[] {
  const { random } = profile;
  switch (plan.pattern) {
    case 'shared_device_ring':
      return ringTransactions(random, profile, layout, plan.ring);
    case 'velocity_burst':
      return velocityBurst(random, profile, layout, plan.startMs);
    case 'account_takeover':
      return accountTakeover(random, layout, plan.takeoverMs);
    case 'amount_spike':
      return amountSpike(random, profile, layout, plan.ms);
  }
}
