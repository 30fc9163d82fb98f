// electron-builder cannot package on a machine without network access (it downloads Electron and the
// AppImage, deb, NSIS and dmg tools), so these checks are what catches a broken electron-builder.yml early:
// its own schema validation, run offline, plus the project's assumptions about where things are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
// Deep import: app-builder-lib exports no offline "validate this config" entry point; this is the
// function electron-builder itself calls before building.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
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

test('the app packs resources/ beside dist/, where main/services/resources-folder.ts looks for it', () => {
  // The shipped defaults (resources/parameter-sets/…) are read at workspace creation and unlock: without them in
  // the package, no workspace could be created. electron-builder hands `files` back as [{ filter: [...] }].
  assert.ok(Array.isArray(config.files));
  const patterns = config.files.flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
  assert.ok(patterns.includes('resources/**/*'), 'files lists resources/**/*');
  assert.ok(patterns.includes('package.json'), 'files lists package.json, which marks the folder resources/ sits in');
  assert.deepEqual(
    patterns.filter((pattern) => pattern.startsWith('!') && pattern.includes('resources')),
    [],
    'no pattern leaves resources out',
  );
});
