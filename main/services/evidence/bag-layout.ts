// What the pack's writer puts in a bag and its verifier expects there, in one place so they cannot drift apart.

/** bagit.txt of a BagIt 1.0 bag (RFC 8493 §2.1.1), byte for byte. */
export const BAG_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** The bag's files outside data/, relative to the bag's folder. */
export const BAG_FILES = {
  declaration: 'bagit.txt',
  bagInfo: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagManifest: 'tagmanifest-sha256.txt',
  publicKey: 'public-key.pem',
  signature: 'signature.ed25519',
} as const;

/** The tag files the signed tag manifest must cover (everything but itself and the signature over it). */
export const SIGNED_TAG_FILES = [BAG_FILES.declaration, BAG_FILES.bagInfo, BAG_FILES.manifest, BAG_FILES.publicKey] as const;

/** bag-info.txt labels the writer adds itself after the caller's, and the verifier requires (each once). */
export const WRITER_LABELS = ['Bagging-Date', 'Payload-Oxum', 'Bag-Size', 'Signing-Key-Fingerprint'] as const;
