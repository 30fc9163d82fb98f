// The artefacts RiskDesk ships (the IFRS 9 parameter set, the case SLA table and playbooks, the fraud rule set, the
// liquidity parameter set) live as JSON in resources/ and are written into a workspace from there, not by a migration:
// once when it is created, and at every unlock for a kind that still has no version (a workspace from before a kind
// shipped a default). A kind that already holds any version is left alone, so seeding never overrides what users have
// done. Each area registers its defaults (shippedDefault); workspace-service.ts lists them all.
import type { z } from 'zod';
import { appendAuditEvent } from '../store/audit.ts';
import { inTransaction, type Db } from '../store/database.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { AuditedEvent } from './lifecycle-service.ts';
import { readResourceJson, resourcesFolder } from './resources-folder.ts';

/** Who the audit trail names for what RiskDesk itself wrote (the parameter sets' schema allows 'system' as author of version 1 only). */
const SYSTEM_ACTOR = 'system';

export interface ShippedDefault {
  /** The file under resources/. */
  readonly file: string;
  /** Whether the workspace holds any version of the kind already. */
  readonly present: (db: Db) => boolean;
  /** Checks the file's content and writes it as the kind's first version; returns the audit event for it. */
  readonly seed: (db: Db, content: unknown, at: string) => AuditedEvent;
}

/** A kind's shipped default, checked against the contract's schema for it before anything is written. */
export function shippedDefault<C>(spec: { file: string; schema: z.ZodType<C>; present: (db: Db) => boolean; seed: (db: Db, content: C, at: string) => AuditedEvent }): ShippedDefault {
  return {
    file: spec.file,
    present: spec.present,
    seed(db, content, at) {
      const parsed = spec.schema.safeParse(content);
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        const where = issue ? `${issue.path.join('.') || '(top level)'}: ${issue.message}` : 'invalid';
        throw new RiskDeskError('FILE_UNREADABLE', `RiskDesk's shipped resources/${spec.file} is not valid (${where}); reinstall RiskDesk.`, { file: spec.file });
      }
      return spec.seed(db, parsed.data, at);
    },
  };
}

/**
 * Seeds every shipped default whose kind is still empty, each with its audit event in one IMMEDIATE transaction.
 * The kind is checked first with a plain read, so that an unlock takes no write lock when there is nothing to seed
 * (another process may be holding it, as a demo run does batch after batch), and again under the lock, so that two
 * processes unlocking the same workspace at once seed it once. Returns the files seeded.
 */
export function seedShippedDefaults(db: Db, now: Date, defaults: readonly ShippedDefault[], folder?: string): string[] {
  const at = now.toISOString();
  const seeded: string[] = [];
  for (const shipped of defaults) {
    if (shipped.present(db)) continue;
    const wrote = inTransaction(db, () => {
      if (shipped.present(db)) return false;
      const event = shipped.seed(db, readResourceJson(shipped.file, folder ?? resourcesFolder()), at);
      appendAuditEvent(db, { actor: SYSTEM_ACTOR, at, ...event });
      return true;
    });
    if (wrote) seeded.push(shipped.file);
  }
  return seeded;
}
