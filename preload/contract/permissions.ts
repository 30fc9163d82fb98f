/**
 * The one permission table (roles and what each may do). It lives in the contract so that every transport
 * and the renderer see the same table, but it is enforced only in main: every service call checks it there.
 * Auditors read and export; compliance owns rule and parameter sets; analysts run engines, import data and
 * work cases; admins manage users and the workspace.
 */
export const ROLES = ['admin', 'analyst', 'compliance', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'workspace.read': ['admin', 'analyst', 'compliance', 'auditor'],
  'audit.verify': ['admin', 'analyst', 'compliance', 'auditor'],
  'audit.export': ['admin', 'auditor'],
  'portfolio.export': ['admin', 'analyst', 'compliance', 'auditor'],
  'users.list': ['admin', 'auditor'],
  'users.manage': ['admin'],
  'self.passphrase': ['admin', 'analyst', 'compliance', 'auditor'],
  'self.settings': ['admin', 'analyst', 'compliance', 'auditor'],
  'workspace.backup': ['admin', 'auditor'],
  'workspace.restore': ['admin'],
  'data.import': ['admin', 'analyst'],
  /** Sending a file from the page to main: for an import, to attach to a case, or an evidence pack to verify. */
  'files.upload': ['admin', 'analyst', 'compliance', 'auditor'],
  'data.demo': ['admin', 'analyst'],
  'runs.start': ['analyst'],
  /** Scorecard development and saving drafts; approval and activation are a second person's (four eyes). */
  'models.develop': ['analyst'],
  'models.approve': ['compliance'],
  /** Working cases (case-workflow.ts's table says which moves each role makes). */
  'cases.edit': ['analyst', 'compliance'],
  /** A manual alert on any subject; engines raise theirs in their runs. */
  'alerts.raise': ['admin', 'analyst', 'compliance'],
  'rules.edit': ['compliance'],
  /** Running a rule set version or draft over past transactions (nothing is flagged): its authors and the analysts. */
  'rules.backtest': ['analyst', 'compliance'],
  'parameters.edit': ['compliance'],
  /** Evidence packs: auditors (and admins) take the workspace's evidence out, signed; anyone may check a pack. */
  'evidence.export': ['admin', 'auditor'],
  'evidence.verify': ['admin', 'analyst', 'compliance', 'auditor'],
  /** Risk reports: anyone may make one for a period; compliance sets the schedule. */
  'reports.generate': ['admin', 'analyst', 'compliance', 'auditor'],
  'reports.schedule': ['compliance'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
