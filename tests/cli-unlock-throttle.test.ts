// Issue 8, items 4 and 10, as a user at a terminal meets them: each `riskdesk` run is a new process, and the
// throttle must not start again from zero in each; the failures reach the audit trail at the next unlock.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { unlockFailuresPathFor } from '../main/store/unlock-failures.ts';
import { UnlockThrottle } from '../main/store/unlock-throttle.ts';
import { Workspace } from '../main/store/workspace.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));

function riskdesk(args: string[], passphrase: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', RISKDESK_PASSPHRASE: passphrase }, timeout: 120_000 }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
    });
  });
}

describe('failed unlocks across riskdesk processes', () => {
  it('carry the delay from one process to the next, and are audited by the next unlock', async () => {
    const db = path.join(tempDir('riskdesk-cli-throttle-'), 'risk.rdw');
    (await Workspace.create({ path: db, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW })).close();

    const answers = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const run = await riskdesk(['audit', 'verify', '--db', db, '--json'], 'not the passphrase at all');
      assert.equal(run.code, 1);
      answers.push((JSON.parse(run.stdout) as { error: { code: string; message: string; details: unknown } }).error);
    }
    assert.deepEqual(answers, [
      { code: 'BAD_PASSPHRASE', message: answers[0]?.message, details: { failures: 1, delayMs: 1000 } },
      { code: 'BAD_PASSPHRASE', message: answers[1]?.message, details: { failures: 2, delayMs: 2000 } },
    ]);
    assert.ok(fs.existsSync(unlockFailuresPathFor(db)));

    const verified = await riskdesk(['audit', 'verify', '--db', db, '--json'], ADMIN_PASSPHRASE);
    assert.equal(verified.code, 0, verified.stdout);
    assert.ok(!fs.existsSync(unlockFailuresPathFor(db)), 'the successful unlock audited and cleared the record');
    const ws = await Workspace.open({ path: db, passphrase: ADMIN_PASSPHRASE, throttle: new UnlockThrottle({ sleep: async () => {} }) });
    try {
      const rows = ws.db.prepare(`SELECT actor, details FROM audit_events WHERE action = 'session.unlock_failed' ORDER BY seq`).all() as { actor: string; details: string }[];
      assert.deepEqual(rows, [
        { actor: 'admin', details: JSON.stringify({ outcome: 'bad_passphrase', recordedAtUnlockBy: 'admin' }) },
        { actor: 'admin', details: JSON.stringify({ outcome: 'bad_passphrase', recordedAtUnlockBy: 'admin' }) },
      ]);
    } finally {
      ws.close();
    }
  });
});
