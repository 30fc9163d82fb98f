/** The roles a workspace user can hold; what each may do is the permission table in main/services. */
export const ROLES = ['admin', 'analyst', 'compliance', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
