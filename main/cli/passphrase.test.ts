import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { CommandOutput } from './cli-io.ts';
import { readPassphrase, type PassphraseSource } from './passphrase.ts';
import { capturedIo } from '../test-support/captured-cli-io.ts';
import { isRiskDeskError } from '../../preload/contract/errors.ts';

const dir = tempDir('riskdesk-cli-passphrase-');

function source(file?: string): PassphraseSource {
  return { file, fileOption: '--passphrase-file', envVar: 'RISKDESK_PASSPHRASE', prompt: 'Passphrase', confirm: false, commandPath: 'riskdesk user list' };
}

function writeSecret(name: string, text: string, mode: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode);
  return file;
}

describe('readPassphrase', () => {
  it('takes the first line of --passphrase-file, without its line ending, before the environment', async () => {
    const io = capturedIo({ RISKDESK_PASSPHRASE: 'from the environment' });
    const file = writeSecret('crlf.pass', 'from the file  \r\nsecond line\r\n', 0o600);
    assert.equal(await readPassphrase(new CommandOutput(io, false), source(file)), 'from the file  ');
    assert.equal(io.err(), '');
  });

  it('warns (without printing the secret) when other users can read the file', { skip: process.platform === 'win32' }, async () => {
    const io = capturedIo();
    const file = writeSecret('open.pass', 'readable by all\n', 0o644);
    assert.equal(await readPassphrase(new CommandOutput(io, false), source(file)), 'readable by all');
    assert.match(io.err(), /^riskdesk: warning: .*open\.pass can be read by other users \(mode 0644\); restrict it with chmod 600\.\n$/);
  });

  it('refuses an empty file and, with no file, variable or terminal, says how to give one', async () => {
    const io = capturedIo({ RISKDESK_PASSPHRASE: '' });
    const out = new CommandOutput(io, false);
    await assert.rejects(readPassphrase(out, source(writeSecret('empty.pass', '\n', 0o600))), (error) => isRiskDeskError(error) && error.code === 'USAGE' && /is empty/.test(error.message));
    await assert.rejects(readPassphrase(out, source()), (error) => isRiskDeskError(error) && error.code === 'USAGE' && /pass --passphrase-file FILE or set RISKDESK_PASSPHRASE/.test(error.message));
    assert.equal(await readPassphrase(new CommandOutput(capturedIo({ RISKDESK_PASSPHRASE: 'env secret' }), false), source()), 'env secret');
  });
});
