import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { EXIT_FAILURE, EXIT_USAGE, reportFailure, usageError } from './failure.ts';
import { capturedIo } from '../test-support/captured-cli-io.ts';

const rejected = new RiskDeskError('IMPORT_REJECTED', 'loans.csv was not imported (nothing was written): 3 problems\n  row 2, column principal: "x" is not an amount', {
  problems: [
    { file: 'loans.csv', row: 2, column: 'principal', value: 'x', reason: 'is not an amount like 1234.56' },
    { file: 'loans.csv', row: 10, column: null, value: null, reason: 'has 9 values but the header has 7 columns' },
  ],
  totalProblems: 3,
});

describe('reportFailure', () => {
  it('prints an import rejection as its summary line and a table of file:row, column, value and reason', () => {
    const io = capturedIo();
    assert.equal(reportFailure(rejected, io, false), EXIT_FAILURE);
    assert.equal(
      io.err(),
      [
        'riskdesk: loans.csv was not imported (nothing was written): 3 problems',
        '  loans.csv:2   principal  "x" — is not an amount like 1234.56',
        '  loans.csv:10  (row)      — has 9 values but the header has 7 columns',
        '  … and 1 more',
        '',
      ].join('\n'),
    );
    assert.equal(io.out(), '');
  });

  it('with --json prints one object on stdout carrying the code and details', () => {
    const io = capturedIo();
    reportFailure(rejected, io, true);
    const printed = JSON.parse(io.out()) as { ok: boolean; error: { code: string; details: unknown } };
    assert.equal(printed.ok, false);
    assert.equal(printed.error.code, 'IMPORT_REJECTED');
    assert.deepEqual(printed.error.details, rejected.details);
    assert.equal(io.err(), '');
  });

  it('gives usage errors exit 2 and a pointer to the help, on one line', () => {
    const io = capturedIo();
    assert.equal(reportFailure(usageError('no passphrase', 'riskdesk user add'), io, false), EXIT_USAGE);
    assert.equal(io.err(), "riskdesk: no passphrase (see 'riskdesk user add --help')\n");
  });

  it('reports an unexpected error in one line, with the stack only when RISKDESK_DEBUG=1', () => {
    const quiet = capturedIo();
    assert.equal(reportFailure(new TypeError('boom'), quiet, false), EXIT_FAILURE);
    assert.equal(quiet.err(), 'riskdesk: unexpected error: boom\n');
    const debug = capturedIo({ RISKDESK_DEBUG: '1' });
    reportFailure(new TypeError('boom'), debug, false);
    assert.match(debug.err(), /^riskdesk: unexpected error: boom\nTypeError: boom\n {4}at /);
  });

  it('prints an unexpected error and its stack without the passphrases of the environment or a raw key', () => {
    const io = capturedIo({ RISKDESK_DEBUG: '1', RISKDESK_PASSPHRASE: 'hunter2 hunter2', RISKDESK_NEW_PASSPHRASE: 'swordfish 123' });
    const error = new Error(`driver said hunter2 hunter2, swordfish 123 and key="x'${'ab'.repeat(32)}'"`);
    reportFailure(error, io, false);
    assert.match(io.err(), /^riskdesk: unexpected error: driver said \[redacted\], \[redacted\] and key="x'…'"\nError: driver said \[redacted\]/);
    assert.ok(!/hunter2|swordfish|abab/.test(io.err()), io.err());
    const json = capturedIo({ RISKDESK_PASSPHRASE: 'hunter2 hunter2' });
    reportFailure(error, json, true);
    assert.ok(!/hunter2|abab/.test(json.out()), json.out());
  });
});
