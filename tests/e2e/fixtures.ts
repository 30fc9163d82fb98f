import { expect, type Page, type TestInfo } from '@playwright/test';
import type { ApiOutcome, MethodArgs, MethodName, MethodResult } from '../../preload/contract/index.ts';
import { ADMIN, hostUrl } from './e2e-env.ts';

/** A contract call from the test process over the host's HTTP API (same token, no Origin: like a script). */
export async function hostCall(method: MethodName, args: unknown = {}): Promise<ApiOutcome<unknown>> {
  const url = new URL(hostUrl());
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ args }),
  });
  return (await response.json()) as ApiOutcome<unknown>;
}

/** A contract call that must succeed: its typed result, or the test fails naming the method and main's message. */
export async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const outcome = await hostCall(method, args);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as MethodResult<M>;
}

/** A second compliance user (the second pair of eyes: the workspace's set-up has one of each role), added by the admin once. */
export const REVIEWER = { username: 'cleo', passphrase: 'compliance keeps the other pair of eyes' } as const;

export async function ensureReviewer(): Promise<void> {
  await call('session.unlock', ADMIN);
  const users = await call('users.list', {});
  if (!users.some((user) => user.username === REVIEWER.username)) await call('users.add', { ...REVIEWER, role: 'compliance' });
  await call('session.lock', {});
}

/** The host keeps one session for every page: lock it so each test starts at the unlock screen. */
export async function openLocked(page: Page): Promise<void> {
  const locked = await hostCall('session.lock');
  expect(locked.ok, JSON.stringify(locked)).toBe(true);
  await page.goto(hostUrl());
  await expect(page.getByTestId('unlock-form')).toBeVisible();
}

export async function unlockAs(page: Page, user: { username: string; passphrase: string }): Promise<void> {
  await openLocked(page);
  await page.getByLabel('User', { exact: true }).fill(user.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(user.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 20_000 });
}

/** The current heading of the open area. */
export function pageTitle(page: Page) {
  return page.locator('h1#page-title');
}

/** A screenshot kept with the test's results (test-results/…) and attached to its report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.mouse.move(0, 0); // no hover tooltips in the picture
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
