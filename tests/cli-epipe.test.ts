import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';

it('stops quietly when its reader closes the pipe early (riskdesk --help | head)', async () => {
  // A shell pipeline to `head -c 1` closes stdout after one byte, while the help text is still being written.
  // pipefail makes the pipeline's status riskdesk's own.
  const child = spawn('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/riskdesk.mjs credit fit --help | head -c 1 >/dev/null`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  assert.doesNotMatch(stderr, /EPIPE|Error|at /);
});
