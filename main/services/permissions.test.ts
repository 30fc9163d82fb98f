import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_MOVES } from '../../preload/contract/case-workflow.ts';
import { allows, PERMISSIONS, requirePermission, ROLES, type Permission } from './permissions.ts';

// Their own passphrase and display settings are not workspace data, so auditors keep those too. Evidence packs and risk
// reports are exports of what is there (a report is kept with its audit event, as an export is recorded); an auditor
// uploads only to have a pack checked.
const READ_OR_EXPORT = new Set<Permission>([
  'workspace.read',
  'audit.verify',
  'audit.export',
  'portfolio.export',
  'users.list',
  'workspace.backup',
  'self.passphrase',
  'self.settings',
  'evidence.export',
  'evidence.verify',
  'reports.generate',
  'files.upload',
]);

describe('permission table', () => {
  it('gives auditors read and export only', () => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => allows('auditor', p));
    assert.deepEqual(granted.filter((p) => !READ_OR_EXPORT.has(p)), []);
  });

  it('reserves user management to admins, rule and parameter sets to compliance, runs to analysts, and cases to those two', () => {
    const holders = (p: Permission) => ROLES.filter((r) => allows(r, p));
    assert.deepEqual(holders('users.manage'), ['admin']);
    assert.deepEqual(holders('rules.edit'), ['compliance']);
    assert.deepEqual(holders('parameters.edit'), ['compliance']);
    assert.deepEqual(holders('runs.start'), ['analyst']);
    // The roles the case workflow's moves are for: the permission table and the workflow's table agree.
    assert.deepEqual(holders('cases.edit'), ['analyst', 'compliance']);
    assert.deepEqual(holders('cases.edit'), [...new Set(CASE_MOVES.flatMap((m) => m.roles))].sort());
    assert.deepEqual(holders('workspace.read'), [...ROLES]);
    assert.deepEqual(holders('evidence.export'), ['admin', 'auditor']);
    assert.deepEqual(holders('reports.schedule'), ['compliance']);
  });

  it('refuses with a message naming the user, the permission and who may', () => {
    assert.throws(() => requirePermission({ username: 'ana', role: 'analyst' }, 'users.manage'), (e: Error & { code?: string }) => e.code === 'FORBIDDEN' && /ana \(analyst\) may not users\.manage.*admin/.test(e.message));
    assert.doesNotThrow(() => requirePermission({ username: 'root', role: 'admin' }, 'users.manage'));
  });
});
