import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { removeAbandonedTemps, writeFileAtomic } from './atomic-file.ts';

const HOUR_MS = 3_600_000;

describe('atomic file writes', () => {
  it('replace the target and leave no temp file behind', () => {
    const dir = tempDir('riskdesk-atomic-');
    const target = path.join(dir, 'w.rdw.keyring');
    writeFileAtomic(target, 'old');
    writeFileAtomic(target, 'new');
    assert.equal(fs.readFileSync(target, 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(dir), ['w.rdw.keyring']);
    assert.equal(fs.statSync(target).mode & 0o777, 0o600);
  });

  it('sweep removes only old temp files of ended processes beside the named targets', () => {
    const dir = tempDir('riskdesk-atomic-');
    const target = path.join(dir, 'w.rdw.keyring');
    const now = Date.now();
    const old = (now - HOUR_MS) / 1000;
    const files = {
      abandoned: 'w.rdw.keyring.111.1700000000000.tmp',
      running: 'w.rdw.keyring.222.1700000000000.tmp',
      fresh: 'w.rdw.keyring.333.1700000000000.tmp',
      otherTarget: 'x.rdw.keyring.111.1700000000000.tmp',
      notATemp: 'w.rdw.keyring.111.notes.tmp',
      target: 'w.rdw.keyring',
    };
    for (const name of Object.values(files)) fs.writeFileSync(path.join(dir, name), 'x');
    for (const name of Object.values(files)) if (name !== files.fresh) fs.utimesSync(path.join(dir, name), old, old);
    // A link with a temp name is never followed: what it points at stays, and so does the link.
    const linked = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(linked, 'keep');
    fs.symlinkSync(linked, path.join(dir, 'w.rdw.keyring.444.1700000000000.tmp'));

    removeAbandonedTemps([target], (pid) => pid === 222, now);

    const left = fs.readdirSync(dir).sort();
    assert.equal(left.includes(files.abandoned), false);
    for (const kept of [files.running, files.fresh, files.otherTarget, files.notATemp, files.target, 'elsewhere.txt', 'w.rdw.keyring.444.1700000000000.tmp']) {
      assert.ok(left.includes(kept), `${kept} was kept`);
    }
    assert.equal(fs.readFileSync(linked, 'utf8'), 'keep');
  });
});
