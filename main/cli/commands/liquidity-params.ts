// `riskdesk liquidity params …`: the liquidity engine's parameter sets from the command line: list and show versions,
// save a draft from a JSON file, export a version as a file that `draft` reads back, and the shared lifecycle steps
// (four eyes). Every check is the service's, as on screen.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { LiquidityParameterSet } from '../../../preload/contract/liquidity.ts';
import { exportLiquidityParameterSet, LIQUIDITY_PARAMETER_SETS, liquidityParameterSet, listLiquidityParameterSets, saveDraftLiquidityParameters } from '../../services/liquidity/parameter-sets.ts';
import { formatTable, type CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, wholeNumber, type UnlockFlags } from '../command-options.ts';
import { addDocumentSetCommands } from '../document-set-commands.ts';
import { addLifecycleCommands } from '../lifecycle-commands.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

function factorRows(factors: Record<string, number>): string[][] {
  return Object.entries(factors).map(([category, factor]) => [category, String(factor)]);
}

function showLines(set: LiquidityParameterSet): string[] {
  const { lcr, nsfr, products, scenarios, monteCarlo: mc, indicators } = set.parameters;
  const thresholds: [string, { threshold: number; severity: string }, string][] = [
    ['netOutflowZ', indicators.netOutflowZ, `over ${indicators.netOutflowZ.historyDays} days`],
    ['top10Share', indicators.top10Share, ''],
    ['lcrFloor', indicators.lcrFloor, ''],
    ['survivalDays', indicators.survivalDays, `under ${indicators.survivalDays.scenario}`],
    ['productConcentration', indicators.productConcentration, ''],
  ];
  return [
    `Liquidity parameter set version ${set.version} (${set.status}): ${set.note}`,
    '',
    ...formatTable(['LCR category', 'factor'], factorRows(lcr.factors)),
    '',
    ...formatTable(['NSFR category', 'factor'], [...factorRows(nsfr.asf), ...factorRows(nsfr.rsf)]),
    '',
    ...formatTable(['product', 'notice days', 'term days'], products.map((p) => [p.product, String(p.noticeDays), p.termDays === null ? '' : String(p.termDays)])),
    '',
    ...formatTable(
      ['scenario', 'days', 'redemptions ×', 'subscriptions ×', 'rollover', 'extra haircut L1/L2A/L2B', 'inflows late', 'inflows ×', 'drawdowns ×'],
      scenarios.map((s) => [
        s.name,
        String(s.horizonDays),
        String(s.redemptionMultiplier),
        String(s.subscriptionFactor),
        String(s.wholesaleRollover),
        `${s.extraHaircut.l1}/${s.extraHaircut.l2a}/${s.extraHaircut.l2b}`,
        String(s.inflowDelayDays),
        String(s.inflowFactor),
        String(s.drawdownFactor),
      ]),
    ),
    '',
    `Monte Carlo: ${mc.paths} paths over ${mc.days} days, blocks of ${mc.blockDays} days from the last ${mc.historyDays} days of flows; outflows × ${mc.outflowMultiplier}, subscriptions × ${mc.subscriptionFactor}.`,
    '',
    ...formatTable(['indicator', 'threshold', 'severity', ''], thresholds.map(([name, t, note]) => [name, String(t.threshold), t.severity, note])),
  ];
}

function addExportCommand(params: Command, io: CliIo): void {
  const command = addUnlockOptions(
    params
      .command('export')
      .argument('<version>', 'the version', wholeNumber('<version>'))
      .description('write a version to a JSON file that `draft --file` reads back (to edit it, or to take it to another workspace)')
      .option('--out <file>', 'where to write it (default: liquidity-parameters-v<version>.json here); never overwritten'),
  );
  addExamples(command, [`${commandPath(command)} 1 --out liquidity.json --db risk.rdw`]);
  command.action(async (version: number, flags: UnlockFlags & { out?: string }) => {
    const out = outputFor(io, flags);
    const target = flags.out ?? `liquidity-parameters-v${version}.json`;
    const refused = (why: string) => new RiskDeskError('INVALID_ARGUMENT', `Liquidity parameter set version ${version} is not exported: ${why}.`, { file: target });
    // Checked before unlocking, so that the usual mistake costs no passphrase prompt.
    if (fs.existsSync(target)) throw refused(`${target} exists already; choose another --out`);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    await withServiceContext(flags, passphrase, async (ctx) => {
      try {
        exportLiquidityParameterSet(ctx, version, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === undefined) throw error;
        throw refused(code === 'EEXIST' ? `${target} exists already; choose another --out` : `${target} cannot be written (${code})`);
      }
    });
    out.plaintextResult([target], { file: path.resolve(target) }, () => [`Liquidity parameter set version ${version} is exported to ${target}.`]);
  });
}

/** `liquidity params …`, under the `liquidity` command the rest of the liquidity engine's commands share. */
export function addLiquidityParamsCommands(liquidity: Command, io: CliIo): void {
  const params = liquidity.command('params').description('liquidity parameter sets: versions, drafts from JSON files, export, and four-eyes approval');
  addExamples(params, ['riskdesk liquidity params list --db risk.rdw', 'riskdesk liquidity params show 1 --db risk.rdw', 'riskdesk liquidity params submit 2 --db risk.rdw --user compliance']);
  addDocumentSetCommands(params, io, {
    noun: 'parameter set',
    title: 'Liquidity parameter set',
    documentKey: 'parameters',
    sizeColumn: { header: 'scenarios', of: (v) => v.parameters.scenarios.length },
    list: listLiquidityParameterSets,
    show: liquidityParameterSet,
    showLines,
    showDescription: 'one parameter set version: factors, products, scenarios, Monte Carlo and thresholds',
    save: saveDraftLiquidityParameters,
    draftExample: 'riskdesk liquidity params draft --file liquidity.json --note "Harsher idiosyncratic run" --db risk.rdw --user compliance',
  });
  addExportCommand(params, io);
  addLifecycleCommands(params, io, { artefact: LIQUIDITY_PARAMETER_SETS, noun: 'parameter set', jsonKey: 'version', done: (v) => `Liquidity parameter set version ${v.version} is now ${v.status}.` });
}
