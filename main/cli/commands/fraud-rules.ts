// `riskdesk rules …`: the fraud engine's rule sets from the command line: list and show versions, save a draft from a
// JSON file, export a version as a signed file and import one as a draft, diff two versions, and the shared lifecycle
// steps (four eyes). Every check is the service's, as on screen.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { RuleSetDiff, RuleSetVersion } from '../../../preload/contract/fraud-rules.ts';
import { exportRuleSet, importRuleSet, ruleSetFileName } from '../../services/fraud/rule-set-transfer.ts';
import { listRuleSets, ruleSetDiff, ruleSetVersion, RULE_SETS, saveDraftRuleSet } from '../../services/fraud/rule-sets.ts';
import { formatTable, type CliIo, type JsonValue } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, wholeNumber, type UnlockFlags } from '../command-options.ts';
import { readTextFile } from '../input-files.ts';
import { addDocumentSetCommands } from '../document-set-commands.ts';
import { addLifecycleCommands } from '../lifecycle-commands.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

const json = (value: unknown): JsonValue => value as JsonValue;

function showLines(set: RuleSetVersion): string[] {
  const { rules, thresholds } = set.ruleSet;
  return [
    `Fraud rule set version ${set.version} (${set.status}): ${set.note}`,
    `Thresholds: review at ${thresholds.review}, block at ${thresholds.block}.`,
    '',
    ...formatTable(
      ['id', 'action', 'score', 'enabled', 'expression'],
      rules.map((r) => [r.id, r.action, String(r.score), r.enabled ? 'yes' : 'no', r.expression.replace(/\s+/g, ' ')]),
    ),
  ];
}

function addExportCommand(rules: Command, io: CliIo): void {
  const command = addUnlockOptions(
    rules
      .command('export')
      .argument('<version>', 'the version', wholeNumber('<version>'))
      .description("write a version to a file signed with this workspace's key, for another workspace to import")
      .option('--out <file>', 'where to write it (default: fraud-rule-set-v<version>.json here); never overwritten'),
  );
  addExamples(command, [`${commandPath(command)} 3 --out rules-v3.json --db risk.rdw`]);
  command.action(async (version: number, flags: UnlockFlags & { out?: string }) => {
    const out = outputFor(io, flags);
    const target = flags.out ?? ruleSetFileName(version);
    const exists = `${target} exists already; choose another --out`;
    // Checked before signing, so that the usual mistake leaves no export in the audit trail.
    if (fs.existsSync(target)) throw new RiskDeskError('INVALID_ARGUMENT', `Fraud rule set version ${version} is not exported: ${exists}.`, { file: target });
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    await withServiceContext(flags, passphrase, async (ctx) => {
      const file = exportRuleSet(ctx, version);
      try {
        fs.writeFileSync(target, file.content, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The export is audited by now; the message says it was signed, so that the trail does not look like a mystery.
        const why = code === 'EEXIST' ? exists : `${code ?? (error as Error).message}`;
        throw new RiskDeskError('FILE_UNREADABLE', `Fraud rule set version ${version} was signed but cannot be written to ${target} (${why}).`, { file: target });
      }
    });
    out.plaintextResult([target], { file: path.resolve(target) }, () => [`Fraud rule set version ${version} is exported to ${target}, signed with this workspace's key.`]);
  });
}

function addImportCommand(rules: Command, io: CliIo): void {
  const command = addUnlockOptions(
    rules
      .command('import')
      .argument('<file>', 'a file written by `riskdesk rules export` (or the rules screen)')
      .description('check a signed rule set file and save it as a new draft (four eyes still apply)')
      .option('--note <text>', 'the draft\'s note (default: the exported version\'s note)'),
  );
  addExamples(command, [`${commandPath(command)} fraud-rule-set-v3.json --db risk.rdw --user compliance`]);
  command.action(async (file: string, flags: UnlockFlags & { note?: string }) => {
    const out = outputFor(io, flags);
    const content = readTextFile(file);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const imported = await withServiceContext(flags, passphrase, async (ctx) => importRuleSet(ctx, { content, fileName: path.basename(file), ...(flags.note === undefined ? {} : { note: flags.note }) }));
    const { version, signer } = imported;
    out.result({ version: json(version), signer }, () => [
      `Imported as draft fraud rule set version ${version.version}; submit it for review.`,
      `Signed by key ${signer.fingerprint} (${signer.ownKey ? "this workspace's own key" : 'the key of another workspace'}).`,
    ]);
  });
}

/** The diff as text: wdiff marks ([-removed-]{+added+}) inside expressions. */
function diffLines(diff: RuleSetDiff): string[] {
  const { thresholds } = diff;
  const lines = [`Fraud rule set version ${diff.from} → ${diff.to}`];
  lines.push(
    thresholds === null
      ? 'Thresholds: unchanged.'
      : `Thresholds: review ${thresholds.before.review} → ${thresholds.after.review}, block ${thresholds.before.block} → ${thresholds.after.block}.`,
  );
  for (const rule of diff.added) lines.push(`+ ${rule.id} (${rule.action}, score ${rule.score}${rule.enabled ? '' : ', disabled'}): ${rule.expression}`);
  for (const rule of diff.removed) lines.push(`- ${rule.id} (${rule.action}, score ${rule.score}${rule.enabled ? '' : ', disabled'}): ${rule.expression}`);
  for (const change of diff.changed) {
    const fields = change.fields.filter((field) => field !== 'expression').map((field) => `${field} ${String(change.before[field])} → ${String(change.after[field])}`);
    lines.push(`~ ${change.id}${fields.length > 0 ? `: ${fields.join('; ')}` : ''}`);
    if (change.fields.includes('expression')) {
      lines.push(`    ${change.expression.map((part) => (part.kind === 'added' ? `{+${part.text}+}` : part.kind === 'removed' ? `[-${part.text}-]` : part.text)).join('')}`);
    }
  }
  if (diff.reordered) lines.push('The rules common to both are in a different order.');
  if (diff.added.length + diff.removed.length + diff.changed.length === 0 && thresholds === null && !diff.reordered) lines.push('No differences.');
  return lines;
}

function addDiffCommand(rules: Command, io: CliIo): void {
  const command = addUnlockOptions(
    rules
      .command('diff')
      .argument('<from>', 'the older version', wholeNumber('<from>'))
      .argument('<to>', 'the newer version', wholeNumber('<to>'))
      .description('what changed between two versions, rule by rule (rules matched by id)'),
  );
  addExamples(command, [`${commandPath(command)} 2 3 --db risk.rdw`]);
  command.action(async (from: number, to: number, flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const diff = await withServiceContext(flags, passphrase, async (ctx) => ruleSetDiff(ctx, from, to));
    out.result({ diff: json(diff) }, () => diffLines(diff));
  });
}

/** The `rules` command group; returned so that other areas of fraud (backtests) add their subcommands to it. */
export function addRulesCommands(program: Command, io: CliIo): Command {
  const rules = program.command('rules').description('fraud rule sets: versions, drafts, signed export and import, diffs, and four-eyes approval');
  addExamples(rules, ['riskdesk rules list --db risk.rdw', 'riskdesk rules diff 1 2 --db risk.rdw', 'riskdesk rules submit 2 --db risk.rdw --user compliance']);
  addDocumentSetCommands(rules, io, {
    noun: 'rule set',
    title: 'Fraud rule set',
    documentKey: 'ruleSet',
    sizeColumn: { header: 'rules', of: (v) => v.ruleSet.rules.length },
    list: listRuleSets,
    show: ruleSetVersion,
    showLines,
    showDescription: 'one rule set version: its thresholds and rules',
    save: saveDraftRuleSet,
    draftExample: 'riskdesk rules draft --file rules.json --note "Velocity threshold 10 → 8" --db risk.rdw --user compliance',
  });
  addExportCommand(rules, io);
  addImportCommand(rules, io);
  addDiffCommand(rules, io);
  addLifecycleCommands(rules, io, { artefact: RULE_SETS, noun: 'rule set', jsonKey: 'version', done: (v) => `Fraud rule set version ${v.version} is now ${v.status}.` });
  return rules;
}
