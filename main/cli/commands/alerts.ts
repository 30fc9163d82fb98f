import { Option, type Command } from 'commander';
import { ALERT_SOURCES, type AlertSource } from '../../../preload/contract/alerts.ts';
import { listAlerts } from '../../services/alerts-service.ts';
import { formatTable, type CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

interface ListFlags extends UnlockFlags {
  source?: AlertSource;
  status: 'open' | 'all';
}

function addListCommand(alerts: Command, io: CliIo): void {
  const command = addUnlockOptions(
    alerts
      .command('list')
      .description('alerts from every source, most severe first and newest first within a severity')
      .addOption(new Option('--source <source>', 'only the alerts of one source').choices(ALERT_SOURCES))
      .addOption(new Option('--status <status>', 'open alerts only, or every alert').choices(['open', 'all']).default('open')),
  );
  addExamples(command, ['riskdesk alerts list --db risk.rdw', 'riskdesk alerts list --db risk.rdw --source credit --status all --json']);
  command.action(async (flags: ListFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const rows = await withServiceContext(flags, passphrase, async (ctx) => listAlerts(ctx, { status: flags.status, ...(flags.source === undefined ? {} : { source: flags.source }) }));
    out.result({ alerts: rows.map((row) => ({ ...row })) }, () =>
      rows.length === 0
        ? [`No ${flags.status === 'open' ? 'open ' : ''}alerts${flags.source === undefined ? '' : ` from ${flags.source}`}.`]
        : formatTable(
            ['ID', 'SEVERITY', 'TYPE', 'SUBJECT', 'SCORE', 'STATUS', 'SEEN', 'LAST SEEN'],
            rows.map((a) => [String(a.alert_id), a.severity, a.type, `${a.subject_type} ${a.subject_id}`, String(a.score), a.status, `${a.occurrences}×`, a.last_seen_at]),
          ),
    );
  });
}

export function addAlertCommands(program: Command, io: CliIo): void {
  const alerts = program.command('alerts').description('alerts raised by the engines and by people');
  addExamples(alerts, ['riskdesk alerts list --db risk.rdw --json']);
  addListCommand(alerts, io);
}
