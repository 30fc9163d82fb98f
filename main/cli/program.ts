import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io.ts';
import { commandPath } from './command-options.ts';
import { addAlertCommands } from './commands/alerts.ts';
import { addAuditCommands } from './commands/audit.ts';
import { addBackupCommand } from './commands/backup.ts';
import { addCaseCommands } from './commands/cases.ts';
import { addCreditCommands } from './commands/credit.ts';
import { addDemoCommand } from './commands/demo.ts';
import { addEvidenceCommands } from './commands/evidence.ts';
import { addBacktestCommand, addFraudCommands } from './commands/fraud.ts';
import { addRulesCommands } from './commands/fraud-rules.ts';
import { addImportCommand } from './commands/import.ts';
import { addInitCommand } from './commands/init.ts';
import { addLiquidityCommands } from './commands/liquidity.ts';
import { addReportCommand } from './commands/report.ts';
import { addRestoreCommand } from './commands/restore.ts';
import { addServeCommand } from './commands/serve.ts';
import { addUserCommands } from './commands/user.ts';
import { EXIT_OK, EXIT_USAGE, reportFailure, usageError } from './failure.ts';

export type { CliIo } from './cli-io.ts';

/** Commander's ways of ending after printing help (or a version): not failures unless it says so. */
const HELP_CODES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * Every command writes through `io`, and none lets commander exit the process: help ends the run with
 * its exit code, and every parsing problem becomes a one-line USAGE error naming the command's --help.
 */
function routeThroughIo(command: Command, io: CliIo): void {
  command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    // runCli reports usage errors itself, as text or --json.
    outputError: () => undefined,
  });
  command.exitOverride((error) => {
    if (HELP_CODES.has(error.code)) throw error;
    throw usageError(error.message.replace(/^error: /, ''), commandPath(command));
  });
  for (const sub of command.commands) routeThroughIo(sub, io);
}

function buildProgram(io: CliIo): Command {
  const program = new Command('riskdesk')
    .description('RiskDesk: credit, fraud and liquidity risk in an encrypted local workspace.')
    .addHelpText(
      'after',
      [
        '',
        'The passphrase comes from --passphrase-file FILE, else RISKDESK_PASSPHRASE, else a hidden prompt.',
        'Exit codes: 0 ok, 1 failure, 2 usage. RISKDESK_DEBUG=1 adds stack traces to unexpected errors.',
        '',
        'Examples:',
        '  $ riskdesk init --db risk.rdw',
        '  $ riskdesk demo --db risk.rdw --scale small',
        '  $ riskdesk audit verify --db risk.rdw --json',
        '  $ riskdesk serve --db risk.rdw',
        '  $ riskdesk import --help',
        '',
      ].join('\n'),
    );
  addInitCommand(program, io);
  addUserCommands(program, io);
  addImportCommand(program, io);
  addDemoCommand(program, io);
  addAuditCommands(program, io);
  addBackupCommand(program, io);
  addRestoreCommand(program, io);
  addServeCommand(program, io);
  addCreditCommands(program, io);
  addAlertCommands(program, io);
  addCaseCommands(program, io);
  addFraudCommands(program, io);
  addBacktestCommand(addRulesCommands(program, io), io);
  addLiquidityCommands(program, io);
  addEvidenceCommands(program, io);
  addReportCommand(program, io);
  routeThroughIo(program, io);
  return program;
}

/** --json anywhere among the options (not after `--`) asks for JSON, even when the command line is wrong. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** Runs one command line (without `node` and the script) and returns its exit code; never exits the process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError && HELP_CODES.has(error.code)) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    return reportFailure(error, io, wantsJson(argv));
  }
}
