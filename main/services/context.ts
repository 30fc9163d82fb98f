import type { Db } from '../store/database.ts';
import type { Role } from './permissions.ts';

export interface Actor {
  readonly username: string;
  readonly role: Role;
}

/**
 * What every service call runs with: the unlocked workspace's writable connection (main is the only
 * writer), who is acting (checked against the permission table by each service), and the clock.
 */
export interface ServiceContext {
  readonly db: Db;
  readonly workspacePath: string;
  readonly actor: Actor;
  now(): Date;
}
