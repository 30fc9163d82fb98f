import type { Db } from './database.ts';
import type { Role } from './roles.ts';

export interface UserRow {
  username: string;
  role: Role;
  created_at: string;
  created_by: string;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function findUser(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT username, role, created_at, created_by FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function listUsers(db: Db): UserRow[] {
  return db.prepare('SELECT username, role, created_at, created_by FROM users ORDER BY username').all() as UserRow[];
}

export function insertUser(db: Db, user: UserRow): void {
  db.prepare('INSERT INTO users (username, role, created_at, created_by) VALUES (@username, @role, @created_at, @created_by)').run(user);
}

export function deleteUser(db: Db, username: string): void {
  db.prepare('DELETE FROM users WHERE username = ?').run(username);
}

export function countAdmins(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'admin'`).get() as { n: number }).n;
}
