// Issue 8, items 4 and 10: parallel wrong passphrases must not get around the throttle, a new process must not
// reset it, and failed unlocks must reach the audit trail.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../test-support/temp-workspace.ts';
import type { AuditEventRow } from './audit.ts';
import { recordUnlockFailure, unlockFailuresPathFor, MAX_LISTED_ATTEMPTS } from './unlock-failures.ts';
import { MAX_PENDING, UnlockThrottle } from './unlock-throttle.ts';
import { Workspace } from './workspace.ts';

async function newWorkspace(): Promise<string> {
  const file = path.join(tempDir('riskdesk-throttle-'), 'w.rdw');
  (await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW })).close();
  return file;
}

/** A throttle whose waits are recorded and take a few real milliseconds, so that overlapping waits would show. */
function observedThrottle(): { throttle: UnlockThrottle; waits: number[]; overlap: () => number } {
  const waits: number[] = [];
  let active = 0;
  let most = 0;
  const throttle = new UnlockThrottle({
    sleep: async (ms) => {
      waits.push(ms);
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 10));
      active -= 1;
    },
  });
  return { throttle, waits, overlap: () => most };
}

/** Unlocks with the right passphrase (which audits any recorded failures) and reads the unlock-failure events. */
async function unlockEvents(file: string): Promise<AuditEventRow[]> {
  const ws = await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle: new UnlockThrottle({ sleep: async () => {} }) });
  try {
    return ws.db.prepare(`SELECT * FROM audit_events WHERE action LIKE 'session.unlock_failed%' ORDER BY seq`).all() as AuditEventRow[];
  } finally {
    ws.close();
  }
}

describe('unlock throttle', () => {
  it('checks parallel wrong passphrases one at a time, each after the last one’s penalty, and refuses a flood beyond the queue', async () => {
    const file = await newWorkspace();
    const { throttle, waits, overlap } = observedThrottle();
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => Workspace.open({ path: file, passphrase: 'a wrong passphrase', throttle })));
    const codes = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'UNLOCKED'));
    assert.deepEqual(codes, [...Array<string>(MAX_PENDING).fill('BAD_PASSPHRASE'), ...Array<string>(16 - MAX_PENDING).fill('INVALID_STATE')]);
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000], 'each checked guess pays a growing delay, in turn');
    assert.equal(overlap(), 1, 'no two penalties ran at the same time');
    const refused = outcomes[MAX_PENDING];
    assert.match(refused?.status === 'rejected' ? String((refused.reason as Error).message) : '', /one at a time/);
  });

  it('continues the count in a new process (a new throttle) from the record beside the workspace', async () => {
    const file = await newWorkspace();
    const first = observedThrottle();
    await assert.rejects(Workspace.open({ path: file, passphrase: 'a wrong passphrase', throttle: first.throttle }), { code: 'BAD_PASSPHRASE' });
    const second = observedThrottle();
    await assert.rejects(Workspace.open({ path: file, passphrase: 'another wrong one', throttle: second.throttle }), (error: Error & { details?: unknown }) => {
      assert.deepEqual(error.details, { failures: 2, delayMs: 2000 });
      assert.match(error.message, /2 failed attempts in a row; this answer waited 2 s, and the next failure waits 4 s/);
      return true;
    });
    assert.deepEqual([...first.waits, ...second.waits], [1000, 2000]);
    assert.equal(fs.statSync(unlockFailuresPathFor(file)).mode & 0o777, 0o600);
  });

  it('writes failed unlocks into the audit trail at the next success, with the user name tried and the outcome, then forgets them', async () => {
    const file = await newWorkspace();
    let clock = Date.parse('2026-12-01T08:00:00Z');
    const throttle = new UnlockThrottle({ sleep: async () => {}, now: () => new Date((clock += 60_000)) });
    await assert.rejects(Workspace.open({ path: file, passphrase: 'a wrong passphrase', throttle }), { code: 'BAD_PASSPHRASE' });
    await assert.rejects(Workspace.open({ path: file, username: 'mallory', passphrase: 'anything at all', throttle }), { code: 'UNKNOWN_USER' });
    const events = await unlockEvents(file);
    assert.ok(!fs.existsSync(unlockFailuresPathFor(file)), 'the record is gone once audited');
    assert.deepEqual(await unlockEvents(file), events, 'and not audited twice');
    assert.deepEqual(
      events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, details: JSON.parse(e.details) as unknown })),
      [
        { at: '2026-12-01T08:01:00.000Z', actor: 'admin', action: 'session.unlock_failed', details: { outcome: 'bad_passphrase', recordedAtUnlockBy: 'admin' } },
        { at: '2026-12-01T08:02:00.000Z', actor: 'mallory', action: 'session.unlock_failed', details: { outcome: 'unknown_user', recordedAtUnlockBy: 'admin' } },
      ],
    );
  });

  it('keeps the latest attempts listed and counts the older ones in one event', async () => {
    const file = await newWorkspace();
    for (let i = 0; i < MAX_LISTED_ATTEMPTS + 3; i += 1) recordUnlockFailure(file, { at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(), username: `u${i}`, outcome: 'bad_passphrase' });
    const events = await unlockEvents(file);
    assert.equal(events.length, MAX_LISTED_ATTEMPTS + 1);
    assert.equal(events[0]?.action, 'session.unlock_failed.unlisted');
    assert.equal((JSON.parse(events[0]?.details ?? '{}') as { count: number }).count, 3);
    assert.equal(events[1]?.actor, 'u3', 'the oldest three were dropped from the list');
    assert.equal(events.at(-1)?.actor, `u${MAX_LISTED_ATTEMPTS + 2}`);
  });

  it('counts a damaged record as many failures, not none', async () => {
    const file = await newWorkspace();
    fs.writeFileSync(unlockFailuresPathFor(file), '{"consecutive": 0');
    const { throttle, waits } = observedThrottle();
    await assert.rejects(Workspace.open({ path: file, passphrase: 'a wrong passphrase', throttle }), { code: 'BAD_PASSPHRASE' });
    assert.deepEqual(waits, [30_000]);
  });
});
