import { createHash } from 'node:crypto';

/**
 * How people compare the workspace's signing keys (on exported rule sets and evidence packs): the first 16 hex
 * digits of the SHA-256 of the public key (SPKI DER).
 */
export function keyFingerprint(publicKeyDer: Buffer): string {
  return createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 16);
}
