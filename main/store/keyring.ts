import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.ts';
import { generateUserKeyPair, openSealed, sealTo } from './keyring-seal.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/**
 * The keyring beside a workspace holds one copy of the workspace's random data key per user. The data key itself
 * never touches disk unwrapped. The keyring is not secret, but it is bound to its database: `dbSalt` is the
 * SQLCipher salt that opens the database file (its first 16 bytes), and each entry's GCM tags cover the workspace id
 * and the user name, so entries cannot be moved between users or workspaces.
 *
 * An entry (version 2) holds the user's X25519 key pair, the private key wrapped (AES-256-GCM) under a key derived
 * from the user's passphrase with scrypt, and the data key sealed to the public key (keyring-seal.ts). Sealing needs
 * no passphrase, so an admin can re-key the workspace for every remaining user when one is removed. Version 1 entries
 * wrapped the data key directly under the passphrase; they still open, and are replaced by version 2 entries at the
 * user's next unlock.
 */
const MIN_PASSPHRASE_LENGTH = 12;
const KEYRING_SUFFIX = '.keyring';

/** OWASP's scrypt floor is N=2^17, r=8, p=1; entries weaker than this are refused. */
const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z.number().int().min(SCRYPT_PARAMS.N),
    r: z.number().int().min(SCRYPT_PARAMS.r),
    p: z.number().int().min(SCRYPT_PARAMS.p),
    salt: z.base64(),
  })
  .strict();

const wrappedSchema = { iv: z.base64(), ciphertext: z.base64(), tag: z.base64() };

const legacyEntrySchema = z.object({ username: z.string().min(1), kdf: kdfSchema, ...wrappedSchema }).strict();

const sealedEntrySchema = z
  .object({
    username: z.string().min(1),
    kdf: kdfSchema,
    publicKey: z.base64(),
    privateKey: z.object(wrappedSchema).strict(),
    dataKey: z.object({ ephemeralPublicKey: z.base64(), ...wrappedSchema }).strict(),
  })
  .strict();

const keyringSchema = z.object({
  format: z.literal('riskdesk-keyring'),
  version: z.union([z.literal(1), z.literal(2)]),
  workspaceId: z.uuid(),
  dbSalt: z.string().regex(/^[0-9a-f]{32}$/),
  defaultUser: z.string().min(1),
  entries: z.array(z.union([sealedEntrySchema, legacyEntrySchema])),
});

export type KeyringEntry = z.infer<typeof sealedEntrySchema> | z.infer<typeof legacyEntrySchema>;
export type SealedKeyringEntry = z.infer<typeof sealedEntrySchema>;
export type Keyring = z.infer<typeof keyringSchema>;

export function keyringPathFor(databasePath: string): string {
  return `${databasePath}${KEYRING_SUFFIX}`;
}

export function checkPassphraseStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new RiskDeskError('WEAK_PASSPHRASE', `Passphrases need at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

/** Whether an admin can seal a new data key to this entry's user (a version 2 entry), as a re-key does. */
export function isSealedEntry(entry: KeyringEntry): entry is SealedKeyringEntry {
  return 'publicKey' in entry;
}

function deriveWrappingKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: SCRYPT_MAXMEM }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function entryContext(version: 'v1' | 'v2-private' | 'v2-data', workspaceId: string, username: string): Buffer {
  const label = version === 'v1' ? 'riskdesk-keyring-v1' : `riskdesk-keyring-${version}`;
  return Buffer.from(`${label}\u0000${workspaceId}\u0000${username}`, 'utf8');
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: string; ciphertext: string; tag: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

function decrypt(key: Buffer, wrapped: { iv: string; ciphertext: string; tag: string }, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A new (version 2) entry for `username`: a fresh key pair, its private key wrapped under the passphrase. */
export async function wrapDataKey(dataKey: Buffer, workspaceId: string, username: string, passphrase: string): Promise<SealedKeyringEntry> {
  checkPassphraseStrength(passphrase);
  const salt = randomBytes(16);
  const pair = generateUserKeyPair();
  const wrappingKey = await deriveWrappingKey(passphrase, salt, SCRYPT_PARAMS);
  try {
    return {
      username,
      kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') },
      publicKey: pair.publicKey,
      privateKey: encrypt(wrappingKey, pair.privateKeyDer, entryContext('v2-private', workspaceId, username)),
      dataKey: sealTo(pair.publicKey, dataKey, entryContext('v2-data', workspaceId, username)),
    };
  } finally {
    wrappingKey.fill(0);
    pair.privateKeyDer.fill(0);
  }
}

/** The same user's entry with `dataKey` sealed in place of the old one (a re-key): no passphrase needed. */
export function resealDataKey(entry: SealedKeyringEntry, dataKey: Buffer, workspaceId: string): SealedKeyringEntry {
  return { ...entry, dataKey: sealTo(entry.publicKey, dataKey, entryContext('v2-data', workspaceId, entry.username)) };
}

/** Returns the data key, or null when the passphrase (or the entry) does not authenticate. */
export async function unwrapDataKey(entry: KeyringEntry, workspaceId: string, passphrase: string): Promise<Buffer | null> {
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(entry.kdf.salt, 'base64'), entry.kdf);
  let privateKeyDer: Buffer | null = null;
  try {
    if (!isSealedEntry(entry)) return validDataKey(decrypt(wrappingKey, entry, entryContext('v1', workspaceId, entry.username)));
    privateKeyDer = decrypt(wrappingKey, entry.privateKey, entryContext('v2-private', workspaceId, entry.username));
    if (!privateKeyDer) return null;
    return validDataKey(openSealed(entry.dataKey, entry.publicKey, privateKeyDer, entryContext('v2-data', workspaceId, entry.username)));
  } finally {
    wrappingKey.fill(0);
    privateKeyDer?.fill(0);
  }
}

function validDataKey(key: Buffer | null): Buffer | null {
  if (key?.length === 32) return key;
  key?.fill(0);
  return null;
}

export function readKeyring(keyringPath: string): Keyring {
  let text: string;
  try {
    text = fs.readFileSync(keyringPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new RiskDeskError('KEYRING_MISSING', `The keyring ${keyringPath} is missing: a workspace cannot be unlocked without the keyring file beside it (restore it from a backup).`);
    }
    throw new RiskDeskError('FILE_UNREADABLE', `The keyring ${keyringPath} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RiskDeskError('KEYRING_DAMAGED', `The keyring ${keyringPath} is damaged (not valid JSON).`);
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RiskDeskError('KEYRING_DAMAGED', `The keyring ${keyringPath} is damaged or not a RiskDesk keyring (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid'}).`);
  }
  const names = new Set<string>();
  for (const entry of parsed.data.entries) {
    if (names.has(entry.username)) throw new RiskDeskError('KEYRING_DAMAGED', `The keyring ${keyringPath} is damaged: user ${entry.username} appears twice.`);
    names.add(entry.username);
  }
  return parsed.data;
}

export function writeKeyring(keyringPath: string, keyring: Keyring): void {
  writeFileAtomic(keyringPath, `${JSON.stringify(keyringSchema.parse({ ...keyring, version: 2 }), null, 2)}\n`);
}

export function findEntry(keyring: Keyring, username: string): KeyringEntry | undefined {
  return keyring.entries.find((entry) => entry.username === username);
}
