import { execFile } from 'node:child_process';
import path from 'node:path';

export interface ChildRun {
  /** The exit code, or null when a signal ended the child. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs a TypeScript script in a child Node (this Node, through tsx) from the project folder. With `umask`, a
 * shell sets it and then execs Node, so the child starts with that umask as a user's shell would give it.
 */
export function runTypeScriptChild(script: string, args: readonly string[], options: { umask?: string } = {}): Promise<ChildRun> {
  const node = [process.execPath, '--import', 'tsx', script, ...args];
  const [file, argv] = options.umask === undefined ? [process.execPath, node.slice(1)] : ['sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, ...node]];
  return new Promise((resolve) => {
    execFile(file, argv, { cwd: PROJECT_ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, signal: null, stdout, stderr });
      resolve({ code: typeof error.code === 'number' ? error.code : null, signal: error.signal ?? null, stdout, stderr });
    });
  });
}
