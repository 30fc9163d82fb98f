import fs from 'node:fs';
import promptPassword from '@inquirer/password';
import type { SecretEnvironmentVariable } from '../services/child-environment.ts';
import type { CommandOutput } from './cli-io.ts';
import { usageError } from './failure.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/** Where one passphrase may come from, in order: a file option, an environment variable, a hidden prompt. */
export interface PassphraseSource {
  /** The value of the file option, if given. */
  readonly file: string | undefined;
  readonly fileOption: '--passphrase-file' | '--new-passphrase-file';
  readonly envVar: SecretEnvironmentVariable;
  /** What the prompt asks, e.g. "Passphrase for admin". */
  readonly prompt: string;
  /** Ask twice and compare: for passphrases being set, where a typo would lock the user out. */
  readonly confirm: boolean;
  /** The command whose --help explains the sources, for the usage error. */
  readonly commandPath: string;
}

/** Only the first line counts, so that `echo secret > file` works; the newline is not part of the passphrase. */
function readPassphraseFile(out: CommandOutput, file: string, option: string): string {
  let text: string;
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RiskDeskError('FILE_UNREADABLE', `Cannot read the ${option} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  // A secret that the group or everyone can read is a leak waiting to happen; POSIX modes only.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    out.warn(`${file} can be read by other users (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); restrict it with chmod 600.`);
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine === '') throw usageError(`The ${option} ${file} is empty: put the passphrase on its first line.`);
  return firstLine;
}

async function promptHidden(out: CommandOutput, message: string): Promise<string> {
  const { stdin, stderr } = out.io;
  // Prompts go to stderr so that stdout carries only the command's result.
  return promptPassword({ message }, { input: stdin, output: stderr });
}

/** Resolves one passphrase from its sources, or explains how to provide one (exit 2). */
export async function readPassphrase(out: CommandOutput, source: PassphraseSource): Promise<string> {
  if (source.file !== undefined) return readPassphraseFile(out, source.file, source.fileOption);
  const fromEnv = out.io.env[source.envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (out.io.stdin?.isTTY !== true) {
    const what = source.envVar === 'RISKDESK_NEW_PASSPHRASE' ? 'new passphrase' : 'passphrase';
    throw usageError(`No ${what} given and no terminal to ask for one: pass ${source.fileOption} FILE or set ${source.envVar}.`, source.commandPath);
  }
  const first = await promptHidden(out, `${source.prompt}:`);
  if (!source.confirm) return first;
  const second = await promptHidden(out, `${source.prompt} (again):`);
  if (first !== second) throw new RiskDeskError('PASSPHRASE_MISMATCH', 'The two passphrases differ; nothing was changed. Try again.');
  return first;
}
