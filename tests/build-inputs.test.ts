// `npm run build` compiles tsconfig.build.json's program into dist/, which electron-builder packs. Test-only code
// must not be in that program: "exclude" keeps a file out only until a product file imports it, and then tsc
// compiles it all the same, so the program itself is what is checked here.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Under tests/, test-support/ or fixtures/, a *.test.ts, or named with the word "test" (test-io.ts, api-test-workspace.ts). */
const TEST_ONLY = [/(^|\/)(tests|test-support|fixtures)\//, /(^|[/._-])test[/._-]/];

/** The repository's own files in the build, relative to its root. */
function buildInputs(): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, 'tsconfig.build.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  });
  assert.ok(parsed, 'tsconfig.build.json could not be read');
  assert.deepEqual(parsed.errors, []);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return program
    .getSourceFiles()
    .map((file) => path.relative(repoRoot, file.fileName).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('node_modules/') && !file.startsWith('..'));
}

test('the build compiles the entry points and no test-only file', () => {
  const inputs = buildInputs();
  for (const entry of ['main/electron/main.ts', 'main/cli/index.ts', 'main/workers/engine-worker.ts', 'preload/index.ts']) {
    assert.ok(inputs.includes(entry), `${entry} is built`);
  }
  assert.deepEqual(
    inputs.filter((file) => TEST_ONLY.some((pattern) => pattern.test(file))),
    [],
  );
});
