import type { DemoRandom } from './random.ts';

/**
 * Synthetic device, card and network identifiers. IPv4 first octets are drawn from blocks that are typical
 * for each country's carriers so that a reader recognises the pattern, but they are not a geolocation
 * database: the `country` column, not the IP, is the truth in demo data.
 */
const FIRST_OCTETS: Readonly<Record<string, readonly number[]>> = {
  CN: [36, 39, 42, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 175, 180, 182, 183, 218, 219, 220, 221, 222, 223],
  HK: [14, 42, 58, 103, 113, 202],
  MO: [60, 122, 202],
  JP: [126, 133, 153, 210],
  KR: [1, 59, 121, 211],
  TH: [49, 110, 171, 184],
  SG: [8, 58, 116, 203],
  MY: [42, 115, 175, 210],
  US: [23, 64, 98, 172, 204],
  FR: [78, 82, 90, 176],
  AU: [1, 101, 121, 144],
  KH: [27, 36, 103, 175],
  MM: [37, 103, 136],
  PH: [49, 112, 120, 180],
  VN: [14, 27, 113, 171],
};

/** Where legitimate customers travel, and where account takeovers and scam crews most often connect from. */
export const TRAVEL_COUNTRIES = ['JP', 'TH', 'KR', 'SG', 'HK', 'MO', 'US', 'FR', 'MY', 'AU'] as const;
export const ATTACKER_COUNTRIES = ['KH', 'MM', 'PH', 'VN', 'MY', 'TH'] as const;

export function ipIn(random: DemoRandom, country: string): string {
  const first = random.pick(FIRST_OCTETS[country] ?? FIRST_OCTETS.CN ?? [1]);
  return `${first}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

export function newDeviceId(random: DemoRandom): string {
  return `dev-${random.hex(16)}`;
}

export function newCardId(random: DemoRandom): string {
  return `card-${random.hex(12)}`;
}
