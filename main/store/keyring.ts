import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/**
 * The keyring beside a workspace holds one copy of the workspace's random data key per user, each wrapped
 * (AES-256-GCM) under a key derived from that user's passphrase with scrypt. The data key itself never
 * touches disk unwrapped. The keyring is not secret, but it is bound to its database: `dbSalt` is the
 * SQLCipher salt that opens the database file (its first 16 bytes), and each entry's GCM tag covers the
 * workspace id and the user name, so entries cannot be moved between users or workspaces.
 */
const MIN_PASSPHRASE_LENGTH = 12;
const KEYRING_SUFFIX = '.keyring';

/** OWASP's scrypt floor is N=2^17, r=8, p=1; entries weaker than this are refused. */
const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

const entrySchema = z.object({
  username: z.string().min(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(SCRYPT_PARAMS.N),
    r: z.number().int().min(SCRYPT_PARAMS.r),
    p: z.number().int().min(SCRYPT_PARAMS.p),
    salt: z.base64(),
  }),
  iv: z.base64(),
  ciphertext: z.base64(),
  tag: z.base64(),
});

const keyringSchema = z.object({
  format: z.literal('riskdesk-keyring'),
  version: z.literal(1),
  workspaceId: z.uuid(),
  dbSalt: z.string().regex(/^[0-9a-f]{32}$/),
  defaultUser: z.string().min(1),
  entries: z.array(entrySchema),
});

export type KeyringEntry = z.infer<typeof entrySchema>;
export type Keyring = z.infer<typeof keyringSchema>;

export function keyringPathFor(databasePath: string): string {
  return `${databasePath}${KEYRING_SUFFIX}`;
}

export function checkPassphraseStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new RiskDeskError('WEAK_PASSPHRASE', `Passphrases need at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

function deriveWrappingKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: SCRYPT_MAXMEM }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function entryAad(workspaceId: string, username: string): Buffer {
  return Buffer.from(`riskdesk-keyring-v1\u0000${workspaceId}\u0000${username}`, 'utf8');
}

export async function wrapDataKey(dataKey: Buffer, workspaceId: string, username: string, passphrase: string): Promise<KeyringEntry> {
  checkPassphraseStrength(passphrase);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = await deriveWrappingKey(passphrase, salt, SCRYPT_PARAMS);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(entryAad(workspaceId, username));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  wrappingKey.fill(0);
  return {
    username,
    kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when the passphrase (or the entry) does not authenticate. */
export async function unwrapDataKey(entry: KeyringEntry, workspaceId: string, passphrase: string): Promise<Buffer | null> {
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(entry.kdf.salt, 'base64'), entry.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(entryAad(workspaceId, entry.username));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(entry.ciphertext, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
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
  writeFileAtomic(keyringPath, `${JSON.stringify(keyringSchema.parse(keyring), null, 2)}\n`);
}

export function findEntry(keyring: Keyring, username: string): KeyringEntry | undefined {
  return keyring.entries.find((entry) => entry.username === username);
}
