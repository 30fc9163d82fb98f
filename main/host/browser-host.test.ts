// The browser host's own guarantees: only 127.0.0.1, Host and Origin checked on every request, the token
// on every API call and WebSocket, safe static files with the security headers, and no other routes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { HandshakeRefused, HostSocket, postApi, rawRequest, type RawResponse } from '../test-support/host-client.ts';
import { startBrowserHost, type BrowserHost } from './browser-host.ts';
import { startHostedApi, type HostedTestApi } from '../test-support/hosted-api.ts';
import { NOT_BUILT_MESSAGE } from './static-files.ts';
import type { ApiPort } from '../../preload/contract/index.ts';
import type { Timers } from '../services/api/idle-timer.ts';

const INDEX_HTML = '<!doctype html><title>RiskDesk</title><script type="module" src="./assets/app.js"></script>';
const APP_JS = 'console.log("riskdesk");';

const root = tempDir('riskdesk-host-');
const staticDir = path.join(root, 'renderer');
fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), APP_JS);
fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
fs.writeFileSync(path.join(staticDir, '.hidden'), 'hidden');
fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
fs.symlinkSync(path.join(root, 'secret.txt'), path.join(staticDir, 'leak.txt'));
fs.symlinkSync(root, path.join(staticDir, 'up'));

let api: HostedTestApi;
let host: BrowserHost;

function assertSecurityHeaders(response: RawResponse, port: number): void {
  assert.equal(
    response.headers['content-security-policy'],
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`,
  );
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['referrer-policy'], 'no-referrer');
  assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin');
  assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin');
}

async function refusedHandshake(options: Parameters<typeof HostSocket.open>[1]): Promise<number> {
  try {
    const socket = await HostSocket.open(host.port, options);
    await socket.close();
  } catch (error) {
    if (error instanceof HandshakeRefused) return error.status;
    throw error;
  }
  return assert.fail('the handshake was accepted');
}

describe('browser host', () => {
  before(async () => {
    api = await startHostedApi(root);
    host = await startBrowserHost({ api: api.service, staticDir });
  });
  after(async () => {
    await host.close();
    await api.close();
  });

  it('listens on 127.0.0.1 with a fresh 32-byte base64url token in the URL fragment', async () => {
    assert.match(host.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(host.url, `http://127.0.0.1:${host.port}/#token=${host.token}`);
    const other = await startBrowserHost({ api: api.service, staticDir });
    try {
      assert.notEqual(other.token, host.token);
      assert.notEqual(other.port, host.port);
    } finally {
      await other.close();
    }
  });

  describe('static files', () => {
    it('serves index.html at / (no-store) and assets with their content types, all with the security headers', async () => {
      const index = await rawRequest(host.port);
      assert.equal(index.status, 200);
      assert.equal(index.body, INDEX_HTML);
      assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(index.headers['cache-control'], 'no-store');
      assertSecurityHeaders(index, host.port);

      const script = await rawRequest(host.port, { path: '/assets/app.js', headers: { Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` } });
      assert.equal(script.status, 200);
      assert.equal(script.body, APP_JS);
      assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
      assertSecurityHeaders(script, host.port);

      const style = await rawRequest(host.port, { path: '/assets/app.css?v=1' });
      assert.equal(style.headers['content-type'], 'text/css; charset=utf-8');

      const head = await rawRequest(host.port, { method: 'HEAD', path: '/index.html' });
      assert.equal(head.status, 200);
      assert.equal(head.body, '');
    });

    it('refuses traversal, encoded traversal, absolute paths, hidden files and symlinks out of the folder with a plain 404', async () => {
      const attempts = [
        '/../package.json',
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2e%2e/',
        '/..%2fsecret.txt',
        '/%2e%2e%2fsecret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/assets/%2e%2e/%2e%2e/secret.txt',
        '/..%5csecret.txt',
        '/%5c..%5csecret.txt',
        '//etc/passwd',
        '/%2fetc%2fpasswd',
        `/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
        '/C:/Windows/win.ini',
        `http://127.0.0.1:${host.port}/../secret.txt`,
        '/assets/app.js%00.html',
        '/%',
        '/.hidden',
        '/leak.txt',
        '/up/secret.txt',
        '/assets',
        '/nope.js',
      ];
      for (const attempt of attempts) {
        const response = await rawRequest(host.port, { path: attempt });
        assert.equal(response.status, 404, `${attempt} → ${response.status}`);
        assert.equal(response.body, 'not found\n', attempt);
        assert.doesNotMatch(response.body, /SECRET|riskdesk/);
        assertSecurityHeaders(response, host.port);
      }
    });

    it('says the renderer is not built when its folder is missing', async () => {
      const bare = await startBrowserHost({ api: api.service, staticDir: path.join(root, 'missing') });
      try {
        const response = await rawRequest(bare.port);
        assert.equal(response.status, 503);
        assert.equal(response.body, NOT_BUILT_MESSAGE);
        assert.match(response.body, /the renderer is not built: run npm run build/);
        assertSecurityHeaders(response, bare.port);
        assert.equal((await rawRequest(bare.port, { path: '/assets/app.js' })).status, 404);
      } finally {
        await bare.close();
      }
    });
  });

  describe('Host and Origin', () => {
    it('refuses a foreign Host with 403, even for static files', async () => {
      const hosts = ['evil.example', `evil.example:${host.port}`, `127.0.0.1.nip.io:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `[::1]:${host.port}`, `LOCALHOST:${host.port}x`];
      for (const name of hosts) {
        for (const request of [{ path: '/' }, { path: '/assets/app.js' }, { path: '/nope' }]) {
          const response = await rawRequest(host.port, { ...request, headers: { Host: name } });
          assert.equal(response.status, 403, `${name} ${request.path}`);
          assert.equal(response.body, 'forbidden\n');
          assertSecurityHeaders(response, host.port);
        }
        const call = await rawRequest(host.port, {
          method: 'POST',
          path: '/api/session.status',
          headers: { Host: name, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
          body: '{"args":{}}',
        });
        assert.equal(call.status, 403, name);
        assert.equal(await refusedHandshake({ token: host.token, host: name }), 403, name);
      }
    });

    it('refuses a foreign Origin with 403 for static files, the API and the WebSocket', async () => {
      for (const origin of ['http://evil.example', `http://127.0.0.1.nip.io:${host.port}`, `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null']) {
        assert.equal((await rawRequest(host.port, { headers: { Origin: origin } })).status, 403, origin);
        const call = await rawRequest(host.port, {
          method: 'POST',
          path: '/api/session.status',
          headers: { Origin: origin, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
          body: '{"args":{}}',
        });
        assert.equal(call.status, 403, origin);
        assert.equal(call.body, 'forbidden\n');
        assert.equal(await refusedHandshake({ token: host.token, origin }), 403, origin);
      }
    });

    it('requires an Origin on WebSocket upgrades', async () => {
      assert.equal(await refusedHandshake({ token: host.token, origin: null }), 403);
    });
  });

  describe('token', () => {
    const statusCall = (headers: Record<string, string>): Promise<RawResponse> =>
      rawRequest(host.port, { method: 'POST', path: '/api/session.status', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"args":{}}' });

    it('refuses API calls without the token (401) or with a wrong one (403), saying nothing more', async () => {
      const missing = await statusCall({});
      assert.equal(missing.status, 401);
      assert.equal(missing.body, 'unauthorized\n');
      assertSecurityHeaders(missing, host.port);
      assert.equal((await statusCall({ Authorization: 'Bearer' })).status, 401);
      assert.equal((await statusCall({ Authorization: `Basic ${host.token}` })).status, 401);
      const wrong = await statusCall({ Authorization: `Bearer ${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}` });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body, 'forbidden\n');
      assert.equal((await statusCall({ Authorization: `Bearer ${host.token}x` })).status, 403);
      // Any path under /api/ needs the token before anything else is said about it.
      assert.equal((await rawRequest(host.port, { path: '/api/session.status' })).status, 401);
      assert.equal((await rawRequest(host.port, { path: '/api/nope' })).status, 401);
    });

    it('refuses WebSocket handshakes without the token (401) or with a wrong one (403)', async () => {
      assert.equal(await refusedHandshake({}), 401);
      assert.equal(await refusedHandshake({ token: 'A'.repeat(43) }), 403);
      assert.equal(await refusedHandshake({ token: host.token, path: '/other' }), 404);
    });

    it('takes the token only as the riskdesk.<token> subprotocol, and echoes that protocol back', async () => {
      const socket = await HostSocket.open(host.port, { token: host.token, host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` });
      assert.equal(socket.socket.protocol, `riskdesk.${host.token}`);
      assert.equal((await socket.call('session.status', {})).ok, true);
      await socket.close();
      // Not in the URL, where it would reach history and logs.
      assert.equal(await refusedHandshake({ token: host.token, tokenIn: 'query' }), 401);
    });
  });

  describe('routes', () => {
    it('has no routes beyond static GET/HEAD, POST /api/<method> and /ws', async () => {
      const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
      for (const request of [
        { method: 'POST', path: '/' },
        { method: 'PUT', path: '/index.html' },
        { method: 'DELETE', path: '/' },
        { method: 'OPTIONS', path: '/api/session.status', headers: auth },
        { method: 'GET', path: '/api/session.status', headers: auth },
        { method: 'GET', path: '/ws' },
        { method: 'GET', path: '/ws', headers: auth },
      ]) {
        const response = await rawRequest(host.port, request);
        assert.equal(response.status, 404, `${request.method} ${request.path}`);
        assertSecurityHeaders(response, host.port);
      }
    });
  });

  describe('HTTP API', () => {
    const post = (body: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
      rawRequest(host.port, {
        method: 'POST',
        path: '/api/session.status',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
        body,
      });

    it('answers a valid call with its outcome, no-store and the security headers', async () => {
      const response = await post('{"args":{}}');
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'no-store');
      assertSecurityHeaders(response, host.port);
      const outcome = JSON.parse(response.body) as { ok: boolean; result: { state: string } };
      assert.equal(outcome.ok, true);
      assert.equal(outcome.result.state, 'locked');
    });

    it('answers bad JSON and bad envelopes with a VALIDATION outcome and 400', async () => {
      for (const body of ['', 'not json', '{"args":', '[]', 'null', '42', '{"args":{},"extra":1}', '{"method":"session.lock"}']) {
        const response = await post(body);
        assert.equal(response.status, 400, body);
        const outcome = JSON.parse(response.body) as { ok: boolean; error: { code: string } };
        assert.deepEqual([outcome.ok, outcome.error.code], [false, 'VALIDATION'], body);
      }
      const unknown = await postApi(host.port, host.token, 'session.nope', '{"args":{}}');
      assert.equal(unknown.status, 400);
      assert.equal(unknown.outcome.ok || unknown.outcome.error.code, 'VALIDATION');
    });

    it('refuses other content types (415) and bodies over 1 MB (413)', async () => {
      assert.equal((await post('{"args":{}}', { 'Content-Type': 'text/plain' })).status, 415);
      assert.equal((await post('{"args":{}}', { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
      const big = `{"args":{"x":"${'a'.repeat(1024 * 1024)}"}}`;
      assert.equal((await post(big)).status, 413);
      assert.equal((await post('{"args":{}}')).status, 200);
    });
  });

  describe('WebSocket', () => {
    it('pushes events to connected pages as {event, payload}', async () => {
      const socket = await HostSocket.open(host.port, { token: host.token });
      try {
        await api.pushEvent(socket);
        assert.ok(socket.events.length > 0, 'an event arrived');
        assert.deepEqual(socket.events.at(-1), { event: 'session.locked', payload: { reason: 'user' } });
      } finally {
        await socket.close();
      }
    });
  });

  it('with lockWhenPagesGone, locks once the last page has gone for the grace period, not when a page reloads', async () => {
    const calls: string[] = [];
    const recording: ApiPort = {
      call: async (method) => {
        calls.push(method);
        return { ok: true, result: null };
      },
      onEvent: () => () => undefined,
    };
    const pending = new Map<number, () => void>();
    let next = 0;
    const timers: Timers = {
      setTimeout: (callback, ms) => {
        assert.equal(ms, 5_000);
        pending.set(++next, callback);
        return next;
      },
      clearTimeout: (handle) => pending.delete(handle as number),
    };
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const fire = () => {
      for (const [handle, callback] of [...pending]) {
        pending.delete(handle);
        callback();
      }
    };
    const paged = await startBrowserHost({ api: recording, staticDir, lockWhenPagesGone: { graceMs: 5_000, timers } });
    try {
      const first = await HostSocket.open(paged.port, { token: paged.token });
      const second = await HostSocket.open(paged.port, { token: paged.token });
      await first.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(pending.size, 0, 'another page is still open');
      await second.close();
      await until(() => pending.size === 1);
      // A reload: the page's new socket arrives within the grace period.
      const reloaded = await HostSocket.open(paged.port, { token: paged.token });
      assert.equal(pending.size, 0, 'the new page cancels the lock');
      fire();
      assert.deepEqual(calls, []);
      await reloaded.close();
      await until(() => pending.size === 1);
      fire();
      assert.deepEqual(calls, ['session.lock']);
    } finally {
      await paged.close();
    }
  });

  it('closes: the port stops answering and open sockets are ended', async () => {
    const extra = await startBrowserHost({ api: api.service, staticDir });
    const socket = await HostSocket.open(extra.port, { token: extra.token });
    await extra.close();
    assert.equal(typeof (await socket.closed), 'number');
    await assert.rejects(rawRequest(extra.port), /ECONNREFUSED/);
  });

  it('refuses to start with a token that is not 32+ base64url characters', async () => {
    await assert.rejects(startBrowserHost({ api: api.service, staticDir, token: 'short' }), /token/);
  });
});
