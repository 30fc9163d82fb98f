/**
 * The demo workspace's login. It holds only synthetic data, so the credentials are published (here, on the
 * unlock screen for workspaces main reports as demo, and in the README) for a new user to get in at once.
 */
export const DEMO_CREDENTIALS = { username: 'demo', passphrase: 'riskdesk-demo' } as const;

/**
 * The demo's other published sign-ins (same passphrase): the credit workflow needs an analyst to develop and run
 * and a second person, in compliance, to approve (four eyes), which the admin alone cannot show.
 */
export const DEMO_ROLE_USERS = [
  { username: 'demo-analyst', role: 'analyst' },
  { username: 'demo-compliance', role: 'compliance' },
] as const;
