// Builds the sandboxed preload: preload/index.ts → dist/preload/index.cjs, one CommonJS file with the contract
// and zod inside (a sandboxed preload can `require` only `electron` and a few polyfills, and cannot be ESM).
// `npm run build:preload`; `node preload/build.mjs --outfile FILE` writes elsewhere (the preload's test).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { outfile: { type: 'string' } } });

await build({
  entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
  outfile: values.outfile ?? fileURLToPath(new URL('../dist/preload/index.cjs', import.meta.url)),
  bundle: true,
  format: 'cjs',
  // The preload runs in the renderer process: the browser platform makes a stray Node built-in fail the build.
  platform: 'browser',
  target: 'chrome140',
  external: ['electron'],
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
