import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli/cli-io.ts';

/** A CliIo whose output is captured as text, for running the CLI in-process in tests. */
export function capturedIo(env: Record<string, string | undefined> = {}): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as string[], err: [] as string[] };
  stdout.on('data', (chunk: Buffer) => chunks.out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => chunks.err.push(chunk.toString('utf8')));
  return { stdout, stderr, env, out: () => chunks.out.join(''), err: () => chunks.err.join('') };
}
