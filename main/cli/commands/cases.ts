// `riskdesk cases list|show|assign|transition|note`: the case queue and case work from the command line. Every change
// goes through the cases service like the same change on screen (the workflow's table, roles, four eyes, one audit
// event each); its refusals name the case, the move and why, and failure.ts prints them.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AlertFigure } from '../../../preload/contract/alerts.ts';
import {
  CASE_DISPOSITIONS,
  CASE_STATUSES,
  CASE_VIEWS,
  assignCaseSchema,
  caseNoteArgsSchema,
  transitionCaseSchema,
  type Case,
  type CaseDisposition,
  type CaseStatus,
  type CaseView,
} from '../../../preload/contract/cases.ts';
import { addCaseNote, assignCaseTo, caseDetail, caseTimeline, listCases, transitionCase } from '../../services/cases-service.ts';
import { formatTable, type CliIo, type JsonValue } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { usageError } from '../failure.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';
import { addCaseSetCommands } from './case-sets.ts';

/** A case id: a whole number ≥ 1 (commander turns the refusal into a USAGE error naming the argument). */
function caseId(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < 1) {
    throw new InvalidArgumentError(`a case id is a whole number ≥ 1, not "${value.slice(0, 40)}".`);
  }
  return Number(value);
}

/** Checks the arguments against the contract's shape (as the API does), turning the first problem into a USAGE error. */
function checked<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, value: unknown, command: Command, option: (field: string) => string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw usageError(`${option(field)}: ${issue?.message ?? 'invalid'}.`, commandPath(command));
}

const json = (value: unknown): JsonValue => value as JsonValue;

/** `new`, `in_review`, …: the codes --to takes. */
function whereNow(found: Case): string {
  return `Case ${found.caseId} (${found.title}): status ${found.status}${found.disposition === null ? '' : ` (disposition ${found.disposition})`}, assignee ${found.assignee ?? '(none)'}.`;
}

function figureText(figure: AlertFigure): string {
  const extras = [
    figure.previous === undefined ? undefined : `previous ${figure.previous}`,
    figure.threshold === undefined ? undefined : `threshold ${figure.threshold}`,
  ].filter((x) => x !== undefined);
  return `${figure.name}=${figure.value}${figure.unit === undefined ? '' : ` ${figure.unit}`}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** A section: its title, then its lines indented, or "(none)". */
function section(title: string, lines: string[]): string[] {
  return ['', `${title}:`, ...(lines.length === 0 ? ['  (none)'] : lines.map((line) => `  ${line}`))];
}

function showLines(found: Case, timeline: readonly { seq: number; at: string; actor: string; action: string; details: string }[], now: string): string[] {
  const overdue = found.status !== 'closed' && found.dueAt < now;
  const fields: [string, string][] = [
    ['type', found.type],
    ['priority', found.priority],
    ['status', found.status],
    ['assignee', found.assignee ?? '(unassigned)'],
    ['due', `${found.dueAt}${overdue ? ' (overdue)' : ''} (SLA table v${found.slaVersion})`],
    ['created', found.createdAt],
    ['updated', found.updatedAt],
    ['group', found.groupKey ?? '(made by hand)'],
    ['tags', found.tags.length === 0 ? '(none)' : found.tags.join(', ')],
    ['entities', found.entities.length === 0 ? '(none)' : found.entities.map((e) => `${e.type} ${e.id}`).join(', ')],
  ];
  if (found.proposedBy !== null) fields.push(['proposed', `by ${found.proposedBy} at ${found.proposedAt ?? '?'}`]);
  if (found.disposition !== null) fields.push(['disposition', `${found.disposition}${found.dispositionNote === null ? '' : `: ${oneLine(found.dispositionNote)}`}`]);
  if (found.closedBy !== null) fields.push(['closed', `by ${found.closedBy} at ${found.closedAt ?? '?'}`]);
  if (found.mergedInto !== null) fields.push(['merged into', `case ${found.mergedInto}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  return [
    `Case ${found.caseId}: ${found.title}`,
    ...fields.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
    ...section(
      `Alerts (${found.alerts.length})`,
      found.alerts.length === 0
        ? []
        : formatTable(
            ['ID', 'SEVERITY', 'TYPE', 'SUBJECT', 'SCORE', 'STATUS', 'EXPLANATION'],
            found.alerts.map((a) => [
              String(a.alertId),
              a.severity,
              a.type,
              `${a.subject.type} ${a.subject.id}`,
              String(a.score),
              a.status,
              [a.explanation.key, ...a.explanation.figures.map(figureText), ...(a.explanation.note === undefined ? [] : [`note: ${oneLine(a.explanation.note, 80)}`])].join('; '),
            ]),
          ),
    ),
    ...section(
      'Playbook',
      found.steps.length === 0
        ? []
        : formatTable(
            ['ALERT TYPE', '#', 'STEP', 'ROLE', 'DUE', 'DONE'],
            found.steps.map((s) => [
              s.alertType,
              String(s.position),
              s.step,
              s.role,
              s.dueAt,
              s.doneAt !== null ? `done by ${s.doneBy ?? '?'} at ${s.doneAt}` : s.dueAt < now ? 'OVERDUE' : 'open',
            ]),
          ),
    ),
    ...section(
      'Notes',
      found.notes.map((n) => `#${n.noteId} ${n.author} at ${n.at}: ${oneLine(n.markdown)}`),
    ),
    ...section(
      'Actions',
      found.actions.map((a) => `#${a.actionId} ${a.action}${a.subject === null ? '' : ` on ${a.subject.type} ${a.subject.id}`} by ${a.by} at ${a.at}${a.note === '' ? '' : `: ${oneLine(a.note)}`}`),
    ),
    ...section(
      'Attachments',
      found.attachments.length === 0
        ? []
        : formatTable(
            ['ID', 'NAME', 'SIZE', 'SHA256', 'BY', 'AT'],
            found.attachments.map((a) => [String(a.attachmentId), a.name, bytes(a.size), a.sha256, a.addedBy, a.addedAt]),
          ),
    ),
    ...section(
      'Timeline',
      timeline.length === 0 ? [] : formatTable(['SEQ', 'AT', 'ACTOR', 'ACTION', 'DETAILS'], timeline.map((e) => [String(e.seq), e.at, e.actor, e.action, oneLine(e.details, 160)])),
    ),
  ];
}

interface ListFlags extends UnlockFlags {
  view: CaseView;
}

function addListCommand(cases: Command, io: CliIo): void {
  const command = addUnlockOptions(
    cases
      .command('list')
      .description('the case queue in one of its saved views, most urgent first (priority, then due date)')
      .addOption(new Option('--view <view>', 'which cases: open, mine (assigned to the acting user), unassigned, overdue, high_critical (open), or all').choices(CASE_VIEWS).default('open')),
  );
  addExamples(command, ['riskdesk cases list --db risk.rdw --user ana', 'riskdesk cases list --db risk.rdw --user ana --view mine --json']);
  command.action(async (flags: ListFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const rows = await withServiceContext(flags, passphrase, async (ctx) => listCases(ctx, flags.view));
    out.result({ view: flags.view, cases: rows.map((row) => ({ ...row })) }, () =>
      rows.length === 0
        ? [`No cases in the ${flags.view} view.`]
        : formatTable(
            ['ID', 'PRIORITY', 'STATUS', 'ASSIGNEE', 'TYPE', 'TITLE', 'ALERTS', 'DUE'],
            rows.map((c) => [String(c.case_id), c.priority, c.status, c.assignee ?? '-', c.type, c.title, String(c.alert_count), c.due_at]),
          ),
    );
  });
}

function addShowCommand(cases: Command, io: CliIo): void {
  const command = addUnlockOptions(
    cases
      .command('show')
      .description("one case: its fields, alerts with their explanations, playbook steps (done or overdue), notes, actions, attachments and its timeline")
      .argument('<id>', 'the case id', caseId),
  );
  addExamples(command, ['riskdesk cases show 12 --db risk.rdw --user ana', 'riskdesk cases show 12 --db risk.rdw --user ana --json']);
  command.action(async (id: number, flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const { found, timeline, now } = await withServiceContext(flags, passphrase, async (ctx) => ({ found: caseDetail(ctx, id), timeline: caseTimeline(ctx, id), now: ctx.now().toISOString() }));
    out.result({ case: json(found), timeline: json(timeline) }, () => showLines(found, timeline, now));
  });
}

function addAssignCommand(cases: Command, io: CliIo): void {
  const command = addUnlockOptions(
    cases
      .command('assign')
      .description('assign a case to an analyst or compliance user (a new case becomes assigned; later it is handed over)')
      .argument('<id>', 'the case id', caseId)
      .requiredOption('--to <user>', 'the user who works the case'),
  );
  addExamples(command, ['riskdesk cases assign 12 --to ana --db risk.rdw --user ana']);
  command.action(async (id: number, flags: UnlockFlags & { to: string }) => {
    const out = outputFor(io, flags);
    const args = checked(assignCaseSchema, { caseId: id, to: flags.to }, command, () => '--to');
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const found = await withServiceContext(flags, passphrase, async (ctx) => assignCaseTo(ctx, args.caseId, args.to));
    out.result({ case: json(found) }, () => [whereNow(found)]);
  });
}

interface TransitionFlags extends UnlockFlags {
  to: CaseStatus;
  disposition?: CaseDisposition;
  reason?: string;
}

function addTransitionCommand(cases: Command, io: CliIo): void {
  const command = addUnlockOptions(
    cases
      .command('transition')
      .description(
        'move a case along the workflow (new → assigned → in_review → escalated → pending_approval → closed, and reopen); proposing closure needs --disposition, withdrawing it or reopening needs --reason, and a high or critical case is closed by someone other than its proposer',
      )
      .argument('<id>', 'the case id', caseId)
      .addOption(new Option('--to <status>', 'the status to move the case to').choices(CASE_STATUSES).makeOptionMandatory())
      .addOption(new Option('--disposition <code>', 'why the case closes (needed to propose closure: --to pending_approval)').choices(CASE_DISPOSITIONS))
      .option('--reason <text>', 'why (needed to send a case back from pending_approval, or to reopen a closed one)'),
  );
  addExamples(command, [
    'riskdesk cases transition 12 --to in_review --db risk.rdw --user ana',
    'riskdesk cases transition 12 --to pending_approval --disposition false_positive --db risk.rdw --user ana',
    'riskdesk cases transition 12 --to closed --db risk.rdw --user cole --json',
    'riskdesk cases transition 12 --to in_review --reason "New documents arrived" --db risk.rdw --user ana',
  ]);
  command.action(async (id: number, flags: TransitionFlags) => {
    const out = outputFor(io, flags);
    const args = checked(
      transitionCaseSchema,
      { caseId: id, to: flags.to, ...(flags.disposition === undefined ? {} : { disposition: flags.disposition }), ...(flags.reason === undefined ? {} : { reason: flags.reason }) },
      command,
      (field) => `--${field}`,
    );
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const found = await withServiceContext(flags, passphrase, async (ctx) => transitionCase(ctx, args));
    out.result({ case: json(found) }, () => [whereNow(found)]);
  });
}

function addNoteCommand(cases: Command, io: CliIo): void {
  const command = addUnlockOptions(
    cases
      .command('note')
      .description('add a note in Markdown to a case that is not closed (shown without raw HTML on screen)')
      .argument('<id>', 'the case id', caseId)
      .requiredOption('--text <markdown>', 'the note'),
  );
  addExamples(command, ['riskdesk cases note 12 --text "Called the borrower; documents **requested**." --db risk.rdw --user ana']);
  command.action(async (id: number, flags: UnlockFlags & { text: string }) => {
    const out = outputFor(io, flags);
    const args = checked(caseNoteArgsSchema, { caseId: id, markdown: flags.text }, command, () => '--text');
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const found = await withServiceContext(flags, passphrase, async (ctx) => addCaseNote(ctx, args.caseId, args.markdown));
    out.result({ case: json(found) }, () => [`Added note ${found.notes.at(-1)?.noteId ?? '?'} to case ${found.caseId}. ${whereNow(found)}`]);
  });
}

export function addCaseCommands(program: Command, io: CliIo): void {
  const cases = program.command('cases').description('the case queue and case work: list, show, assign, transition, note');
  addExamples(cases, ['riskdesk cases list --db risk.rdw --user ana', 'riskdesk cases show 12 --db risk.rdw --user ana --json']);
  addListCommand(cases, io);
  addShowCommand(cases, io);
  addAssignCommand(cases, io);
  addTransitionCommand(cases, io);
  addNoteCommand(cases, io);
  addCaseSetCommands(cases, io);
}
