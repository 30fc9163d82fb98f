/** Who the end-to-end workspace has, and where its host listens (set by global-setup.ts). */
export const ADMIN = { username: 'admin', passphrase: 'correct horse battery staple' } as const;
export const AUDITOR = { username: 'audrey', passphrase: 'auditor reads every ledger' } as const;
/** Develops scorecards and runs the credit engine; the compliance user approves what the analyst drafts (four eyes). */
export const ANALYST = { username: 'anna', passphrase: 'analyst bins every feature' } as const;
export const COMPLIANCE = { username: 'colin', passphrase: 'compliance signs the second pair of eyes' } as const;

export const HOST_ENV = 'RISKDESK_E2E_URL';
const WORKSPACE_ENV = 'RISKDESK_E2E_WORKSPACE';

/** The workspace the host serves, for the tests that look at its files (set by global-setup.ts beside HOST_ENV). */
export function workspacePath(): string {
  const file = process.env[WORKSPACE_ENV];
  if (!file) throw new Error(`${WORKSPACE_ENV} is not set: run the tests through playwright.config.ts (its global setup makes the workspace)`);
  return file;
}

export function setWorkspacePath(file: string): void {
  process.env[WORKSPACE_ENV] = file;
}

export function hostUrl(): string {
  const url = process.env[HOST_ENV];
  if (!url) throw new Error(`${HOST_ENV} is not set: run the tests through playwright.config.ts (its global setup starts the host)`);
  return url;
}
