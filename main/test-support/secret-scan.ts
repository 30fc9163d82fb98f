import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One secret and every way it could be written out: as typed, or (for bytes) hex, base64, base64url, and raw in a file. */
export interface Secret {
  readonly name: string;
  readonly texts: readonly string[];
  readonly bytes: readonly Buffer[];
}

export function textSecret(name: string, text: string): Secret {
  // As JSON would write it too, should the text ever hold a character JSON escapes.
  return { name, texts: [...new Set([text, JSON.stringify(text).slice(1, -1)])], bytes: [Buffer.from(text, 'utf8')] };
}

export function bytesSecret(name: string, bytes: Buffer): Secret {
  const hex = bytes.toString('hex');
  return { name, texts: [hex, hex.toUpperCase(), bytes.toString('base64'), bytes.toString('base64url')], bytes: [bytes] };
}

/** An Ed25519 private key: its PKCS#8 DER (which is also its PEM's body) and its 32-byte seed. */
export function privateKeySecrets(name: string, key: KeyObject): Secret[] {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const seed = Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url');
  return [bytesSecret(`${name} (PKCS#8 DER)`, der), bytesSecret(`${name} (seed)`, seed)];
}

/** The names of the secrets found in `text` (as text) or in a file's bytes (in any form). */
export function secretsIn(content: string | Buffer, secrets: readonly Secret[]): string[] {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  return secrets
    .filter((secret) => secret.texts.some((form) => text.includes(form)) || (Buffer.isBuffer(content) && secret.bytes.some((form) => content.includes(form))))
    .map((secret) => secret.name);
}

/** Every regular file under `dir`, at any depth. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
