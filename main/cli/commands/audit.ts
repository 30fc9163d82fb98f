import { InvalidArgumentError, type Command } from 'commander';
import { timeZoneSchema, type AuditExportArgs } from '../../../preload/contract/audit-trail.ts';
import type { GridQuery } from '../../../preload/contract/grid.ts';
import { auditAnchorSchema, type AuditAnchor } from '../../../preload/contract/jobs.ts';
import { verifyAudit } from '../../services/audit-service.ts';
import { writeAuditExportFile } from '../../services/export/audit-export.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, calendarDate, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';

import { usageError } from '../failure.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase } from '../workspace-session.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/** Parses --anchor SEQ:HASH for commander; repeated options add to the list. */
function auditAnchor(value: string, previous: AuditAnchor[]): AuditAnchor[] {
  const [seq = '', hash = ''] = value.split(':');
  const parsed = auditAnchorSchema.safeParse({ seq: /^\d+$/.test(seq) ? Number(seq) : Number.NaN, hash: hash.toLowerCase() });
  if (!parsed.success) throw new InvalidArgumentError(`--anchor takes SEQ:HASH, an event number and its 64-hex-digit hash, as a backup prints them; "${value.slice(0, 80)}" is not one.`);
  return [...previous, parsed.data];
}

function addVerifyCommand(audit: Command, io: CliIo): void {
  const command = addUnlockOptions(
    audit
      .command('verify')
      .description('re-check the audit trail hash chain from the first event to the last, and that it still holds each anchor noted earlier; exit 1 and name the first bad event if not')
      .option('--anchor <seq:hash>', 'an event noted earlier (a backup prints its head, an evidence pack carries it): the chain must still hold it (repeatable)', auditAnchor, []),
  );
  addExamples(command, [
    'riskdesk audit verify --db risk.rdw',
    'riskdesk audit verify --db risk.rdw --user auditor --json',
    'riskdesk audit verify --db risk.rdw --anchor 1520:9f2c…(64 hex digits)',
  ]);
  command.action(async (flags: UnlockFlags & { anchor: AuditAnchor[] }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const verification = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'audit verify', unit: 'items' }, (ctx, call) =>
      verifyAudit(ctx, { ...call, onProgress: (progress) => call.onProgress({ ...progress, phase: 'events' }) }, flags.anchor),
    );
    if (!verification.ok) {
      const { events, firstBadSeq, reason } = verification;
      throw new RiskDeskError('AUDIT_CHAIN_BROKEN', `The audit trail is broken at event seq ${firstBadSeq}: ${reason}. The ${events} events before it are intact.`, {
        events,
        firstBadSeq,
        reason,
      });
    }
    out.result({ audit: { intact: true, events: verification.events, head: verification.head, anchors: flags.anchor.length } }, () => [
      `Audit trail intact: ${verification.events.toLocaleString('en-US')} events, head ${verification.head}.`,
      ...(flags.anchor.length > 0 ? [`It still holds the ${flags.anchor.length === 1 ? 'anchor' : `${flags.anchor.length} anchors`} given.`] : []),
    ]);
  });
}

interface ExportFlags extends UnlockFlags {
  out: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  zone: string;
}

function timeZone(value: string): string {
  const parsed = timeZoneSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`--zone takes an IANA time zone such as Asia/Shanghai or UTC; "${value.slice(0, 64)}" is not one this system knows.`);
  return parsed.data;
}

const DAY_MS = 86_400_000;

/** The calendar day `days` after (or before) `day`, both YYYY-MM-DD. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The options as the audit grid's filters: the actor exactly, actions by prefix (`credit.model` takes every step of a
 * model), and whole UTC days from --from to --to, both included (the grid's date range leaves its two ends out).
 */
function auditFilters(flags: ExportFlags): GridQuery['filterModel'] {
  const filters: GridQuery['filterModel'] = {};
  if (flags.actor !== undefined) filters.actor = { filterType: 'text', type: 'equals', filter: flags.actor };
  if (flags.action !== undefined) filters.action = { filterType: 'text', type: 'startsWith', filter: flags.action };
  if (flags.from !== undefined && flags.to !== undefined) filters.at = { filterType: 'date', type: 'inRange', dateFrom: shiftDay(flags.from, -1), dateTo: shiftDay(flags.to, 1) };
  else if (flags.from !== undefined) filters.at = { filterType: 'date', type: 'greaterThan', dateFrom: shiftDay(flags.from, -1) };
  else if (flags.to !== undefined) filters.at = { filterType: 'date', type: 'lessThan', dateFrom: shiftDay(flags.to, 1) };
  return filters;
}

function addExportCommand(audit: Command, io: CliIo): void {
  const command = addUnlockOptions(
    audit
      .command('export')
      .description('write the audit trail (or the events the filters keep) to a new CSV file in chain order, with both hashes of every event so it can be re-verified from the file (auditor, admin)')
      .requiredOption('--out <file>', 'the CSV to create (must not exist); written 0600')
      .option('--actor <name>', 'only events by this user')
      .option('--action <prefix>', 'only actions that start with this (credit.model, session.)')
      .option('--from <date>', 'first day, YYYY-MM-DD (UTC)', calendarDate('--from'))
      .option('--to <date>', 'last day, YYYY-MM-DD (UTC)', calendarDate('--to'))
      .option('--zone <zone>', 'the time zone of the at_local column (an IANA name)', timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  addExamples(command, [
    'riskdesk audit export --db risk.rdw --user auditor --out audit-2026-11.csv --from 2026-11-01 --to 2026-11-30',
    'riskdesk audit export --db risk.rdw --out approvals.csv --action credit.model --zone Asia/Shanghai',
  ]);
  command.action(async (flags: ExportFlags) => {
    const out = outputFor(io, flags);
    if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to) throw usageError(`--from ${flags.from} is after --to ${flags.to}.`, commandPath(command));
    const scope: AuditExportArgs = { filterModel: auditFilters(flags), timeZone: flags.zone };
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const written = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'audit export', unit: 'items' }, (ctx, call) => writeAuditExportFile(ctx, { scope, out: flags.out }, call));
    out.plaintextResult([written.file], { file: written.file, events: written.rows, bytes: written.bytes, sha256: written.sha256 }, () => [
      `${written.rows.toLocaleString('en-US')} audit ${written.rows === 1 ? 'event' : 'events'} written to ${written.file} (SHA-256 ${written.sha256}).`,
    ]);
  });
}

export function addAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('check the tamper-evident audit trail, and export it for auditors');
  addExamples(audit, ['riskdesk audit verify --db risk.rdw', 'riskdesk audit export --db risk.rdw --out audit.csv']);
  addVerifyCommand(audit, io);
  addExportCommand(audit, io);
}
