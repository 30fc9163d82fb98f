// The `riskdesk` command (bin/riskdesk.mjs imports this). It sets exitCode rather than calling
// process.exit, so that output still in the pipes is flushed before the process ends.
import { runCli } from './program.ts';

// A reader that stops early (`riskdesk --help | head`) closes the pipe: that is not an error worth a stack
// trace, so stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin });
