import { z } from 'zod';
import { isRiskDeskError, RiskDeskError, type ApiErrorCode } from '../../preload/contract/errors.ts';
import { type ImportProblem, importProblemSchema } from '../../preload/contract/jobs.ts';
import { scrubbed } from '../services/api/api-errors.ts';
import { SECRET_ENVIRONMENT_VARIABLES } from '../services/child-environment.ts';
import type { CliIo } from './cli-io.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * The command line itself is wrong (unknown command, missing option, no passphrase source): code USAGE, which
 * exits 2. `commandPath` names the command whose --help explains the fix, e.g. "riskdesk user add".
 */
export function usageError(message: string, commandPath = 'riskdesk'): RiskDeskError {
  return new RiskDeskError('USAGE', message, { commandPath });
}

/** Each reason a scorecard fit gives for producing no model, as the code its failure carries. */
const NO_MODEL_CODES = { separation: 'MODEL_SEPARATION', singular: 'MODEL_SINGULAR', not_converged: 'MODEL_NOT_CONVERGED', one_class: 'MODEL_ONE_CLASS' } as const satisfies Record<string, ApiErrorCode>;

/** A fit that produced no scorecard: the regression's reason as the code, its message as the message. */
export function noScorecard(model: { status: keyof typeof NO_MODEL_CODES | 'converged'; message?: string | null | undefined }, details: Record<string, unknown>): RiskDeskError {
  const code = model.status === 'converged' ? 'MODEL_NOT_CONVERGED' : NO_MODEL_CODES[model.status];
  return new RiskDeskError(code, `No scorecard: ${model.message ?? model.status}`, { status: model.status, ...details });
}

function commandPathOf(error: RiskDeskError): string {
  const details = error.details as { commandPath?: unknown } | undefined;
  return typeof details?.commandPath === 'string' ? details.commandPath : 'riskdesk';
}

const importProblems = z.object({ problems: z.array(importProblemSchema), totalProblems: z.number() });

const MAX_PROBLEMS_SHOWN = 20;
const MAX_VALUE_CHARS = 40;

function showValue(value: string | null): string {
  if (value === null) return '';
  const chars = [...value];
  return JSON.stringify(chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…` : value);
}

/**
 * Import problems (or warnings) as a table, one a line: "file:row  column  value — reason", then "… and N more".
 */
export function importProblemLines(problems: readonly ImportProblem[], total: number): string[] {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const places = shown.map((p) => `${p.file}:${p.row}`);
  const columns = shown.map((p) => p.column ?? '(row)');
  const placeWidth = Math.max(0, ...places.map((place) => place.length));
  const columnWidth = Math.max(0, ...columns.map((column) => column.length));
  const lines = shown.map((p, i) => {
    const value = showValue(p.value);
    return `  ${(places[i] ?? '').padEnd(placeWidth)}  ${(columns[i] ?? '').padEnd(columnWidth)}  ${value ? `${value} — ` : '— '}${p.reason}`;
  });
  const more = total - shown.length;
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines;
}

/** IMPORT_REJECTED as its summary line and then its problems' table. (The service's message lists a few problems too; the table replaces that list.) */
function describeImportRejection(error: { message: string; details?: unknown }): { message: string; extraLines: string[] } {
  const parsed = importProblems.safeParse(error.details);
  if (!parsed.success) return { message: error.message, extraLines: [] };
  const { problems, totalProblems } = parsed.data;
  return { message: error.message.split('\n', 1)[0] ?? error.message, extraLines: importProblemLines(problems, totalProblems) };
}

interface FailureView {
  exitCode: number;
  code: string;
  message: string;
  details?: unknown;
  /** Appended to the message's own line (usage errors stay one line). */
  hint?: string;
  /** Printed under the message, e.g. an import's rejected values. */
  extraLines: string[];
}

function isPromptCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

function describeFailure(error: unknown, secrets: readonly string[]): FailureView {
  if (isRiskDeskError(error)) {
    // The CLI adds exit codes to the one error type: 2 for a wrong command line, 1 for everything else.
    if (error.code === 'USAGE') return { exitCode: EXIT_USAGE, code: error.code, message: error.message, hint: `(see '${commandPathOf(error)} --help')`, extraLines: [] };
    if (error.code === 'IMPORT_REJECTED') return { exitCode: EXIT_FAILURE, code: error.code, details: error.details, ...describeImportRejection(error) };
    const message = error.code === 'JOB_CANCELLED' ? `cancelled: ${error.message}` : error.message;
    return { exitCode: EXIT_FAILURE, code: error.code, message, details: error.details, extraLines: [] };
  }
  if (isPromptCancelled(error)) {
    return { exitCode: EXIT_FAILURE, code: 'JOB_CANCELLED', message: 'cancelled at the passphrase prompt; nothing was changed', extraLines: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, code: 'INTERNAL', message: `unexpected error: ${scrubbed(message, secrets)}`, extraLines: [] };
}

/**
 * Reports a failure the way the user asked (--json or text) and returns the exit code. Messages come from
 * RiskDeskError, which never carries passphrases or key material; stacks appear only with RISKDESK_DEBUG=1.
 * What RiskDesk did not write itself (an unexpected error's message, a stack) is printed as the API logs it:
 * without the passphrases of the environment, nor anything shaped like a raw SQLCipher key.
 */
export function reportFailure(error: unknown, io: CliIo, json: boolean): number {
  const secrets = SECRET_ENVIRONMENT_VARIABLES.flatMap((name) => io.env[name] ?? []);
  const view = describeFailure(error, secrets);
  if (json) {
    const body = { code: view.code, message: view.message, ...(view.details === undefined ? {} : { details: view.details }) };
    io.stdout.write(`${JSON.stringify({ ok: false, error: body })}\n`);
  } else {
    io.stderr.write(`riskdesk: ${view.message}${view.hint ? ` ${view.hint}` : ''}\n`);
    for (const line of view.extraLines) io.stderr.write(`${line}\n`);
  }
  if (io.env.RISKDESK_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${scrubbed(error.stack, secrets)}\n`);
  return view.exitCode;
}
