import { allows, PERMISSIONS, type Permission, type Role } from '../../preload/contract/permissions.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';

export { ROLES, PERMISSIONS, allows, isRole, type Permission, type Role } from '../../preload/contract/permissions.ts';

/** Every service call names its permission and checks it here, in main, whatever the transport. */
export function requirePermission(actor: { username: string; role: Role }, permission: Permission): void {
  if (!allows(actor.role, permission)) {
    throw new RiskDeskError('FORBIDDEN', `${actor.username} (${actor.role}) may not ${permission}; this needs the role ${PERMISSIONS[permission].join(' or ')}.`);
  }
}
