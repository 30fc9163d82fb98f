import { RiskDeskError } from '../store/errors.ts';
import type { Role } from '../store/roles.ts';

export { ROLES, isRole, type Role } from '../store/roles.ts';

/**
 * The one permission table. Every service call names its permission and `requirePermission` checks it in
 * main, whatever the transport (CLI, IPC, browser host). Auditors read and export; compliance owns rule and
 * parameter sets; analysts run engines, import data and work cases; admins manage users and the workspace.
 */
export const PERMISSIONS = {
  'workspace.read': ['admin', 'analyst', 'compliance', 'auditor'],
  'audit.verify': ['admin', 'analyst', 'compliance', 'auditor'],
  'audit.export': ['admin', 'auditor'],
  'users.list': ['admin', 'auditor'],
  'users.manage': ['admin'],
  'self.passphrase': ['admin', 'analyst', 'compliance', 'auditor'],
  'workspace.backup': ['admin', 'auditor'],
  'workspace.restore': ['admin'],
  'data.import': ['admin', 'analyst'],
  'data.demo': ['admin', 'analyst'],
  'runs.start': ['analyst'],
  'cases.edit': ['analyst'],
  'rules.edit': ['compliance'],
  'parameters.edit': ['compliance'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function requirePermission(actor: { username: string; role: Role }, permission: Permission): void {
  if (!allows(actor.role, permission)) {
    throw new RiskDeskError('FORBIDDEN', `${actor.username} (${actor.role}) may not ${permission}; this needs the role ${PERMISSIONS[permission].join(' or ')}.`);
  }
}
