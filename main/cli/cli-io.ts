/** The process edges the CLI touches, passed in so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where hidden prompts read from; without a TTY here, passphrases must come from a file or the environment. */
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Cancels long jobs; by default the first SIGINT (Ctrl-C), SIGTERM or SIGHUP does (interrupt.ts). */
  readonly interrupt?: AbortSignal;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Where a command's result goes: one JSON object on stdout with --json, short human text otherwise.
 * Diagnostics (warnings, progress, prompts) always go to stderr so that stdout stays parseable.
 */
export class CommandOutput {
  readonly io: CliIo;
  readonly json: boolean;

  constructor(io: CliIo, json: boolean) {
    this.io = io;
    this.json = json;
  }

  /** Prints the command's result: `payload` as `{"ok": true, …}` with --json, else the lines `human` gives. */
  result(payload: Record<string, JsonValue | undefined>, human: () => string[]): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify({ ok: true, ...payload })}\n`);
    else for (const line of human()) this.io.stdout.write(`${line}\n`);
  }

  /**
   * Prints the result of a command that wrote `files` outside the encrypted workspace (an export, a pack, a report):
   * as text, a last line saying they are not encrypted and what to do about it; with --json, `"plaintext": true`.
   */
  plaintextResult(files: readonly string[], payload: Record<string, JsonValue | undefined>, human: () => string[]): void {
    this.result({ ...payload, plaintext: true }, () => [...human(), plaintextNotice(files)]);
  }

  warn(message: string): void {
    this.io.stderr.write(`riskdesk: warning: ${message}\n`);
  }

  /** Progress bars only make sense for a person watching a terminal. */
  get interactive(): boolean {
    return !this.json && this.io.stderr.isTTY === true;
  }
}

/** The line every command that writes plaintext ends with (issue 14: a plaintext file is never written silently). */
function plaintextNotice(files: readonly string[]): string {
  const them = files.length === 1 ? `${files[0]} is` : `${files.join(' and ')} are`;
  return `Note: ${them} not encrypted. Keep ${files.length === 1 ? 'it' : 'them'} somewhere safe, or delete ${files.length === 1 ? 'it' : 'them'} when you are done.`;
}

/** A short left-aligned table: a header row, then one row per record. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
