/** Who the end-to-end workspace has, and where its host listens (set by global-setup.ts). */
export const ADMIN = { username: 'admin', passphrase: 'correct horse battery staple' } as const;
export const AUDITOR = { username: 'audrey', passphrase: 'auditor reads every ledger' } as const;

export const HOST_ENV = 'RISKDESK_E2E_URL';

export function hostUrl(): string {
  const url = process.env[HOST_ENV];
  if (!url) throw new Error(`${HOST_ENV} is not set: run the tests through playwright.config.ts (its global setup starts the host)`);
  return url;
}
