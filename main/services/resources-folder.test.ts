import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { readResourceJson, resourcesFolder } from './resources-folder.ts';

const checkout = path.resolve(import.meta.dirname, '..', '..');

/** A folder laid out as a packaged app's app.asar: package.json, dist/ and resources/ side by side. */
function packagedLayout(): string {
  const app = path.join(tempDir(), 'app.asar');
  fs.mkdirSync(path.join(app, 'dist', 'main', 'services'), { recursive: true });
  fs.mkdirSync(path.join(app, 'resources', 'parameter-sets'), { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), '{}');
  fs.writeFileSync(path.join(app, 'resources', 'parameter-sets', 'x.json'), '{"shipped": true}');
  return app;
}

describe('the resources folder', () => {
  it('is found from the sources (tsx) and from the compiled dist/ of the checkout', () => {
    assert.equal(resourcesFolder(), path.join(checkout, 'resources'));
    assert.equal(resourcesFolder(path.join(checkout, 'dist', 'main', 'services')), path.join(checkout, 'resources'));
    assert.ok(fs.existsSync(path.join(resourcesFolder(), 'parameter-sets', 'credit-ifrs9-default.json')));
  });

  it('is found beside package.json in a packaged layout, and its files are read from there', () => {
    const app = packagedLayout();
    const folder = resourcesFolder(path.join(app, 'dist', 'main', 'services'));
    assert.equal(folder, path.join(app, 'resources'));
    assert.deepEqual(readResourceJson('parameter-sets/x.json', folder), { shipped: true });
  });

  it('says to reinstall when there is none, or a file is missing or not JSON', () => {
    const bare = tempDir();
    assert.throws(() => resourcesFolder(bare), (error: Error & { code?: string }) => error.code === 'FILE_UNREADABLE' && /resources folder is missing.*reinstall RiskDesk/.test(error.message));
    const folder = path.join(packagedLayout(), 'resources');
    fs.writeFileSync(path.join(folder, 'broken.json'), '{"cut": ');
    for (const file of ['absent.json', 'broken.json']) {
      assert.throws(() => readResourceJson(file, folder), (error: Error & { code?: string }) => error.code === 'FILE_UNREADABLE' && error.message.includes(`${file} cannot be read`) && error.message.endsWith('reinstall RiskDesk.'));
    }
  });
});
