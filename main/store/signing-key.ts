import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { Db } from './database.ts';

/**
 * The workspace's Ed25519 key pair (migration 130 makes it, one per workspace). The public half as SPKI DER, which
 * exported files carry; the private half only as a KeyObject, which prints as no key material, so that it cannot
 * end up in a log or a message by accident. Services sign with it and never return it.
 */
export interface WorkspaceSigningKey {
  readonly publicKeyDer: Buffer;
  readonly privateKey: KeyObject;
}

function row(db: Db, columns: string): Record<string, Buffer> {
  const found = db.prepare(`SELECT ${columns} FROM workspace_signing_key WHERE id = 1`).get() as Record<string, Buffer> | undefined;
  if (found === undefined) throw new Error('internal: this workspace has no signing key (migration 130 makes one)');
  return found;
}

export function workspacePublicKey(db: Db): Buffer {
  return row(db, 'public_key').public_key!;
}

export function workspaceSigningKey(db: Db): WorkspaceSigningKey {
  const { public_key: publicKeyDer, private_key: privateDer } = row(db, 'public_key, private_key');
  return { publicKeyDer: publicKeyDer!, privateKey: createPrivateKey({ key: privateDer!, format: 'der', type: 'pkcs8' }) };
}
