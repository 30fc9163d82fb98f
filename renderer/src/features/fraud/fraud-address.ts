/** The fraud area's addresses: a transaction's explanation and the ring around an account. */
export const fraudAddress = {
  list: '/fraud',
  transaction: (txId: string): string => `/fraud/transactions/${encodeURIComponent(txId)}`,
  ring: (accountId: string): string => `/fraud/rings/${encodeURIComponent(accountId)}`,
};
