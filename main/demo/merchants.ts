import { type DemoRandom, type WeightedTable, weightedTable } from './random.ts';

/**
 * Merchant categories (ISO 18245 merchant category codes) and merchant identities. A merchant id embeds its
 * code (`M5411-00042`), so a merchant's category is fixed without a merchants table and any phase can draw
 * "a grocery merchant" directly. `amountFactor` scales a customer's typical ticket to the category's.
 */
export interface MerchantCategory {
  readonly mcc: string;
  readonly amountFactor: number;
}

const mcc = (code: string, amountFactor: number): MerchantCategory => ({ mcc: code, amountFactor });

export const MCC = {
  grocery: mcc('5411', 1),
  restaurant: mcc('5812', 1.2),
  fastFood: mcc('5814', 0.35),
  departmentStore: mcc('5311', 2),
  clothing: mcc('5691', 2),
  electronics: mcc('5732', 6),
  pharmacy: mcc('5912', 0.8),
  fuel: mcc('5541', 2.5),
  rideHailing: mcc('4121', 0.4),
  digitalGoods: mcc('5816', 0.4),
  miscRetail: mcc('5999', 1),
  hotel: mcc('7011', 5),
  airline: mcc('4511', 12),
  education: mcc('8211', 10),
  furniture: mcc('5712', 8),
  jewelry: mcc('5944', 15),
  giftCards: mcc('5947', 1.5),
  quasiCash: mcc('6051', 3),
  utilities: mcc('4900', 1.5),
  telecom: mcc('4814', 0.8),
} as const;

/** Everyday spending: what legitimate customers buy, in the proportions they buy it. */
export const EVERYDAY_SPENDING: WeightedTable<MerchantCategory> = weightedTable([
  [MCC.grocery, 18], [MCC.restaurant, 14], [MCC.fastFood, 14], [MCC.departmentStore, 5], [MCC.clothing, 7],
  [MCC.electronics, 2], [MCC.pharmacy, 4], [MCC.fuel, 5], [MCC.rideHailing, 8], [MCC.digitalGoods, 4],
  [MCC.miscRetail, 9], [MCC.hotel, 1.5], [MCC.airline, 0.7], [MCC.education, 0.6], [MCC.furniture, 0.6],
  [MCC.jewelry, 0.3], [MCC.giftCards, 0.8], [MCC.quasiCash, 0.2],
]);

export const BILLS: WeightedTable<MerchantCategory> = weightedTable([[MCC.utilities, 60], [MCC.telecom, 40]]);
export const TRAVEL_SPENDING: WeightedTable<MerchantCategory> = weightedTable([[MCC.restaurant, 35], [MCC.hotel, 20], [MCC.miscRetail, 20], [MCC.departmentStore, 15], [MCC.rideHailing, 10]]);
export const BIG_TICKET: WeightedTable<MerchantCategory> = weightedTable([[MCC.furniture, 35], [MCC.airline, 25], [MCC.electronics, 25], [MCC.education, 15]]);
/** What card testers and cash-out crews buy: instantly resellable or spendable goods. */
export const CASH_OUT_GOODS: WeightedTable<MerchantCategory> = weightedTable([[MCC.digitalGoods, 45], [MCC.giftCards, 35], [MCC.telecom, 20]]);
export const RESALEABLE_GOODS: WeightedTable<MerchantCategory> = weightedTable([[MCC.electronics, 50], [MCC.jewelry, 30], [MCC.quasiCash, 20]]);

function merchantId(category: MerchantCategory, index: number): string {
  return `M${category.mcc}-${String(index).padStart(5, '0')}`;
}

/** A merchant of the category; a few merchants per category are far more popular than the rest. */
export function drawMerchant(random: DemoRandom, category: MerchantCategory, merchantsPerCategory: number): string {
  const skewed = Math.floor(merchantsPerCategory * Math.pow(random.float(), 2.5));
  return merchantId(category, Math.min(merchantsPerCategory - 1, skewed));
}
