import { type AccountProfile, type WalletLayout, accountId, sharedIp } from './account-profile.ts';
import { beijingMs } from './beijing-time.ts';
import { BIG_TICKET, BILLS, EVERYDAY_SPENDING, TRAVEL_SPENDING, drawMerchant } from './merchants.ts';
import { ipIn } from './network.ts';
import { type DemoRandom, weightedTable } from './random.ts';
import type { TransactionType } from '../../preload/contract/data-vocabulary.ts';
import { type TransactionDraft, yuanToMinor } from './transaction-draft.ts';

/**
 * Legitimate activity: everyday payments at usual merchants from usual devices and networks, and the two
 * legitimate stories that look like fraud to a naive rule (a trip abroad, one big purchase). Those two are
 * labelled `legit`, as a reviewed false positive would be, so that models and rules have hard negatives.
 */

/** Beijing local hour of day: quiet before dawn, peaks at lunch and in the evening. */
const HOURS = weightedTable([1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 4, 4, 4, 5, 7, 6, 5, 5, 5, 6, 7, 8, 8, 7, 5, 3].map((w, hour) => [hour, w] as const));

const BORROWER_TYPES = weightedTable<TransactionType>([
  ['wallet_payment', 38], ['card_purchase', 22], ['p2p_transfer', 14], ['top_up', 10], ['withdrawal', 5], ['bill_payment', 6], ['loan_repayment', 5],
]);
const WALLET_ONLY_TYPES = weightedTable<TransactionType>([
  ['wallet_payment', 40], ['card_purchase', 22], ['p2p_transfer', 15], ['top_up', 11], ['withdrawal', 6], ['bill_payment', 6],
]);

function secondOfDay(random: DemoRandom): number {
  return random.weighted(HOURS) * 3600 + random.int(0, 3599);
}

function everydayIp(random: DemoRandom, profile: AccountProfile, layout: WalletLayout): string {
  const u = random.float();
  if (u < 0.6) return profile.homeIp;
  if (u < 0.9) return random.pick(profile.mobileIps);
  return sharedIp(layout, random.int(0, layout.sharedIpCount - 1));
}

function everydayTransaction(random: DemoRandom, profile: AccountProfile, layout: WalletLayout, ms: number): TransactionDraft {
  const type = random.weighted(profile.record.borrower_id ? BORROWER_TYPES : WALLET_ONLY_TYPES);
  const base = {
    ms,
    type,
    country: profile.record.country ?? 'CN',
    deviceId: profile.secondDevice && random.chance(0.15) ? profile.secondDevice : profile.homeDevice,
    ip: everydayIp(random, profile, layout),
    truth: null,
  };
  const typical = profile.typicalMinor / 100;
  switch (type) {
    case 'wallet_payment':
    case 'card_purchase': {
      const favourite = random.chance(0.5) ? random.pick(profile.favourites) : null;
      const category = favourite?.category ?? random.weighted(EVERYDAY_SPENDING);
      return {
        ...base,
        amountMinor: yuanToMinor(typical * category.amountFactor * random.logNormal(1, 0.6)),
        channel: type === 'wallet_payment' ? 'qr' : random.chance(0.6) ? 'pos' : 'ecommerce',
        merchantId: favourite?.merchantId ?? drawMerchant(random, category, layout.sizes.merchantsPerCategory),
        merchantCategory: category.mcc,
        counterparty: null,
        cardId: type === 'card_purchase' ? random.pick(profile.cards) : null,
      };
    }
    case 'p2p_transfer': {
      const other = random.int(0, layout.sizes.accounts - 2);
      return {
        ...base,
        amountMinor: yuanToMinor(Math.round(typical * random.logNormal(3, 0.9))),
        channel: 'app', merchantId: null, merchantCategory: null,
        counterparty: accountId(other >= profile.index ? other + 1 : other),
        cardId: null,
      };
    }
    case 'top_up':
    case 'withdrawal':
      return {
        ...base,
        amountMinor: yuanToMinor(Math.max(100, Math.round((typical * random.logNormal(10, 0.6)) / 100) * 100)),
        channel: 'app', merchantId: null, merchantCategory: null, counterparty: null,
        cardId: random.pick(profile.cards),
      };
    case 'bill_payment': {
      const category = random.weighted(BILLS);
      return {
        ...base,
        amountMinor: yuanToMinor(typical * category.amountFactor * random.logNormal(1, 0.4)),
        channel: 'app', merchantId: drawMerchant(random, category, layout.sizes.merchantsPerCategory), merchantCategory: category.mcc,
        counterparty: null, cardId: null,
      };
    }
    case 'loan_repayment':
      return {
        ...base,
        amountMinor: yuanToMinor(random.logNormal(1_500, 0.6)),
        channel: 'app', merchantId: null, merchantCategory: null, counterparty: null, cardId: null,
      };
  }
}

function tripTransactions(random: DemoRandom, profile: AccountProfile, layout: WalletLayout, trip: NonNullable<AccountProfile['trip']>): TransactionDraft[] {
  const tripIps = [ipIn(random, trip.country), ipIn(random, trip.country)];
  const count = random.int(3, 12);
  return Array.from({ length: count }, (): TransactionDraft => {
    const category = random.weighted(TRAVEL_SPENDING);
    const byCard = random.chance(0.6);
    return {
      ms: beijingMs(trip.startDay + random.int(0, trip.days - 1), secondOfDay(random)),
      amountMinor: yuanToMinor((profile.typicalMinor / 100) * category.amountFactor * random.logNormal(1.5, 0.6)),
      type: byCard ? 'card_purchase' : 'wallet_payment',
      channel: byCard ? 'pos' : 'qr',
      merchantId: drawMerchant(random, category, layout.sizes.merchantsPerCategory),
      merchantCategory: category.mcc,
      counterparty: null,
      country: trip.country,
      deviceId: profile.homeDevice,
      ip: random.pick(tripIps),
      cardId: byCard ? random.pick(profile.cards) : null,
      truth: { label: 'legit', pattern: 'travel' },
    };
  });
}

function largePurchase(random: DemoRandom, profile: AccountProfile, layout: WalletLayout, ms: number): TransactionDraft {
  const category = random.weighted(BIG_TICKET);
  return {
    ms,
    amountMinor: yuanToMinor((profile.typicalMinor / 100) * random.between(8, 20) * Math.max(1, category.amountFactor / 4)),
    type: 'card_purchase',
    channel: random.chance(0.5) ? 'pos' : 'ecommerce',
    merchantId: drawMerchant(random, category, layout.sizes.merchantsPerCategory),
    merchantCategory: category.mcc,
    counterparty: null,
    country: profile.record.country ?? 'CN',
    deviceId: profile.homeDevice,
    ip: profile.homeIp,
    cardId: random.pick(profile.cards),
    truth: { label: 'legit', pattern: 'large_purchase' },
  };
}

export function legitimateTransactions(profile: AccountProfile, layout: WalletLayout): TransactionDraft[] {
  const { random, trip } = profile;
  const span = layout.asOfDay - profile.activeFromDay;
  const drafts: TransactionDraft[] = [];
  const count = random.poisson(profile.expectedTransactions);
  for (let i = 0; i < count; i += 1) {
    const day = profile.activeFromDay + random.int(0, span);
    const draft = everydayTransaction(random, profile, layout, beijingMs(day, secondOfDay(random)));
    // Away on a trip, the customer is not paying at home at the same time.
    if (trip && day >= trip.startDay && day < trip.startDay + trip.days) continue;
    drafts.push(draft);
  }
  if (trip) drafts.push(...tripTransactions(random, profile, layout, trip));
  if (profile.largePurchaseMs !== null) drafts.push(largePurchase(random, profile, layout, profile.largePurchaseMs));
  return drafts;
}
