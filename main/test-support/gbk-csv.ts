/**
 * A borrowers CSV file as a Chinese spreadsheet saves it: GBK bytes written out by hand (from the GB2312 table), so
 * that a test does not trust the decoder it tests. Regions 杭州 (B1) and 北京 (B2).
 */
export const GBK_BORROWERS_CSV = Buffer.concat([
  Buffer.from('borrower_id,region,annual_income\nB1,'),
  Buffer.from([0xba, 0xbc, 0xd6, 0xdd]),
  Buffer.from(',1000.00\nB2,'),
  Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
  Buffer.from(',2000.00\n'),
]);

export const GBK_BORROWER_REGIONS = { B1: '杭州', B2: '北京' } as const;
