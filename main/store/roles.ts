/** Roles are defined with the permission table in the contract; the store keeps them in the users table. */
export type { Role } from '../../preload/contract/permissions.ts';
