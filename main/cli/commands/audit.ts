import type { Command } from 'commander';
import { contextFor } from '../../services/context.ts';
import { verifyAudit } from '../../services/jobs-service.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';

import { withInterrupt } from '../interrupt.ts';
import { progressDisplay } from '../progress.ts';
import { actingPassphrase, withEnginePool, withWorkspace } from '../workspace-session.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

function addVerifyCommand(audit: Command, io: CliIo): void {
  const command = addUnlockOptions(
    audit.command('verify').description('re-check the audit trail hash chain from the first event to the last; exit 1 and name the first bad event if it is broken'),
  );
  addExamples(command, ['riskdesk audit verify --db risk.rdw', 'riskdesk audit verify --db risk.rdw --user auditor --json']);
  command.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const verification = await withWorkspace(flags, passphrase, (workspace) =>
      withEnginePool((pool) =>
        withInterrupt(io, async (signal) => {
          const bar = progressDisplay(out, 'audit verify', 'items');
          try {
            return await verifyAudit(contextFor(workspace), pool, { signal, onProgress: (progress) => bar.update({ ...progress, phase: 'events' }) });
          } finally {
            bar.stop();
          }
        }),
      ),
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
