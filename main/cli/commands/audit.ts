import type { Command } from 'commander';
import { verifyAudit } from '../../services/audit-service.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';

import { runLongCommand } from '../long-command.ts';
import { actingPassphrase } from '../workspace-session.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

function addVerifyCommand(audit: Command, io: CliIo): void {
  const command = addUnlockOptions(
    audit.command('verify').description('re-check the audit trail hash chain from the first event to the last; exit 1 and name the first bad event if it is broken'),
  );
  addExamples(command, ['riskdesk audit verify --db risk.rdw', 'riskdesk audit verify --db risk.rdw --user auditor --json']);
  command.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const verification = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'audit verify', unit: 'items' }, (ctx, call) =>
      verifyAudit(ctx, { ...call, onProgress: (progress) => call.onProgress({ ...progress, phase: 'events' }) }),
    );
    if (!verification.ok) {
      const { events, firstBadSeq, reason } = verification;
      throw new RiskDeskError('AUDIT_CHAIN_BROKEN', `The audit trail is broken at event seq ${firstBadSeq}: ${reason}. The ${events} events before it are intact.`, {
        events,
        firstBadSeq,
        reason,
      });
    }
    out.result({ audit: { intact: true, events: verification.events, head: verification.head } }, () => [
      `Audit trail intact: ${verification.events.toLocaleString('en-US')} events, head ${verification.head}.`,
    ]);
  });
}

export function addAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('check the tamper-evident audit trail');
  addExamples(audit, ['riskdesk audit verify --db risk.rdw']);
  addVerifyCommand(audit, io);
}
