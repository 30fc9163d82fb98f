import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { APP_ENTRY_URL, createAppProtocolHandler, isAppUrl, rendererFileFor } from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';

describe('app:// protocol', () => {
  it('recognises only app://riskdesk URLs', () => {
    assert.equal(isAppUrl(APP_ENTRY_URL), true);
    assert.equal(isAppUrl('app://riskdesk/assets/x.js?v=1#top'), true);
    for (const url of ['app://evil/index.html', 'app://riskdesk.evil/', 'app://riskdesk:8080/', 'app://user@riskdesk/', 'file:///index.html', 'https://riskdesk/', 'not a url', '']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  it('maps URLs to files under the renderer folder, the router paths to index.html, and refuses escapes', () => {
    const root = '/opt/riskdesk/dist/renderer';
    assert.equal(rendererFileFor(root, 'app://riskdesk/'), `${root}/index.html`);
    assert.equal(rendererFileFor(root, 'app://riskdesk/portfolio/loans'), `${root}/index.html`);
    assert.equal(rendererFileFor(root, 'app://riskdesk/assets/index-abc.js'), `${root}/assets/index-abc.js`);
    assert.equal(rendererFileFor(root, 'app://riskdesk/assets/my%20font.woff2'), `${root}/assets/my font.woff2`);
    // The URL parser resolves dot segments (also %2e%2e) before we see the path: they stay at the root.
    assert.equal(rendererFileFor(root, 'app://riskdesk/%2e%2e/%2e%2e/secret.txt'), `${root}/secret.txt`);
    for (const url of [
      'app://riskdesk/..%2f..%2fsecret.txt',
      'app://riskdesk/a%00.js',
      'app://riskdesk/%E0%A4%A.js',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      assert.equal(rendererFileFor(root, url), null, url);
    }
  });

  it('serves files with their type and the CSP; 404 for missing or foreign, 405 for other methods', async () => {
    const root = tempDir('riskdesk-renderer-');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>RiskDesk</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(root), 'outside.js'), 'no');
    const handle = createAppProtocolHandler(root);

    const page = await handle(new Request(APP_ENTRY_URL));
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await page.text(), /<title>RiskDesk/);

    const script = await handle(new Request('app://riskdesk/assets/app.js'));
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await script.text(), 'console.log(1)');

    for (const url of ['app://riskdesk/missing.js', 'app://riskdesk/%2e%2e/outside.js', 'app://elsewhere/index.html']) {
      const response = await handle(new Request(url));
      assert.equal(response.status, 404, url);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    }
    assert.equal((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status, 405);
  });
});
