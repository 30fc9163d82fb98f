/**
 * The demo workspace's login. It holds only synthetic data, so the credentials are published (here, on the
 * unlock screen for workspaces main reports as demo, and in the README) for a new user to get in at once.
 */
export const DEMO_CREDENTIALS = { username: 'demo', passphrase: 'riskdesk-demo' } as const;
