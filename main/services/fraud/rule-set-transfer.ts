// Rule sets between workspaces: an export is a version signed with this workspace's key (rule-set-signing.ts); an
// import checks the signature, then the rule set as a draft of this workspace, and writes it as a new draft: an
// imported set is reviewed and approved here like any other (four eyes), whoever signed it. Both are audited, the
// import with the signer's fingerprint and whether it is this workspace's own key.
import type { RuleSetVersion } from '../../../preload/contract/fraud-rules.ts';
import { workspacePublicKey, workspaceSigningKey } from '../../store/signing-key.ts';
import type { ServiceContext } from '../context.ts';
import { checkedDocument, insertDocumentDraft } from '../document-set-service.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { RULE_SET_KIND, RULE_SETS, ruleSetVersion } from './rule-sets.ts';
import { keyFingerprint } from '../signing-fingerprint.ts';
import { signRuleSetFile, verifyRuleSetFile } from './rule-set-signing.ts';

/** The name an export of `version` is offered under. */
export function ruleSetFileName(version: number): string {
  return `fraud-rule-set-v${version}.json`;
}

/** The signed file of one version (any status: a draft can be sent for review elsewhere), audited as `fraud.rules.export`. */
export function exportRuleSet(ctx: ServiceContext, version: number): { fileName: string; content: string } {
  const set = ruleSetVersion(ctx, version);
  const file = auditedChange(
    ctx,
    (at) => signRuleSetFile({ version, note: set.note, status: set.status, exportedAt: at, exportedBy: ctx.actor.username, ruleSet: set.ruleSet }, workspaceSigningKey(ctx.workspace.db)),
    (signed) => ({ action: 'fraud.rules.export', subject: RULE_SETS.subject(version), details: { status: set.status, fingerprint: keyFingerprint(Buffer.from(signed.signature.publicKey, 'base64')) } }),
  );
  return { fileName: ruleSetFileName(version), content: `${JSON.stringify(file, null, 2)}\n` };
}

export interface ImportedRuleSet {
  readonly version: RuleSetVersion;
  readonly signer: { readonly fingerprint: string; readonly ownKey: boolean };
}

/**
 * An exported file as a new draft. Refused, with nothing written: text that is not JSON, a file of another shape
 * (naming the JSON path), a signature that does not hold, and rules this workspace's engine does not compile.
 */
export function importRuleSet(ctx: ServiceContext, file: { content: string; fileName?: string; note?: string }): ImportedRuleSet {
  requirePermission(ctx.actor, RULE_SET_KIND.permission);
  const source = file.fileName ?? 'the rule set file';
  const { payload, signerKeyDer } = verifyRuleSetFile(file.content, source);
  const ruleSet = checkedDocument(RULE_SET_KIND, payload.ruleSet, source);
  const signer = { fingerprint: keyFingerprint(signerKeyDer), ownKey: signerKeyDer.equals(workspacePublicKey(ctx.workspace.db)) };
  const note = file.note ?? (payload.note.trim() || `Imported from ${source}`);
  const origin = { version: payload.version, status: payload.status, exportedAt: payload.exportedAt, exportedBy: payload.exportedBy };
  const version = insertDocumentDraft(ctx, RULE_SET_KIND, ruleSet, note, (set) => ({
    action: 'fraud.rules.import',
    subject: RULE_SETS.subject(set.version),
    details: { note, file: file.fileName ?? null, signer, origin, document: ruleSet },
  }));
  return { version, signer };
}
