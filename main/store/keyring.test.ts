import assert from 'node:assert/strict';
import { createCipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../test-support/temp-workspace.ts';
import { findEntry, isSealedEntry, keyringPathFor, readKeyring, resealDataKey, unwrapDataKey, wrapDataKey, type KeyringEntry } from './keyring.ts';
import { generateUserKeyPair, openSealed, sealTo } from './keyring-seal.ts';
import { UnlockThrottle } from './unlock-throttle.ts';
import { Workspace } from './workspace.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });

/** A version 1 entry as earlier builds wrote it, made here independently of keyring.ts: scrypt, then AES-256-GCM. */
function legacyEntry(dataKey: Buffer, workspaceId: string, username: string, passphrase: string): KeyringEntry {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(`riskdesk-keyring-v1\u0000${workspaceId}\u0000${username}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    username,
    kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

describe('sealing to a public key', () => {
  const context = Buffer.from('riskdesk-keyring-v2-data\u0000ws\u0000ana');

  it('opens only with the matching private key and context, and not after tampering', () => {
    const ana = generateUserKeyPair();
    const bo = generateUserKeyPair();
    const secret = randomBytes(32);
    const sealed = sealTo(ana.publicKey, secret, context);
    assert.deepEqual(openSealed(sealed, ana.publicKey, ana.privateKeyDer, context), secret);
    assert.equal(openSealed(sealed, bo.publicKey, bo.privateKeyDer, context), null, "another user's key");
    assert.equal(openSealed(sealed, ana.publicKey, ana.privateKeyDer, Buffer.from('riskdesk-keyring-v2-data\u0000ws\u0000bo')), null, 'moved to another user');
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    assert.equal(openSealed({ ...sealed, ciphertext: flipped.toString('base64') }, ana.publicKey, ana.privateKeyDer, context), null, 'tampered ciphertext');
    assert.notEqual(sealTo(ana.publicKey, secret, context).ciphertext, sealed.ciphertext, 'each seal uses a fresh ephemeral key');
  });
});

describe('keyring entries', () => {
  const workspaceId = randomUUID();

  it('wraps the data key for a passphrase and re-seals a new key without it', async () => {
    const first = randomBytes(32);
    const entry = await wrapDataKey(first, workspaceId, 'ana', ADMIN_PASSPHRASE);
    assert.ok(isSealedEntry(entry));
    assert.deepEqual(await unwrapDataKey(entry, workspaceId, ADMIN_PASSPHRASE), first);
    assert.equal(await unwrapDataKey(entry, workspaceId, `${ADMIN_PASSPHRASE}!`), null, 'wrong passphrase');
    assert.equal(await unwrapDataKey(entry, randomUUID(), ADMIN_PASSPHRASE), null, 'another workspace');
    const second = randomBytes(32);
    const resealed = resealDataKey(entry, second, workspaceId);
    assert.deepEqual(await unwrapDataKey(resealed, workspaceId, ADMIN_PASSPHRASE), second);
    assert.equal(resealed.privateKey.ciphertext, entry.privateKey.ciphertext, 'the passphrase-wrapped private key is kept');
  });

  it('still unlocks a version 1 entry, and replaces it with a sealed one at that unlock', async () => {
    const file = path.join(tempDir(), 'legacy.rdw');
    const created = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    const key = Buffer.from(created.readerSpec().key);
    created.close();
    const keyring = readKeyring(keyringPathFor(file));
    // The file as an earlier build wrote it: format version 1, one version 1 entry.
    fs.writeFileSync(keyringPathFor(file), JSON.stringify({ ...keyring, version: 1, entries: [legacyEntry(key, keyring.workspaceId, 'admin', ADMIN_PASSPHRASE)] }));
    assert.equal(isSealedEntry(findEntry(readKeyring(keyringPathFor(file)), 'admin')!), false);

    const opened = await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle });
    opened.close();
    const upgraded = findEntry(readKeyring(keyringPathFor(file)), 'admin')!;
    assert.ok(isSealedEntry(upgraded), 'the unlock replaced the entry');
    assert.deepEqual(await unwrapDataKey(upgraded, keyring.workspaceId, ADMIN_PASSPHRASE), key, 'same data key');
    (await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle })).close();
  });
});
