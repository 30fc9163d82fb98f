#!/usr/bin/env node
// The `riskdesk` command. It runs the CLI from its TypeScript source through tsx; main/cli/index.ts runs
// the program when imported and reports failure through process.exitCode.
//
// Kept to syntax that Node 20 parses, so that an old Node gets the sentence below rather than a stack trace.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `RiskDesk needs Node 22 or newer (this is Node ${process.versions.node}); run it as \`npx riskdesk …\` from the project so the bundled Node 22 is used.`,
  );
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
await import(new URL('../main/cli/index.ts', import.meta.url).href);
