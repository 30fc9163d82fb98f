// The services' side of document sets (store/document-sets.ts): saving a checked draft and seeding the shipped version
// 1, alike for every kind whose content is one JSON document (SLA tables, playbooks, fraud rule sets, liquidity
// parameter sets).
import type { z } from 'zod';
import type { Permission } from '../../preload/contract/permissions.ts';
import type { DocumentSetStore } from '../store/document-sets.ts';
import type { ServiceContext } from './context.ts';
import { auditedChange, type AuditedEvent, type ServiceArtefact } from './lifecycle-service.ts';
import { requirePermission } from './permissions.ts';
import { shippedDefault } from './shipped-defaults.ts';
import { validationFailure } from './validation-failure.ts';

type ArtefactNames = Pick<ServiceArtefact<never>, 'action' | 'subject'>;

/** A kind of document set as services write it. */
export interface DocumentKind<D, R extends { version: number }> {
  readonly store: DocumentSetStore<R>;
  readonly artefact: ArtefactNames;
  /** Needed to write a draft. */
  readonly permission: Permission;
  readonly schema: z.ZodType<D>;
  /** How messages name the document, e.g. `SLA table`. */
  readonly what: string;
  /**
   * What the schema cannot check (a rule set's expressions compile): throws VALIDATION naming each problem. Runs on
   * every draft, whatever the front end.
   */
  readonly check?: (document: D, what: string) => void;
}

/** The document checked against the kind's schema and its own check: VALIDATION naming the field and `source` (e.g. the file it came from). */
export function checkedDocument<D, R extends { version: number }>(kind: DocumentKind<D, R>, content: unknown, source?: string): D {
  const what = source === undefined ? kind.what : `${kind.what} in ${source}`;
  const parsed = kind.schema.safeParse(content);
  if (!parsed.success) throw validationFailure(what, parsed.error.issues);
  kind.check?.(parsed.data, what);
  return parsed.data;
}

/** A checked document written as a new draft with its audit event: `<action>.draft` unless the caller says otherwise (an import). */
export function insertDocumentDraft<D, R extends { version: number }>(
  ctx: ServiceContext,
  kind: DocumentKind<D, R>,
  document: D,
  note: string,
  event: (set: R) => AuditedEvent = (set) => ({ action: `${kind.artefact.action}.draft`, subject: kind.artefact.subject(set.version), details: { note, document } }),
): R {
  return auditedChange(ctx, (at) => kind.store.insertDraft(ctx.workspace.db, { document, note, createdBy: ctx.actor.username, at }), event);
}

/** Saving a new draft of a kind: its edit permission, the document checked (checkedDocument), and the draft with its audit event. */
export function draftSaver<D, R extends { version: number }>(kind: DocumentKind<D, R>) {
  return (ctx: ServiceContext, content: unknown, note: string, source?: string): R => {
    requirePermission(ctx.actor, kind.permission);
    return insertDocumentDraft(ctx, kind, checkedDocument(kind, content, source), note);
  };
}

/**
 * Version 1 of a document set, from its file under resources/, seeded with its audit event (`<action>.seed`). The
 * schema reads the file as `{ note, document }` (a kind whose file names its document otherwise transforms it).
 */
export function shippedDocumentSet<D, R extends { version: number }>(
  file: string,
  schema: z.ZodType<{ note: string; document: D }>,
  store: DocumentSetStore<R>,
  artefact: ArtefactNames,
) {
  return shippedDefault({
    file,
    schema,
    present: (db) => store.lifecycle.hasVersions(db),
    seed: (db, shipped, at) => {
      const set = store.insertShipped(db, { ...shipped, at });
      return { action: `${artefact.action}.seed`, subject: artefact.subject(set.version), details: { note: shipped.note, document: shipped.document, file } };
    },
  });
}

/**
 * A document set file's content: `{ "note": …, "<key>": … }` as resources/ ships it and exports write it, or the
 * document alone (no note then).
 */
export function documentInFile(content: unknown, key: string): { document: unknown; note: string | undefined } {
  if (typeof content !== 'object' || content === null || !(key in content)) return { document: content, note: undefined };
  const { [key]: document, note } = content as Record<string, unknown>;
  return { document, note: typeof note === 'string' ? note : undefined };
}
