import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBagInfo, formatBagSize, formatManifest, parseBagInfo, parseManifest } from './bag-info.ts';

describe('bag-info.txt', () => {
  it('writes short values as one line each', () => {
    assert.equal(formatBagInfo([['Source-Organization', 'Bank'], ['Bagging-Date', '2026-12-01']]), 'Source-Organization: Bank\nBagging-Date: 2026-12-01\n');
  });

  it('folds a long value at spaces into lines of at most 79 characters, and reads back the same value', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const value = words.join(' ');
    const text = formatBagInfo([['External-Description', value]]);
    const lines = text.split('\n').slice(0, -1);
    assert.ok(lines.length > 3);
    for (const line of lines) assert.ok(line.length <= 79, line);
    for (const line of lines.slice(1)) assert.match(line, /^ {2}\S/);
    assert.deepEqual(parseBagInfo(text), [{ label: 'External-Description', value }]);
  });

  it('keeps double spaces and a word longer than a line intact', () => {
    const value = `a  b ${'x'.repeat(100)} c`;
    const text = formatBagInfo([['Note', value]]);
    assert.deepEqual(parseBagInfo(text), [{ label: 'Note', value }]);
  });

  it('writes a multi-line value as one logical line (BagIt values hold no line break), each line starting an indented one', () => {
    const text = formatBagInfo([['External-Description', 'Period 2026-11-01 to 2026-11-30\r\n  cases 1, 2\n\nrule set v3'], ['Contact-Name', '王芳']]);
    assert.equal(text, 'External-Description: Period 2026-11-01 to 2026-11-30\n  cases 1, 2\n  rule set v3\nContact-Name: 王芳\n');
    assert.deepEqual(parseBagInfo(text), [
      { label: 'External-Description', value: 'Period 2026-11-01 to 2026-11-30 cases 1, 2 rule set v3' },
      { label: 'Contact-Name', value: '王芳' },
    ]);
  });

  it('reads CR and CRLF line ends, tab continuations, colons in values and blank lines', () => {
    assert.deepEqual(parseBagInfo('A: 1\r\nB: x: y\r\n\tz\r\rC:\n'), [
      { label: 'A', value: '1' },
      { label: 'B', value: 'x: y z' },
      { label: 'C', value: '' },
    ]);
  });

  it('refuses malformed lines, naming the file and the line', () => {
    assert.throws(() => parseBagInfo('A: 1\nno colon here\n'), { code: 'VALIDATION', message: /^bag-info\.txt line 2: / });
    assert.throws(() => parseBagInfo('  continued\n', 'bagit.txt'), { code: 'VALIDATION', message: /^bagit\.txt line 1: .*before any label/ });
    assert.throws(() => parseBagInfo('A: 1\n: no label\n'), { code: 'VALIDATION', message: /line 2/ });
    assert.throws(() => parseBagInfo('A:1\n'), { code: 'VALIDATION', message: /line 1/ });
  });

  it('refuses labels that cannot be written', () => {
    for (const label of ['', 'A:B', ' A', 'A\nB']) assert.throws(() => formatBagInfo([[label, 'x']]), { code: 'VALIDATION' }, label);
  });

  it('states Bag-Size in decimal units', () => {
    assert.equal(formatBagSize(0), '0 bytes');
    assert.equal(formatBagSize(999), '999 bytes');
    assert.equal(formatBagSize(1000), '1.0 kB');
    // 1 234 567 bytes = 1.234567 MB, one decimal.
    assert.equal(formatBagSize(1_234_567), '1.2 MB');
    // 999 960 bytes would round to "1000.0 kB": written as 1.0 MB instead.
    assert.equal(formatBagSize(999_960), '1.0 MB');
    assert.equal(formatBagSize(260_000_000_000), '260.0 GB');
  });
});

describe('manifests', () => {
  const a = 'a'.repeat(64);
  const b = 'B'.repeat(64);

  it('writes "<sha256>  <path>" lines and reads them back, percent-encoding CR, LF and % only', () => {
    const entries = [
      { path: 'data/cases/cases.csv', sha256: a },
      { path: 'data/100%\nsure\r.txt', sha256: a },
      { path: 'data/警报 alerts.csv', sha256: a },
    ];
    const text = formatManifest(entries);
    assert.equal(text, `${a}  data/cases/cases.csv\n${a}  data/100%25%0Asure%0D.txt\n${a}  data/警报 alerts.csv\n`);
    assert.deepEqual(parseManifest(text, 'manifest-sha256.txt'), entries);
  });

  it('reads upper-case hex, tabs and lower-case escapes', () => {
    assert.deepEqual(parseManifest(`${b}\tdata/x%0ay\n`, 'manifest-sha256.txt'), [{ path: 'data/x\ny', sha256: 'b'.repeat(64) }]);
  });

  it('refuses a malformed line, a bad escape and a path listed twice, naming the file and the line', () => {
    assert.throws(() => parseManifest(`${a}  data/a\n${a.slice(1)}  data/b\n`, 'manifest-sha256.txt'), { code: 'VALIDATION', message: /^manifest-sha256\.txt line 2: / });
    assert.throws(() => parseManifest(`${a}data/a\n`, 'tagmanifest-sha256.txt'), { code: 'VALIDATION', message: /^tagmanifest-sha256\.txt line 1: / });
    assert.throws(() => parseManifest(`${a}  data/50%.txt\n`, 'manifest-sha256.txt'), { code: 'VALIDATION', message: /line 1: a % in a path/ });
    assert.throws(() => parseManifest(`${a}  data/a\n${b}  data/a\n`, 'manifest-sha256.txt'), { code: 'VALIDATION', message: /line 2: data\/a is listed twice/ });
  });
});
