// The `riskdesk` command (bin/riskdesk.mjs imports this). It sets exitCode rather than calling
// process.exit, so that output still in the pipes is flushed before the process ends.
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin });
