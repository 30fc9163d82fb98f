// `list`, `show` and `draft` for any versioned document set (fraud rule sets, liquidity parameter sets): one shape of
// command for every kind, each check the service's, as on screen. The lifecycle steps are lifecycle-commands.ts's.
import type { Command } from 'commander';
import type { LifecycleFields } from '../../preload/contract/lifecycle.ts';
import type { ServiceContext } from '../services/context.ts';
import { documentInFile } from '../services/document-set-service.ts';
import { formatTable, type CliIo, type JsonValue } from './cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, wholeNumber, type UnlockFlags } from './command-options.ts';
import { usageError } from './failure.ts';
import { readJson } from './input-files.ts';
import { actingPassphrase, withServiceContext } from './workspace-session.ts';

interface Versioned extends LifecycleFields {
  readonly version: number;
  readonly note: string;
}

export interface DocumentSetCommandsSpec<T extends Versioned> {
  /** How help texts name one version, e.g. `rule set`. */
  readonly noun: string;
  /** How the saved message names the kind, e.g. `Fraud rule set`. */
  readonly title: string;
  /** The key a file holds the document under beside its note, e.g. `ruleSet`. */
  readonly documentKey: string;
  /** A column of `list` that sums up each version's content, e.g. its number of rules. */
  readonly sizeColumn: { readonly header: string; readonly of: (version: T) => number };
  readonly list: (ctx: ServiceContext) => T[];
  readonly show: (ctx: ServiceContext, version: number) => T;
  readonly showLines: (version: T) => string[];
  readonly showDescription: string;
  readonly save: (ctx: ServiceContext, content: unknown, note: string, source: string) => T;
  readonly draftExample: string;
}

const json = (value: unknown): JsonValue => value as JsonValue;

/** A note as a table cell: its first 60 characters (`show` prints it whole). */
function shortNote(note: string): string {
  return note.length <= 60 ? note : `${note.slice(0, 59)}…`;
}

export function addDocumentSetCommands<T extends Versioned>(parent: Command, io: CliIo, spec: DocumentSetCommandsSpec<T>): void {
  const list = addUnlockOptions(parent.command('list').description(`${spec.noun} versions, newest first, with their status and who did what`));
  addExamples(list, [`${commandPath(list)} --db risk.rdw`]);
  list.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(list));
    const versions = await withServiceContext(flags, passphrase, async (ctx) => spec.list(ctx));
    out.result({ versions: json(versions) }, () =>
      formatTable(
        ['version', 'status', spec.sizeColumn.header, 'note', 'author', 'submitted by', 'approved by', 'activated'],
        versions.map((v) => [String(v.version), v.status, String(spec.sizeColumn.of(v)), shortNote(v.note), v.createdBy, v.submittedBy ?? '', v.approvedBy ?? '', v.activatedAt ?? '']),
      ),
    );
  });

  const show = addUnlockOptions(parent.command('show').argument('<version>', 'the version', wholeNumber('<version>')).description(spec.showDescription));
  addExamples(show, [`${commandPath(show)} 2 --db risk.rdw --json`]);
  show.action(async (version: number, flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(show));
    const set = await withServiceContext(flags, passphrase, async (ctx) => spec.show(ctx, version));
    out.result({ version: json(set) }, () => spec.showLines(set));
  });

  const draft = addUnlockOptions(
    parent
      .command('draft')
      .description(`save a new draft ${spec.noun} from a JSON file (then submit it for a second person to approve)`)
      .requiredOption('--file <path>', `the ${spec.noun} as JSON ({"note", "${spec.documentKey}"} as resources/ ships it, or the ${spec.noun} alone)`)
      .option('--note <text>', 'what changed and why (default: the "note" in the file)'),
  );
  addExamples(draft, [spec.draftExample]);
  draft.action(async (flags: UnlockFlags & { file: string; note?: string }) => {
    const out = outputFor(io, flags);
    const file = documentInFile(readJson(flags.file), spec.documentKey);
    const note = flags.note ?? file.note;
    if (note === undefined || note.trim() === '') throw usageError(`Say what changed: --note, or a "note" in ${flags.file}.`, commandPath(draft));
    const passphrase = await actingPassphrase(out, flags, commandPath(draft));
    const saved = await withServiceContext(flags, passphrase, async (ctx) => spec.save(ctx, file.document, note, flags.file));
    out.result({ version: json(saved) }, () => [`${spec.title} version ${saved.version} is saved as a draft; submit it for review.`]);
  });
}
