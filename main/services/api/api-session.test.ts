import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApiOutcome, SessionStatus, Settings } from '../../../preload/contract/index.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { MAX_PENDING } from '../../store/unlock-throttle.ts';
import { INTERNAL_MESSAGE, scrubbed, secretsIn, toApiError } from './api-errors.ts';
import { fixedWorkspaceLocator } from './api-service.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

const MINUTE = 60_000;

describe('sessions: unlock, lock, idle lock, settings', () => {
  let ws: TestWorkspace;

  before(async () => {
    ws = await createTestWorkspace();
  });
  after(() => ws.dispose());

  async function codeOf(outcome: Promise<ApiOutcome<unknown>>): Promise<string> {
    const settled = await outcome;
    return settled.ok ? 'ok' : settled.error.code;
  }

  it('starts locked, refuses wrong credentials and other workspaces, and unlocks the served one', async () => {
    const t = ws.service();
    assert.deepEqual(await t.ok('session.status'), { state: 'locked', workspace: null, user: null, idleLockMinutes: 15 });
    assert.equal(await codeOf(t.api.call('session.unlock', { passphrase: 'not the passphrase' })), 'BAD_PASSPHRASE');
    assert.equal(await codeOf(t.api.call('session.unlock', { username: 'nobody', passphrase: ADMIN_PASSPHRASE })), 'UNKNOWN_USER');
    assert.equal(await codeOf(t.api.call('session.unlock', { workspace: path.join(ws.dir, 'other.rdw'), passphrase: ADMIN_PASSPHRASE })), 'INVALID_ARGUMENT');
    const status = await t.ok<SessionStatus>('session.unlock', { workspace: ws.file, passphrase: ADMIN_PASSPHRASE });
    assert.deepEqual(status, { state: 'unlocked', workspace: { path: ws.file, name: 'desk', demo: false }, user: { username: 'admin', role: 'admin' }, idleLockMinutes: 15 });
    const [recent] = await t.ok<{ path: string; lastOpenedAt: string | null }[]>('session.recentWorkspaces');
    assert.equal(recent?.path, ws.file);
    assert.ok(recent?.lastOpenedAt);
    assert.deepEqual(t.logs, []);
  });

  it('checks a burst of parallel wrong unlocks one at a time, refuses the flood beyond the queue, and audits the ones it checked', async () => {
    const t = ws.service();
    const codes = await Promise.all(Array.from({ length: 16 }, () => codeOf(t.api.call('session.unlock', { passphrase: 'a wrong passphrase' }))));
    assert.deepEqual(codes, [...Array<string>(MAX_PENDING).fill('BAD_PASSPHRASE'), ...Array<string>(16 - MAX_PENDING).fill('INVALID_STATE')]);
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    const audit = await t.ok<{ rows: { action: string; actor: string }[] }>('audit.events', {
      startRow: 0,
      endRow: 100,
      sortModel: [{ colId: 'seq', sort: 'desc' }],
      filterModel: { action: { filterType: 'text', type: 'equals', filter: 'session.unlock_failed' } },
    });
    assert.ok(audit.rows.length >= MAX_PENDING);
    assert.deepEqual(audit.rows.slice(0, MAX_PENDING).map((row) => row.actor), Array<string>(MAX_PENDING).fill('admin'));
    await t.ok('session.lock');
  });

  it('locks after the idle time without activity, emitting session.locked and dropping the session', async () => {
    const t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.deepEqual(t.timers.delays(), [15 * MINUTE]);
    const armed = [...t.timers.pending.keys()];
    await t.ok('session.status');
    assert.deepEqual([...t.timers.pending.keys()], armed, 'a status poll is not activity');
    await t.ok('session.activity');
    assert.notDeepEqual([...t.timers.pending.keys()], armed, 'activity re-arms the timer');
    assert.deepEqual(t.timers.delays(), [15 * MINUTE]);

    t.timers.fireAll();
    await until(() => t.events.some((e) => e.name === 'session.locked'));
    assert.deepEqual(t.events.filter((e) => e.name === 'session.locked'), [{ name: 'session.locked', payload: { reason: 'idle' } }]);
    assert.equal((await t.ok<SessionStatus>('session.status')).state, 'locked');
    assert.equal(await codeOf(t.api.call('dashboard.summary', {})), 'LOCKED');
    assert.deepEqual(t.timers.delays(), [], 'nothing left armed');
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.equal((await t.ok<{ loans: number }>('dashboard.summary')).loans, 0, 'the workspace opens again cleanly');
  });

  it('locks on request with reason "user", once', async () => {
    const t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.equal((await t.ok<SessionStatus>('session.lock')).state, 'locked');
    await t.ok('session.lock');
    assert.deepEqual(t.events, [{ name: 'session.locked', payload: { reason: 'user' } }]);
  });

  it('keeps per-user settings, audits a change once, and applies the idle time at once', async () => {
    const t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.deepEqual(await t.ok<Settings>('settings.get'), { idleLockMinutes: 15, language: 'en', theme: 'system' });
    assert.deepEqual(await t.ok<Settings>('settings.update', { idleLockMinutes: 5, language: 'zh-CN' }), { idleLockMinutes: 5, language: 'zh-CN', theme: 'system' });
    assert.deepEqual(t.timers.delays(), [5 * MINUTE]);
    await t.ok('settings.update', { language: 'zh-CN' });
    assert.equal(await codeOf(t.api.call('settings.update', { idleLockMinutes: 0 })), 'VALIDATION');
    assert.equal(await codeOf(t.api.call('settings.update', { theme: 'neon' })), 'VALIDATION');
    const audit = await t.ok<{ rows: { action: string; details: string }[] }>('audit.events', {
      startRow: 0,
      endRow: 10,
      filterModel: { action: { filterType: 'text', type: 'equals', filter: 'settings.update' } },
    });
    assert.deepEqual(audit.rows.map((r) => JSON.parse(r.details)), [{ changed: { idleLockMinutes: 5, language: 'zh-CN' } }]);

    const again = ws.service();
    const status = await again.ok<SessionStatus>('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.equal(status.idleLockMinutes, 5);
    assert.deepEqual(again.timers.delays(), [5 * MINUTE]);
    assert.equal((await again.ok<Settings>('settings.get')).language, 'zh-CN');
    await again.ok('settings.update', { idleLockMinutes: 15, language: 'en' });
  });

  it('changes one’s own passphrase only with the current one', async () => {
    const t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    const missing = await t.api.call('users.changePassphrase', { username: 'admin', newPassphrase: 'a brand new passphrase' });
    assert.ok(!missing.ok && missing.error.code === 'VALIDATION' && /currentPassphrase/.test(missing.error.message));
    assert.equal(await codeOf(t.api.call('users.changePassphrase', { username: 'admin', currentPassphrase: 'wrong passphrase!', newPassphrase: 'a brand new passphrase' })), 'BAD_PASSPHRASE');
    assert.equal(await codeOf(t.api.call('users.changePassphrase', { username: 'admin', currentPassphrase: ADMIN_PASSPHRASE, newPassphrase: 'short' })), 'WEAK_PASSPHRASE');
    assert.equal(await codeOf(t.api.call('users.changePassphrase', { username: 'nobody', newPassphrase: 'a brand new passphrase' })), 'UNKNOWN_USER');
    assert.deepEqual(t.logs, []);
  });
});

describe('errors that reach the caller', () => {
  it('answers an unexpected error generically and logs it without the passphrases or a key', () => {
    const logs: string[] = [];
    const secrets = secretsIn({ username: 'ann', passphrase: 'hunter2 hunter2', nested: { newPassphrase: 'swordfish 123' } });
    assert.deepEqual(secrets, ['hunter2 hunter2', 'swordfish 123']);
    const error = new Error(`boom with hunter2 hunter2 and swordfish 123 and key="x'${'ab'.repeat(32)}'"`);
    const answer = toApiError(error, { method: 'users.add', secrets, log: (line) => logs.push(line) });
    assert.deepEqual(answer, { code: 'INTERNAL', message: INTERNAL_MESSAGE });
    assert.equal(logs.length, 1);
    assert.ok(!/hunter2|swordfish|abab/.test(logs[0] ?? ''), logs[0]);
    assert.match(logs[0] ?? '', /users\.add failed unexpectedly: Error: boom/);
    assert.equal(scrubbed('nothing secret', []), 'nothing secret');
  });

  it('answers INTERNAL, and logs where, when a result does not match the contract', async () => {
    const ws = await createTestWorkspace({
      seed: (db) => {
        db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('B1', 'north', 1)`).run();
        // A fractional DPD: the column accepts it, the contract (an integer) does not.
        db.prepare(`INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, dpd)
                    VALUES ('L1', 'B1', 'cash', '2024-01-01', 100, 0.1, 12, 'CNY', 1.5)`).run();
      },
    });
    try {
      const t = ws.service();
      await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
      const outcome = await t.api.call('portfolio.loanDetail', { loanId: 'L1' });
      assert.deepEqual(outcome, { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
      assert.deepEqual(t.logs, ['RiskDesk: the result of portfolio.loanDetail does not match the contract at loan.dpd']);
    } finally {
      await ws.dispose();
    }
  });

  it('passes RiskDesk errors through with their code, message and JSON details', () => {
    const answer = toApiError(new RiskDeskError('IMPORT_REJECTED', 'rejected', { problems: [{ row: 2 }], fn: () => 1 }), { method: 'x', secrets: [], log: assert.fail });
    assert.deepEqual(answer, { code: 'IMPORT_REJECTED', message: 'rejected', details: { problems: [{ row: 2 }] } });
  });

  it('fixes the browser host to its one workspace', () => {
    const locator = fixedWorkspaceLocator('/data/desk.rdw', { demo: true });
    assert.equal(locator.resolve(), '/data/desk.rdw');
    assert.equal(locator.resolve('/data/../data/desk.rdw'), '/data/desk.rdw');
    assert.throws(() => locator.resolve('/data/other.rdw'), { code: 'INVALID_ARGUMENT' });
    assert.deepEqual(locator.recent(), [{ path: '/data/desk.rdw', name: 'desk', lastOpenedAt: null, demo: true }]);
    assert.ok(locator.isDemo('/data/desk.rdw') && !locator.isDemo('/data/other.rdw'));
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), 'timed out waiting');
}
