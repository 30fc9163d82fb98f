import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, denyAllPermissions, installContentSecurityPolicy, withContentSecurityPolicy } from './content-security.ts';

describe('content security policy', () => {
  it('is the strict policy of the design', () => {
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('is added to every response the session receives, keeping a policy already there', () => {
    let listener: Parameters<Session['webRequest']['onHeadersReceived']>[0] | undefined;
    const session = {
      webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) },
    } as unknown as Pick<Session, 'webRequest'>;
    installContentSecurityPolicy(session);
    assert.ok(listener);

    const answers: unknown[] = [];
    const details = (responseHeaders?: Record<string, string[]>) => ({ responseHeaders }) as Parameters<NonNullable<typeof listener>>[0];
    listener(details({ 'Content-Type': ['text/html'] }), (response) => answers.push(response));
    listener(details(undefined), (response) => answers.push(response));
    listener(details({ 'content-security-policy': ["default-src 'none'"] }), (response) => answers.push(response));
    assert.deepEqual(answers, [
      { responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
      { responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
      { responseHeaders: { 'content-security-policy': ["default-src 'none'", CONTENT_SECURITY_POLICY] } },
    ]);
    assert.deepEqual(withContentSecurityPolicy({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }), { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('denies every permission request and check', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    } as unknown as Parameters<typeof denyAllPermissions>[0];
    denyAllPermissions(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const granted: boolean[] = [];
      handlers.request!({}, permission, (answer: boolean) => granted.push(answer), {});
      assert.deepEqual(granted, [false], permission);
      assert.equal(handlers.check!({}, permission, 'app://riskdesk', {}), false, permission);
    }
    assert.equal(handlers.device!({ deviceType: 'usb' }), false);
  });
});
