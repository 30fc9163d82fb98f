import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { ADMIN_PASSPHRASE, FIXED_NOW, fileSha256, tempDir } from '../test-support/temp-workspace.ts';
import { keyringPathFor } from './keyring.ts';
import { UnlockThrottle } from './unlock-throttle.ts';
import { Workspace } from './workspace.ts';

const noWait = () => new UnlockThrottle({ sleep: async () => {} });

async function newWorkspace(dir: string, name = 'w.rdw'): Promise<string> {
  const file = path.join(dir, name);
  const ws = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  ws.close();
  return file;
}

function snapshot(file: string): string[] {
  return [fileSha256(file), fileSha256(keyringPathFor(file))];
}

async function assertRefused(file: string, options: { passphrase?: string; username?: string }, code: string, messagePart: string): Promise<void> {
  const before = fs.existsSync(keyringPathFor(file)) ? snapshot(file) : [fileSha256(file)];
  await assert.rejects(Workspace.open({ path: file, passphrase: options.passphrase ?? ADMIN_PASSPHRASE, username: options.username, throttle: noWait() }), (error: Error & { code?: string }) => {
    assert.equal(error.code, code);
    assert.ok(error.message.includes(messagePart), `message "${error.message}" should mention ${messagePart}`);
    return true;
  });
  const afterHashes = fs.existsSync(keyringPathFor(file)) ? snapshot(file) : [fileSha256(file)];
  assert.deepEqual(afterHashes, before, 'files must be unchanged byte for byte');
}

describe('Workspace', () => {
  it('creates an encrypted database with no plaintext header, no readable content and no key on disk', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.rdw');
    const ws = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    const keyHex = ws.readerSpec().key.toString('hex');
    ws.close();
    const bytes = fs.readFileSync(file);
    assert.ok(!bytes.includes(Buffer.from('SQLite format 3')), 'no SQLite header');
    for (const text of ['CREATE TABLE', 'audit_events', 'workspace.create', 'admin']) assert.ok(!bytes.includes(Buffer.from(text)), `"${text}" must not be readable`);
    const keyring = fs.readFileSync(keyringPathFor(file), 'utf8');
    assert.ok(!keyring.includes(keyHex) && !keyring.includes(Buffer.from(keyHex, 'hex').toString('base64')), 'the data key never appears in the keyring');
    assert.equal(fs.statSync(keyringPathFor(file)).mode & 0o077, 0, 'keyring is private to its owner');
    assert.equal(fs.statSync(file).mode & 0o077, 0, 'database is private to its owner');
    const plain = new Database(file);
    assert.throws(() => plain.prepare('SELECT * FROM sqlite_master').all(), /not a database/);
    plain.close();
  });

  it('unlocks with the right passphrase as the user recorded in the database', async () => {
    const file = await newWorkspace(tempDir());
    const ws = await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle: noWait() });
    assert.deepEqual(ws.user, { username: 'admin', role: 'admin' });
    assert.equal(ws.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(ws.db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(ws.db.pragma('synchronous', { simple: true }), 2, 'synchronous=FULL');
    ws.close();
  });

  it('refuses a wrong passphrase and leaves both files unchanged', async () => {
    const file = await newWorkspace(tempDir());
    await assertRefused(file, { passphrase: 'wrong passphrase here' }, 'BAD_PASSPHRASE', 'Wrong passphrase');
  });

  it('slows down repeated failures and resets after a success', async () => {
    const file = await newWorkspace(tempDir());
    const waits: number[] = [];
    const throttle = new UnlockThrottle({ sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 3; i += 1) {
      await assert.rejects(Workspace.open({ path: file, passphrase: 'not the passphrase', throttle }), { code: 'BAD_PASSPHRASE' });
    }
    assert.deepEqual(waits, [1000, 2000, 4000]);
    (await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle })).close();
    await assert.rejects(Workspace.open({ path: file, passphrase: 'not the passphrase', throttle }), { code: 'BAD_PASSPHRASE' });
    assert.deepEqual(waits, [1000, 2000, 4000, 1000], 'a success starts the count again');
  });

  it('names an unknown user', async () => {
    const file = await newWorkspace(tempDir());
    await assertRefused(file, { username: 'mallory' }, 'UNKNOWN_USER', 'mallory');
  });

  it('refuses weak passphrases and existing files without creating anything', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.rdw');
    await assert.rejects(Workspace.create({ path: file, username: 'admin', passphrase: 'short', now: FIXED_NOW }), { code: 'WEAK_PASSPHRASE' });
    assert.deepEqual(fs.readdirSync(dir), []);
    await newWorkspace(dir);
    const before = snapshot(file);
    await assert.rejects(Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW }), { code: 'WORKSPACE_EXISTS' });
    assert.deepEqual(snapshot(file), before);
  });

  it('names a missing workspace and a missing keyring', async () => {
    const dir = tempDir();
    await assert.rejects(Workspace.open({ path: path.join(dir, 'none.rdw'), passphrase: ADMIN_PASSPHRASE }), (e: Error & { code?: string }) => e.code === 'WORKSPACE_NOT_FOUND' && e.message.includes('none.rdw'));
    const file = await newWorkspace(dir);
    fs.renameSync(keyringPathFor(file), path.join(dir, 'elsewhere'));
    await assertRefused(file, {}, 'KEYRING_MISSING', keyringPathFor(file));
  });

  it('names a damaged keyring', async () => {
    const file = await newWorkspace(tempDir());
    fs.writeFileSync(keyringPathFor(file), '{"format": "riskdesk-keyring", "version": 1');
    await assertRefused(file, {}, 'KEYRING_DAMAGED', keyringPathFor(file));
    fs.writeFileSync(keyringPathFor(file), JSON.stringify({ format: 'something-else' }));
    await assertRefused(file, {}, 'KEYRING_DAMAGED', keyringPathFor(file));
  });

  it("refuses another workspace's keyring", async () => {
    const dir = tempDir();
    const first = await newWorkspace(dir, 'a.rdw');
    const second = await newWorkspace(dir, 'b.rdw');
    fs.copyFileSync(keyringPathFor(second), keyringPathFor(first));
    await assertRefused(first, {}, 'KEYRING_MISMATCH', 'does not belong');
  });

  it('refuses files that are not workspaces', async () => {
    const dir = tempDir();
    const donor = await newWorkspace(dir, 'donor.rdw');
    const cases: [string, Buffer, string][] = [
      ['notes.txt', Buffer.from('quarterly notes, nothing to see here\n'.repeat(20)), 'KEYRING_MISMATCH'],
      ['empty.rdw', Buffer.alloc(0), 'NOT_A_WORKSPACE'],
    ];
    for (const [name, content, code] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      fs.copyFileSync(keyringPathFor(donor), keyringPathFor(file));
      await assertRefused(file, {}, code, file);
    }
    const plainFile = path.join(dir, 'plain.sqlite');
    const plain = new Database(plainFile);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    fs.copyFileSync(keyringPathFor(donor), keyringPathFor(plainFile));
    await assertRefused(plainFile, {}, 'NOT_A_WORKSPACE', 'unencrypted SQLite');
  });

  it('reports a damaged database file without overwriting it', async () => {
    const file = await newWorkspace(tempDir());
    const bytes = fs.readFileSync(file);
    for (let i = 200; i < 240; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    await assertRefused(file, {}, 'WORKSPACE_DAMAGED', file);
  });

  it('refuses a workspace written by a newer build, unchanged', async () => {
    const file = await newWorkspace(tempDir());
    const ws = await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle: noWait() });
    ws.db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9990, 'from_the_future', '2030-01-01')`).run();
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    await assertRefused(file, {}, 'WORKSPACE_TOO_NEW', 'newer RiskDesk');
  });
});
