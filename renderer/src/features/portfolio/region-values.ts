import { api } from '../../api/client.ts';

/** The regions the borrowers carry, for the region filters: regions come with imported data, not from a fixed list. */
export function readRegions(): Promise<readonly string[]> {
  return api.call('portfolio.regions');
}
