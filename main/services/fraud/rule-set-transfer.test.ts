// Exported rule set files between real encrypted databases (each with its own signing key): a round trip becomes a
// draft with its signer audited, and every kind of bad file is refused with nothing written.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import canonicalize from 'canonicalize';
import type { RuleSet, SignedRuleSetFile } from '../../../preload/contract/fraud-rules.ts';
import type { Role } from '../../../preload/contract/permissions.ts';
import { workspacePublicKey } from '../../store/signing-key.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import type { ServiceContext } from '../context.ts';
import { takeLifecycleStep } from '../lifecycle-service.ts';
import { exportRuleSet, importRuleSet } from './rule-set-transfer.ts';
import { keyFingerprint } from '../signing-fingerprint.ts';
import { listRuleSets, RULE_SETS, saveDraftRuleSet } from './rule-sets.ts';

const NOW = new Date('2026-12-04T09:00:00.000Z');
const RULES: RuleSet = {
  rules: [{ id: 'velocity', description: 'Many payments in an hour', expression: 'account_count_1h > 5', score: 40, action: 'review', enabled: true }],
  thresholds: { review: 40, block: 100 },
};

describe('exporting and importing signed rule set files', () => {
  let home: TempDatabase;
  let away: TempDatabase;
  let exported: { fileName: string; content: string };
  const as = (temp: TempDatabase, username: string, role: Role): ServiceContext => databaseContext(temp, { username, role }, { now: () => NOW });
  const counts = (temp: TempDatabase) => ({
    versions: temp.db.prepare('SELECT count(*) FROM fraud_rule_sets').pluck().get(),
    events: temp.db.prepare('SELECT count(*) FROM audit_events').pluck().get(),
  });
  const file = (): SignedRuleSetFile => JSON.parse(exported.content) as SignedRuleSetFile;

  before(() => {
    home = createTempDatabase('riskdesk-rules-home-');
    away = createTempDatabase('riskdesk-rules-away-');
    const { version } = saveDraftRuleSet(as(home, 'cole', 'compliance'), RULES, 'velocity only');
    takeLifecycleStep(as(home, 'cole', 'compliance'), RULE_SETS, 'submit', version);
    exported = exportRuleSet(as(home, 'audrey', 'auditor'), version);
  });
  after(() => {
    home.dispose();
    away.dispose();
  });

  it('exports a version as a signed file, audited with the key fingerprint', () => {
    const signed = file();
    assert.equal(exported.fileName, 'fraud-rule-set-v2.json');
    assert.deepEqual([signed.format, signed.formatVersion, signed.signature.algorithm], ['riskdesk.fraud-rule-set', 1, 'ed25519']);
    assert.deepEqual(signed.payload, { version: 2, note: 'velocity only', status: 'submitted', exportedAt: NOW.toISOString(), exportedBy: 'audrey', ruleSet: RULES });
    assert.deepEqual(Buffer.from(signed.signature.publicKey, 'base64'), workspacePublicKey(home.db));
    assert.doesNotMatch(exported.content, /PRIVATE/);
    const event = home.db.prepare(`SELECT actor, subject, details FROM audit_events WHERE action = 'fraud.rules.export'`).get() as { actor: string; subject: string; details: string };
    assert.deepEqual({ ...event, details: JSON.parse(event.details) as unknown }, { actor: 'audrey', subject: 'fraud rule set v2', details: { status: 'submitted', fingerprint: keyFingerprint(workspacePublicKey(home.db)) } });
  });

  it('imports into another workspace as a new draft, naming the signer as not its own key; four eyes still apply', () => {
    const cara = as(away, 'cara', 'compliance');
    const imported = importRuleSet(cara, { content: exported.content, fileName: exported.fileName });
    const fingerprint = keyFingerprint(workspacePublicKey(home.db));
    assert.match(fingerprint, /^[0-9a-f]{16}$/);
    assert.deepEqual(imported.signer, { fingerprint, ownKey: false });
    assert.deepEqual([imported.version.version, imported.version.status, imported.version.createdBy, imported.version.note, imported.version.ruleSet], [2, 'draft', 'cara', 'velocity only', RULES]);
    const event = away.db.prepare(`SELECT actor, subject, details FROM audit_events WHERE action = 'fraud.rules.import'`).get() as { actor: string; subject: string; details: string };
    assert.deepEqual({ ...event, details: JSON.parse(event.details) as unknown }, {
      actor: 'cara',
      subject: 'fraud rule set v2',
      details: { note: 'velocity only', file: 'fraud-rule-set-v2.json', signer: { fingerprint, ownKey: false }, origin: { version: 2, status: 'submitted', exportedAt: NOW.toISOString(), exportedBy: 'audrey' }, document: RULES },
    });
    takeLifecycleStep(cara, RULE_SETS, 'submit', 2);
    assert.throws(() => takeLifecycleStep(cara, RULE_SETS, 'approve', 2, 'imported by me'), (error: Error & { code?: string }) => error.code === 'FOUR_EYES');
  });

  it("knows this workspace's own key, and takes the note given", () => {
    const imported = importRuleSet(as(home, 'cara', 'compliance'), { content: exported.content, note: 'back from review' });
    assert.deepEqual([imported.signer.ownKey, imported.version.note, imported.version.status], [true, 'back from review', 'draft']);
  });

  it('refuses every bad file with a message that says what is wrong, and writes nothing', () => {
    const cara = as(away, 'cara', 'compliance');
    const before = counts(away);
    const refuses = (content: string, code: string, message: RegExp) =>
      assert.throws(
        () => importRuleSet(cara, { content, fileName: 'rules.json' }),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, code, error.message);
          assert.match(error.message, message);
          return true;
        },
      );
    const edited = (change: (signed: SignedRuleSetFile) => unknown) => JSON.stringify(change(file()));
    const BAD_SIGNATURE = /^rules\.json cannot be imported: its signature does not hold \(the file was changed after it was exported, or was not signed by the key it names\)\.$/;

    refuses('{"format": "riskdesk.fraud-rule-set",', 'FILE_UNREADABLE', /^rules\.json is not JSON/);
    refuses(edited((s) => ({ ...s, payload: { ...s.payload, ruleSet: { ...s.payload.ruleSet, thresholds: { review: 'high', block: 100 } } } })), 'VALIDATION', /^Invalid rule set file rules\.json: payload\.ruleSet\.thresholds\.review: /);
    refuses(edited((s) => ({ ...s, formatVersion: 2 })), 'VALIDATION', /formatVersion/);
    refuses(edited(({ signature: _signature, ...rest }) => rest), 'VALIDATION', /: signature: /);

    // Tampered: a raised threshold, the signature left as it was.
    refuses(edited((s) => ({ ...s, payload: { ...s.payload, ruleSet: { ...s.payload.ruleSet, thresholds: { review: 40, block: 1000 } } } })), 'IMPORT_REJECTED', BAD_SIGNATURE);
    // A signature by another key over this payload, the file still naming the exporter's key.
    const other = generateKeyPairSync('ed25519');
    const otherSignature = sign(null, Buffer.from(canonicalize(file().payload) ?? ''), other.privateKey).toString('base64');
    refuses(edited((s) => ({ ...s, signature: { ...s.signature, value: otherSignature } })), 'IMPORT_REJECTED', BAD_SIGNATURE);
    // The exporter's signature, the file naming another key (as if to pass the set off as someone else's).
    refuses(edited((s) => ({ ...s, signature: { ...s.signature, publicKey: other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64') } })), 'IMPORT_REJECTED', BAD_SIGNATURE);
    // A key that is not a key.
    refuses(edited((s) => ({ ...s, signature: { ...s.signature, publicKey: Buffer.from('not a key').toString('base64') } })), 'IMPORT_REJECTED', BAD_SIGNATURE);

    // Signed properly, by a key of its own, but with a rule this engine does not compile.
    const uncompilable = { ...file().payload, ruleSet: { ...RULES, rules: [{ ...RULES.rules[0]!, expression: 'account_count_1h > 5 &&' }] } };
    const forged: SignedRuleSetFile = {
      ...file(),
      payload: uncompilable,
      signature: { algorithm: 'ed25519', publicKey: other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), value: sign(null, Buffer.from(canonicalize(uncompilable) ?? ''), other.privateKey).toString('base64') },
    };
    refuses(JSON.stringify(forged), 'VALIDATION', /^Invalid rule set in rules\.json: Rule 'velocity': Line 1, column \d+: /);

    assert.deepEqual(counts(away), before);
    assert.deepEqual(listRuleSets(cara).map((v) => v.version), [2, 1]);
  });

  it('lets only compliance import', () => {
    for (const [username, role] of [['ana', 'analyst'], ['audrey', 'auditor'], ['admin', 'admin']] as const) {
      assert.throws(() => importRuleSet(as(away, username, role), { content: exported.content }), (error: Error & { code?: string }) => error.code === 'FORBIDDEN', role);
    }
  });
});
