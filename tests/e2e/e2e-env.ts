/** Who the end-to-end workspace has, and where its host listens (set by global-setup.ts). */
export const ADMIN = { username: 'admin', passphrase: 'correct horse battery staple' } as const;
export const AUDITOR = { username: 'audrey', passphrase: 'auditor reads every ledger' } as const;
/** Develops scorecards and runs the credit engine; the compliance user approves what the analyst drafts (four eyes). */
export const ANALYST = { username: 'anna', passphrase: 'analyst bins every feature' } as const;
export const COMPLIANCE = { username: 'colin', passphrase: 'compliance signs the second pair of eyes' } as const;

export const HOST_ENV = 'RISKDESK_E2E_URL';

export function hostUrl(): string {
  const url = process.env[HOST_ENV];
  if (!url) throw new Error(`${HOST_ENV} is not set: run the tests through playwright.config.ts (its global setup starts the host)`);
  return url;
}
