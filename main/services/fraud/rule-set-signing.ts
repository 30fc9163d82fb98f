// Signing and checking exported rule set files (preload/contract/fraud-rules.ts, "Signed export files"): Ed25519 over
// the RFC 8785 canonical JSON of the payload, so that the signature does not depend on how the file is laid out, and
// a file whose payload changed by one character is refused. The private key comes in as a KeyObject and goes nowhere.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { RULE_SET_FILE_FORMAT, signedRuleSetFileSchema, type RuleSetFilePayload, type SignedRuleSetFile } from '../../../preload/contract/fraud-rules.ts';
import { validationFailure } from '../validation-failure.ts';

function canonicalBytes(payload: unknown): Buffer {
  const text = canonicalize(payload);
  if (text === undefined) throw new Error('internal: a rule set payload has no canonical JSON');
  return Buffer.from(text, 'utf8');
}

export function signRuleSetFile(payload: RuleSetFilePayload, key: { readonly publicKeyDer: Buffer; readonly privateKey: KeyObject }): SignedRuleSetFile {
  return {
    format: RULE_SET_FILE_FORMAT,
    formatVersion: 1,
    payload,
    signature: { algorithm: 'ed25519', publicKey: key.publicKeyDer.toString('base64'), value: sign(null, canonicalBytes(payload), key.privateKey).toString('base64') },
  };
}

export interface VerifiedRuleSetFile {
  readonly payload: RuleSetFilePayload;
  readonly signerKeyDer: Buffer;
}

const TAMPERED = 'the file was changed after it was exported, or was not signed by the key it names';

/**
 * The payload of an exported file whose signature holds, and the key that made it. Refuses, naming `source`:
 * text that is not JSON (FILE_UNREADABLE), a file of another shape (VALIDATION naming the JSON path), and a signature
 * that does not verify with the key the file names (IMPORT_REJECTED). Whose key it is, is for the caller to judge.
 */
export function verifyRuleSetFile(content: string, source: string): VerifiedRuleSetFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new RiskDeskError('FILE_UNREADABLE', `${source} is not JSON (${(error as Error).message}); export the rule set again.`, { file: source });
  }
  const parsed = signedRuleSetFileSchema.safeParse(json);
  if (!parsed.success) throw validationFailure(`rule set file ${source}`, parsed.error.issues);
  // The signature covers the payload as it is in the file (already checked to hold nothing but the schema's fields).
  const signerKeyDer = Buffer.from(parsed.data.signature.publicKey, 'base64');
  let valid = false;
  try {
    const key = createPublicKey({ key: signerKeyDer, format: 'der', type: 'spki' });
    valid = key.asymmetricKeyType === 'ed25519' && verify(null, canonicalBytes((json as { payload: unknown }).payload), key, Buffer.from(parsed.data.signature.value, 'base64'));
  } catch {
    // Not a public key at all: the same refusal as a signature that does not hold.
  }
  if (!valid) throw new RiskDeskError('IMPORT_REJECTED', `${source} cannot be imported: its signature does not hold (${TAMPERED}).`, { file: source });
  return { payload: parsed.data.payload, signerKeyDer };
}
