import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { SessionFolder } from '../services/session-folder.ts';
import { tempDir } from '../test-support/temp-workspace.ts';
import { browserCommand, openInBrowser } from './open-in-browser.ts';

const TOKEN = 'tok3n_tok3n_tok3n_tok3n_tok3n_tok3n_tok3n_0';
const URL_WITH_TOKEN = `http://127.0.0.1:8750/#token=${TOKEN}&user=a%22b`;

async function waitForFile(file: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (!fs.existsSync(file) || fs.readFileSync(file, 'utf8').split('\n').length < 3) {
    if (Date.now() > deadline) throw new Error(`${file} was not written`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return fs.readFileSync(file, 'utf8');
}

describe('opening the browser host in a browser', () => {
  it('names a local page on every platform, never the URL', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const [command, args] = browserCommand('/home/a/risk.rdw.temp/h-1-abcdef01/open-riskdesk.html', platform);
      assert.ok(command.length > 0);
      assert.match(args.at(-1) ?? '', /^file:\/\/.*open-riskdesk\.html$/, platform);
    }
  });

  it('starts the browser with neither the token in its arguments nor a passphrase in its environment', { skip: process.platform === 'win32' }, async () => {
    const dir = tempDir('riskdesk-open-');
    const bin = path.join(dir, 'bin');
    const record = path.join(dir, 'record.txt');
    fs.mkdirSync(bin);
    // A stand-in for xdg-open (and open): what it was given, one thing a line.
    const fake = `#!/bin/sh\n{ echo "args: $*"; echo "passphrase: \${RISKDESK_PASSPHRASE-unset}"; echo "new: \${RISKDESK_NEW_PASSPHRASE-unset}"; } > ${JSON.stringify(record)}\n`;
    for (const name of ['xdg-open', 'open']) fs.writeFileSync(path.join(bin, name), fake, { mode: 0o755 });
    const folder = new SessionFolder(path.join(dir, 'risk.rdw'));

    openInBrowser(URL_WITH_TOKEN, folder, {
      env: { PATH: `${bin}:/usr/bin:/bin`, RISKDESK_PASSPHRASE: 'the admin passphrase', RISKDESK_NEW_PASSPHRASE: 'a new passphrase' },
      platform: process.platform === 'darwin' ? 'darwin' : 'linux',
    });
    const lines = (await waitForFile(record)).trim().split('\n');
    assert.deepEqual(lines.slice(1), ['passphrase: unset', 'new: unset']);
    assert.ok(!lines[0]!.includes(TOKEN), lines[0]);

    const page = fileURLToPath(lines[0]!.replace(/^args: /, ''));
    assert.equal(path.dirname(page), folder.dir);
    assert.equal(fs.statSync(page).mode & 0o077, 0, 'the page is readable by its owner only');
    assert.equal(fs.statSync(folder.dir).mode & 0o077, 0, 'and so is its folder');
    const html = fs.readFileSync(page, 'utf8');
    assert.ok(html.includes(`content="0;url=http://127.0.0.1:8750/#token=${TOKEN}&amp;user=a%22b"`), html);

    folder.remove();
    assert.equal(fs.existsSync(page), false);
  });
});
