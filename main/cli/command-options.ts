import { type Command, InvalidArgumentError } from 'commander';
import { parseDate } from '../services/import/date-values.ts';
import { Invalid } from '../services/import/invalid.ts';
import { CommandOutput, type CliIo } from './cli-io.ts';
import type { UnlockOptions } from './workspace-session.ts';

/** "riskdesk user add": how a command is named in messages and help hints. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print one JSON object on stdout instead of text');
}

/** --db, --user, --passphrase-file and --json: what every command that unlocks a workspace takes. */
export function addUnlockOptions(command: Command): Command {
  return addJsonOption(
    command
      .requiredOption('--db <file>', 'the workspace database file')
      .option('--user <name>', 'the acting user (default: the admin created by init)')
      .option('--passphrase-file <file>', "read the acting user's passphrase from the first line of FILE (else RISKDESK_PASSPHRASE, else a hidden prompt)"),
  );
}

export interface JsonFlag {
  readonly json?: boolean;
}

export type UnlockFlags = UnlockOptions & JsonFlag;

export function outputFor(io: CliIo, flags: JsonFlag): CommandOutput {
  return new CommandOutput(io, flags.json === true);
}

/** Parses a whole number ≥ 0 for commander, with a message that names the option. */
export function wholeNumber(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(`${option} takes a whole number ≥ 0.`);
    return Number(value);
  };
}

/** Parses a calendar date YYYY-MM-DD for commander; the reason says which check failed (form, calendar or range). */
export function calendarDate(option: string): (value: string) => string {
  return (value) => {
    const date = parseDate(value);
    if (date instanceof Invalid) throw new InvalidArgumentError(`${option} takes a calendar date, YYYY-MM-DD; "${value.slice(0, 40)}" ${date.reason}.`);
    return date;
  };
}

/** A number strictly between `low` and `high` (a share, a fraction). */
export function fraction(option: string, low: number, high: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number <= low || number >= high) {
      throw new InvalidArgumentError(`${option} takes a number strictly between ${low} and ${high}.`);
    }
    return number;
  };
}

/**
 * A finite number within bounds for commander (a score scale, a threshold): `above` excludes its value, `min` and
 * `max` include theirs, as the contract's schema does; the message states the bounds.
 */
export function boundedNumber(option: string, bounds: { above?: number; min?: number; max: number }): (value: string) => number {
  const lower = bounds.above === undefined ? `≥ ${bounds.min ?? -Infinity}` : `> ${bounds.above}`;
  return (value) => {
    const number = Number(value);
    const tooLow = bounds.above === undefined ? number < (bounds.min ?? -Infinity) : number <= bounds.above;
    if (value.trim() === '' || !Number.isFinite(number) || tooLow || number > bounds.max) {
      throw new InvalidArgumentError(`${option} takes a number ${lower} and ≤ ${bounds.max}.`);
    }
    return number;
  };
}

/** The "Examples:" block at the end of a command's --help. */
export function addExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((example) => `  $ ${example}`).join('\n')}\n`);
}

/** Parses a comma-separated list of ids (1,2,3) for commander; repeated options add to the list. */
export function idList(option: string): (value: string, previous: number[] | undefined) => number[] {
  return (value, previous) => {
    const ids = value.split(',').map((part) => part.trim());
    const bad = ids.find((id) => !/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(Number(id)));
    if (bad !== undefined) throw new InvalidArgumentError(`${option} takes ids (whole numbers ≥ 1) separated by commas; "${bad.slice(0, 40)}" is not one.`);
    return [...(previous ?? []), ...ids.map(Number)];
  };
}
