import { InvalidArgumentError, type Command } from 'commander';
import { auditAnchorSchema, type AuditAnchor } from '../../../preload/contract/jobs.ts';
import { verifyAudit } from '../../services/audit-service.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';

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

export function addAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('check the tamper-evident audit trail');
  addExamples(audit, ['riskdesk audit verify --db risk.rdw']);
  addVerifyCommand(audit, io);
}
