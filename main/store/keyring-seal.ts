import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing to a user's public key (X25519, HKDF-SHA256, AES-256-GCM; the ECIES pattern of RFC 9180 in its simplest
 * form): anyone holding the keyring can seal a new data key for a user without that user's passphrase, and only the
 * user's private key, itself wrapped under their passphrase, opens it. This is what lets an admin re-key the
 * workspace for every remaining user at once.
 */
export interface Sealed {
  ephemeralPublicKey: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface UserKeyPair {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER: wrap it before it goes anywhere. */
  privateKeyDer: Buffer;
}

export function generateUserKeyPair(): UserKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

function sealingKey(shared: Buffer, ephemeralPublicKey: string, recipientPublicKey: string, context: Buffer): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeralPublicKey, 'base64'), Buffer.from(recipientPublicKey, 'base64')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, context, 32));
}

/** Seals `secret` to `recipientPublicKey`; `context` (workspace and user) is bound into the key and the GCM tag. */
export function sealTo(recipientPublicKey: string, secret: Buffer, context: Buffer): Sealed {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const recipient = createPublicKey({ key: Buffer.from(recipientPublicKey, 'base64'), format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const key = sealingKey(shared, ephemeralPublicKey, recipientPublicKey, context);
  shared.fill(0);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(context);
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  key.fill(0);
  return { ephemeralPublicKey, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Opens what `sealTo` sealed, or returns null when the key, the context or the sealed bytes do not authenticate. */
export function openSealed(sealed: Sealed, recipientPublicKey: string, privateKeyDer: Buffer, context: Buffer): Buffer | null {
  let key: Buffer | undefined;
  try {
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const ephemeral = createPublicKey({ key: Buffer.from(sealed.ephemeralPublicKey, 'base64'), format: 'der', type: 'spki' });
    const shared = diffieHellman({ privateKey, publicKey: ephemeral });
    key = sealingKey(shared, sealed.ephemeralPublicKey, recipientPublicKey, context);
    shared.fill(0);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(context);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    key?.fill(0);
  }
}
