// electron-builder cannot package on a machine without network access (it downloads Electron and the
// AppImage, deb, NSIS and dmg tools), so these checks are what catches a broken electron-builder.yml early:
// its own schema validation, run offline, plus the project's assumptions about where things are.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
// Deep import: app-builder-lib exports no offline "validate this config" entry point; this is the
// function electron-builder itself calls before building.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { DebugLogger } from 'builder-util';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { main: string };
const config = await getConfig(repoRoot, 'electron-builder.yml', null);

test('electron-builder.yml passes electron-builder’s schema', async () => {
  await validateConfiguration(config, new DebugLogger(false));
});

test('the packaged entry point is the one package.json names', () => {
  assert.equal(config.extraMetadata?.main, packageJson.main);
  assert.match(packageJson.main, /^dist\/main\/electron\/.+\.js$/);
});

test('the native binding is unpacked from the asar and never rebuilt', () => {
  assert.ok(Array.isArray(config.asarUnpack));
  assert.ok(config.asarUnpack.includes('node_modules/better-sqlite3-multiple-ciphers/**'));
  assert.equal(config.npmRebuild, false);
});

test('no platform section lists files of its own', () => {
  // A platform "files" list with only "!" patterns makes electron-builder add "**/*" and pack the whole
  // checkout; the shared top-level "files" is the one place for the app's file list.
  for (const platform of ['linux', 'win', 'mac'] as const) {
    assert.equal(config[platform]?.files, undefined, `${platform}.files is set`);
  }
});

/** The app's `files` patterns; electron-builder hands them back as [{ filter: [...] }]. */
function filePatterns(): string[] {
  assert.ok(Array.isArray(config.files));
  return config.files.flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
}

test('the app packs resources/ beside dist/, where main/services/resources-folder.ts looks for it', () => {
  // The shipped defaults (resources/parameter-sets/…) are read at workspace creation and unlock: without them in
  // the package, no workspace could be created.
  const patterns = filePatterns();
  assert.ok(patterns.includes('resources/**/*'), 'files lists resources/**/*');
  assert.ok(patterns.includes('package.json'), 'files lists package.json, which marks the folder resources/ sits in');
  assert.deepEqual(
    patterns.filter((pattern) => pattern.startsWith('!') && pattern.includes('resources')),
    [],
    'no pattern leaves resources out',
  );
});

test('the app packs the compiled product code and none of the test-only code', () => {
  // Through electron-builder's own matcher for `files`, so that the patterns mean what electron-builder makes of them.
  const packs = new FileMatcher(repoRoot, repoRoot, (pattern) => pattern, filePatterns()).createFilter();
  const aFile = statSync(fileURLToPath(import.meta.url));
  const packed = (file: string): boolean => packs(path.join(repoRoot, file), aFile);
  for (const file of ['dist/main/electron/main.js', 'dist/main/services/backup-service.js', 'dist/main/store/migrations/0070_lifecycle_submitted.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']) {
    assert.ok(packed(file), `${file} is packed`);
  }
  for (const file of [
    'dist/main/store/migrate.test.js',
    'dist/main/store/migrate.test.js.map',
    'dist/main/test-support/temp-database.js',
    'dist/main/services/import/fixtures/crash-mid-import.js',
    'dist/main/test-support/api-test-workspace.js',
  ]) {
    assert.ok(!packed(file), `${file} is left out`);
  }
});
