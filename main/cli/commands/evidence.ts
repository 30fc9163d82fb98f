// `riskdesk evidence export | verify`: a scope of the workspace as a signed BagIt pack, and the check of a pack, which
// needs no workspace (an auditor checks what they were given on their own machine).
import fs from 'node:fs';
import type { Command } from 'commander';
import type { BagVerification, EvidenceScope } from '../../../preload/contract/evidence.ts';
import { evidenceScopeSchema } from '../../../preload/contract/evidence.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../preload/contract/reports.ts';
import { checkEvidencePack, evidenceInvalid, recordEvidenceExport, writeEvidencePack } from '../../services/evidence/evidence-service.ts';
import type { CliIo, JsonValue } from '../cli-io.ts';
import { addExamples, addJsonOption, addUnlockOptions, calendarDate, commandPath, idList, outputFor, type JsonFlag, type UnlockFlags } from '../command-options.ts';
import { usageError } from '../failure.ts';
import { withInterrupt } from '../interrupt.ts';
import { runLongCommand } from '../long-command.ts';
import { progressDisplay } from '../progress.ts';
import { actingPassphrase } from '../workspace-session.ts';

interface ExportFlags extends UnlockFlags {
  from: string;
  to: string;
  cases?: number[];
  models?: number[];
  ruleSets?: number[];
  runs?: number[];
  lang: ReportLanguage;
  out: string;
}

function scopeOf(flags: ExportFlags, path: string): EvidenceScope {
  const parsed = evidenceScopeSchema.safeParse({
    from: flags.from,
    to: flags.to,
    ...(flags.cases ? { cases: flags.cases } : {}),
    ...(flags.models ? { models: flags.models } : {}),
    ...(flags.ruleSets ? { ruleSetVersions: flags.ruleSets } : {}),
    ...(flags.runs ? { runs: flags.runs } : {}),
  });
  if (!parsed.success) throw usageError(parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'from'}: ${issue.message}`).join('; '), path);
  return parsed.data;
}

function language(value: string): ReportLanguage {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(value)) throw new RiskDeskError('USAGE', `--lang takes ${REPORT_LANGUAGES.join(' or ')}, not "${value.slice(0, 20)}".`);
  return value as ReportLanguage;
}

function addExportCommand(evidence: Command, io: CliIo): void {
  const command = addUnlockOptions(
    evidence
      .command('export')
      .description('write a signed BagIt evidence pack (zip) of a period: risk report, cases, alerts, runs, rule sets, model cards, parameter sets and the audit slice (auditor, admin)')
      .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD (UTC)', calendarDate('--from'))
      .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD (UTC)', calendarDate('--to'))
      .option('--cases <ids>', 'only these cases (comma-separated case ids) and their alerts', idList('--cases'))
      .option('--models <ids>', 'only these credit models’ cards', idList('--models'))
      .option('--rule-sets <versions>', 'only these fraud rule set versions', idList('--rule-sets'))
      .option('--runs <ids>', 'only these credit and fraud runs', idList('--runs'))
      .option('--lang <language>', 'language of the pack’s risk report: en or zh-CN', 'en')
      .requiredOption('--out <file>', 'the zip to create (must not exist); written 0600'),
  );
  addExamples(command, [
    'riskdesk evidence export --db risk.rdw --user auditor --from 2026-11-01 --to 2026-11-30 --out evidence-2026-11.zip',
    'riskdesk evidence export --db risk.rdw --from 2026-11-01 --to 2026-11-30 --cases 12,15 --out cases-12-15.zip --json',
  ]);
  command.action(async (flags: ExportFlags) => {
    const out = outputFor(io, flags);
    const scope = scopeOf(flags, commandPath(command));
    const lang = language(flags.lang);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const record = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'evidence export', unit: 'items' }, async (ctx, call) => {
      const written = await writeEvidencePack(ctx, { scope, out: flags.out, language: lang }, call);
      try {
        return recordEvidenceExport(ctx, written);
      } catch (error) {
        // A pack that is not recorded in the audit trail must not be left behind as if it had been.
        fs.rmSync(flags.out, { force: true });
        throw error;
      }
    });
    out.plaintextResult([flags.out], { export: record as unknown as JsonValue }, () => [
      `Wrote ${flags.out}: ${record.bytes.toLocaleString('en-US')} bytes, ${record.payloadFiles} payload files, sha256 ${record.sha256}.`,
      `Signed with the workspace key ${record.fingerprint}; audit chain head ${record.auditHead}.`,
      `Check it anywhere with: riskdesk evidence verify ${flags.out}`,
    ]);
  });
}

function checkLines(verification: BagVerification): string[] {
  return [
    ...verification.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.check.padEnd(15)} ${c.file ? `${c.file}: ` : ''}${c.message}`),
    '',
    verification.fingerprint ? `Signing key fingerprint: ${verification.fingerprint}` : 'Signing key: unreadable',
  ];
}

function addVerifyCommand(evidence: Command, io: CliIo): void {
  const command = addJsonOption(
    evidence
      .command('verify')
      .description('check an evidence pack without any workspace: every file against its manifest, Payload-Oxum, the tag manifest, the signature and the audit slice; exit 1 on any failure')
      .argument('<pack>', 'the evidence pack (zip)'),
  );
  addExamples(command, ['riskdesk evidence verify evidence-2026-11.zip', 'riskdesk evidence verify evidence-2026-11.zip --json']);
  command.action(async (pack: string, flags: JsonFlag) => {
    const out = outputFor(io, flags);
    if (!fs.existsSync(pack)) throw usageError(`${pack} does not exist.`, commandPath(command));
    const verification = await withInterrupt(io, async (signal) => {
      const bar = progressDisplay(out, 'evidence verify', 'items');
      try {
        return await checkEvidencePack(pack, { signal, onProgress: (p) => bar.update(p) });
      } finally {
        bar.stop();
      }
    });
    if (!verification.ok) {
      // With --json the failure's details carry every line; as text, the lines come first and the error sums them up.
      if (!out.json) for (const line of checkLines(verification)) io.stdout.write(`${line}\n`);
      throw evidenceInvalid(verification);
    }
    out.result({ verification: verification as unknown as JsonValue }, () => [...checkLines(verification), `${pack}: all ${verification.checks.length} checks passed.`]);
  });
}

export function addEvidenceCommands(program: Command, io: CliIo): void {
  const evidence = program.command('evidence').description('evidence packs for auditors: export a signed BagIt pack, verify one');
  addExamples(evidence, ['riskdesk evidence export --db risk.rdw --from 2026-11-01 --to 2026-11-30 --out pack.zip', 'riskdesk evidence verify pack.zip']);
  addExportCommand(evidence, io);
  addVerifyCommand(evidence, io);
}
