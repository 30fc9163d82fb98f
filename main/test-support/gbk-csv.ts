/**
 * A borrowers CSV file as a Chinese spreadsheet saves it: GBK bytes written out by hand (from the GB2312 table), so
 * that a test does not trust the decoder it tests. Regions 杭州 (GBK-1) and 北京 (GBK-2):
 * ids of their own, so that importing them changes no borrower of the demo portfolio.
 */
export const GBK_BORROWERS_CSV = Buffer.concat([
  Buffer.from('borrower_id,region,annual_income\nGBK-1,'),
  Buffer.from([0xba, 0xbc, 0xd6, 0xdd]),
  Buffer.from(',1000.00\nGBK-2,'),
  Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
  Buffer.from(',2000.00\n'),
]);

export const GBK_BORROWER_REGIONS = { 'GBK-1': '杭州', 'GBK-2': '北京' } as const;
