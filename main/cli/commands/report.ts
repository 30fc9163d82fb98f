// `riskdesk report`: the risk report of a month or ISO week as a PDF file, for a person or the operating system's
// scheduler (cron, launchd, Task Scheduler): non-interactive with --passphrase-file or RISKDESK_PASSPHRASE.
import type { Command } from 'commander';
import { REPORT_LANGUAGES, reportPeriodSchema, type ReportLanguage } from '../../../preload/contract/reports.ts';
import { writeReportFile } from '../../services/reports/report-service.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { usageError } from '../failure.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase } from '../workspace-session.ts';

interface ReportFlags extends UnlockFlags {
  period: string;
  lang: string;
  out: string;
}

export function addReportCommand(program: Command, io: CliIo): void {
  const command = addUnlockOptions(
    program
      .command('report')
      .description('write the risk report of a month (2026-11) or ISO week (2026-W47) as a PDF: portfolio, credit, fraud, liquidity, cases and approvals')
      .requiredOption('--period <period>', 'a month YYYY-MM or an ISO week YYYY-Www')
      .option('--lang <language>', 'en or zh-CN', 'en')
      .requiredOption('--out <file>', 'the PDF to create (must not exist); written 0600'),
  );
  addExamples(command, [
    'riskdesk report --db risk.rdw --period 2026-11 --out report-2026-11.pdf',
    'riskdesk report --db risk.rdw --period 2026-W47 --lang zh-CN --out report-2026-W47.pdf --passphrase-file ~/.riskdesk-pass',
  ]);
  command.action(async (flags: ReportFlags) => {
    const out = outputFor(io, flags);
    const path = commandPath(command);
    const period = reportPeriodSchema.safeParse(flags.period);
    if (!period.success) throw usageError(`--period: ${period.error.issues[0]?.message ?? 'not a period'}, not "${flags.period.slice(0, 20)}".`, path);
    if (!(REPORT_LANGUAGES as readonly string[]).includes(flags.lang)) throw usageError(`--lang takes ${REPORT_LANGUAGES.join(' or ')}, not "${flags.lang.slice(0, 20)}".`, path);
    const passphrase = await actingPassphrase(out, flags, path);
    const written = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'risk report', unit: 'items' }, (ctx, call) =>
      writeReportFile(ctx, { period: period.data, language: flags.lang as ReportLanguage, out: flags.out }, call),
    );
    const { figures } = written;
    out.plaintextResult(
      [written.file],
      { report: { file: written.file, bytes: written.bytes, sha256: written.sha256, period: figures.period, language: figures.language } },
      () => [`Wrote ${written.file}: the ${figures.language} risk report of ${figures.period.label} (${figures.period.from} – ${figures.period.to}), ${written.bytes.toLocaleString('en-US')} bytes, sha256 ${written.sha256}.`],
    );
  });
}
