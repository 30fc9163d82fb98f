// `riskdesk cases sla|playbooks list|draft|submit|approve|reject|activate`: the versioned SLA tables and response
// playbooks cases are worked by. A draft is written from a JSON file (the document, as resources/ ships it under
// "document"), checked by the service against the contract's schema; the steps are the shared lifecycle commands.
import type { Command } from 'commander';
import type { PlaybookSet, SlaTable } from '../../../preload/contract/cases.ts';
import type { LifecycleFields } from '../../../preload/contract/lifecycle.ts';
import { listPlaybookSets, listSlaTables, PLAYBOOK_SETS, saveDraftPlaybookSet, saveDraftSlaTable, SLA_TABLES } from '../../services/case-artefacts.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ServiceArtefact } from '../../services/lifecycle-service.ts';
import { formatTable, type CliIo, type JsonValue } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { readJson } from '../input-files.ts';
import { addLifecycleCommands } from '../lifecycle-commands.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

interface DocumentSetCommandsSpec<T extends LifecycleFields & { version: number; note: string }> {
  readonly name: string;
  readonly noun: string;
  readonly artefact: ServiceArtefact<T>;
  readonly list: (ctx: ServiceContext) => T[];
  readonly saveDraft: (ctx: ServiceContext, content: unknown, note: string, source?: string) => T;
  readonly role: string;
}

/** The document of a file that holds one as resources/ ships it (`{ "note": …, "document": … }`), or the document itself. */
function documentIn(content: unknown): unknown {
  return typeof content === 'object' && content !== null && 'document' in content ? (content as { document: unknown }).document : content;
}

function addDocumentSetCommands<T extends LifecycleFields & { version: number; note: string }>(cases: Command, io: CliIo, spec: DocumentSetCommandsSpec<T>): void {
  const parent = cases.command(spec.name).description(`${spec.noun} versions: list, draft from a JSON file, submit, approve (four eyes), reject, activate`);
  const list = addUnlockOptions(parent.command('list').description(`${spec.noun} versions, newest first, with their status and who did what`));
  list.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(list));
    const versions = await withServiceContext(flags, passphrase, async (ctx) => spec.list(ctx));
    out.result({ versions: versions as unknown as JsonValue }, () =>
      formatTable(
        ['version', 'status', 'note', 'author', 'submitted by', 'approved by', 'activated'],
        versions.map((v) => [String(v.version), v.status, v.note, v.createdBy, v.submittedBy ?? '', v.approvedBy ?? '', v.activatedAt ?? '']),
      ),
    );
  });
  const draft = addUnlockOptions(
    parent
      .command('draft')
      .description(`save a new draft ${spec.noun} from a JSON file (then submit it for a second person to approve)`)
      .requiredOption('--file <path>', 'the JSON document (as resources/ ships it, or its "document" alone)')
      .requiredOption('--note <text>', 'what changed and why'),
  );
  addExamples(draft, [`${commandPath(draft)} --file ${spec.name}.json --note "Shorter SLA for critical fraud" --db risk.rdw --user ${spec.role}`]);
  draft.action(async (flags: UnlockFlags & { file: string; note: string }) => {
    const out = outputFor(io, flags);
    const content = documentIn(readJson(flags.file));
    const passphrase = await actingPassphrase(out, flags, commandPath(draft));
    const saved = await withServiceContext(flags, passphrase, async (ctx) => spec.saveDraft(ctx, content, flags.note, flags.file));
    out.result({ version: saved as unknown as JsonValue }, () => [`${spec.noun} version ${saved.version} is saved as a draft; submit it for review.`]);
  });
  addLifecycleCommands(parent, io, { artefact: spec.artefact, noun: spec.noun, jsonKey: 'version', done: (v) => `${spec.noun} version ${v.version} is now ${v.status}.` });
}

export function addCaseSetCommands(cases: Command, io: CliIo): void {
  addDocumentSetCommands<SlaTable>(cases, io, { name: 'sla', noun: 'SLA table', artefact: SLA_TABLES, list: listSlaTables, saveDraft: saveDraftSlaTable, role: 'compliance' });
  addDocumentSetCommands<PlaybookSet>(cases, io, { name: 'playbooks', noun: 'playbook set', artefact: PLAYBOOK_SETS, list: listPlaybookSets, saveDraft: saveDraftPlaybookSet, role: 'compliance' });
}
