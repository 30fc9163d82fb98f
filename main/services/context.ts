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
  /**
   * Where an engine worker opens its own read-only connection. The key stays inside this process and its
   * worker threads; never serialise it, log it or hand it to the renderer.
   */
  readerSpec(): { path: string; key: Buffer };
}

/** The context for calls made by the user who unlocked `workspace`. */
export function contextFor(workspace: { db: Db; path: string; user: Actor; readerSpec(): { path: string; key: Buffer } }, now: () => Date = () => new Date()): ServiceContext {
  return { db: workspace.db, workspacePath: workspace.path, actor: workspace.user, now, readerSpec: () => workspace.readerSpec() };
}
