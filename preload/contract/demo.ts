/**
 * The demo workspace's login. It holds only synthetic data, so the credentials are published (here, on the
 * unlock screen for workspaces main reports as demo, and in the README) for a new user to get in at once.
 */
export const DEMO_CREDENTIALS = { username: 'demo', passphrase: 'riskdesk-demo' } as const;

/**
 * The demo's other published sign-ins (same passphrase), so that every four-eyes step can be tried: an analyst
 * develops and runs what compliance approves; compliance drafts rule sets and parameter sets that a second
 * compliance user approves; an auditor reads, verifies and exports evidence.
 */
export const DEMO_ROLE_USERS = [
  { username: 'demo-analyst', role: 'analyst' },
  { username: 'demo-compliance', role: 'compliance' },
  { username: 'demo-reviewer', role: 'compliance' },
  { username: 'demo-auditor', role: 'auditor' },
] as const;
