import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { importCsv } from './import-csv.ts';
import { failure, snapshot } from './fixtures/rejected-import.ts';
import { createTestWorkspace, type TestWorkspace } from './fixtures/test-workspace.ts';
import type { ImportProblem } from './problems.ts';
import type { ImportEncoding } from '../../../preload/contract/vocabulary.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

/** GBK bytes written out by hand (from the GB2312 table), so the test does not trust the decoder it tests. */
const GBK = {
  杭州: [0xba, 0xbc, 0xd6, 0xdd],
  北京: [0xb1, 0xb1, 0xbe, 0xa9],
  工程师: [0xb9, 0xa4, 0xb3, 0xcc, 0xca, 0xa6],
  张伟: [0xd5, 0xc5, 0xce, 0xb0],
} as const;

/** A file from parts: strings as ASCII, arrays as raw bytes. */
function bytes(...parts: (string | readonly number[])[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
}

const GBK_BORROWERS = bytes('borrower_id,region,annual_income,occupation\nB1,', GBK.杭州, ',1000,', GBK.工程师, '\nB2,', GBK.北京, ',2000,', GBK.张伟, '\n');

function importFile(content: Buffer, encoding?: ImportEncoding) {
  return importCsv(ws.context(), { kind: 'borrowers', file: ws.writeFile('borrowers.csv', content), ...(encoding ? { encoding } : {}) });
}

describe('importCsv reads files in other encodings when told which', () => {
  it('imports a GBK file with the encoding gbk, storing the Chinese text as it reads, and audits the digest of its bytes', async () => {
    const summary = await importFile(GBK_BORROWERS, 'gbk');
    assert.equal(summary.rows, 2);
    assert.equal(summary.sha256, createHash('sha256').update(GBK_BORROWERS).digest('hex'));
    assert.deepEqual(ws.rows('SELECT borrower_id, region, occupation FROM borrowers ORDER BY borrower_id'), [
      { borrower_id: 'B1', region: '杭州', occupation: '工程师' },
      { borrower_id: 'B2', region: '北京', occupation: '张伟' },
    ]);
  });

  it('decodes a character whose two bytes arrive in different read chunks', async () => {
    // Read chunks are 256 KiB: the header's padding puts the chunk boundary between the two bytes of 杭 in row 17475.
    const rows = Array.from({ length: 20_000 }, (_, i) => bytes(`B${String(i).padStart(6, '0')},`, GBK.杭州, ',1\n'));
    const file = Buffer.concat([bytes('borrower_id,region,annual_income       \n'), ...rows]);
    assert.equal(file.subarray(256 * 1024 - 1, 256 * 1024 + 1).toString('hex'), 'babc');
    const summary = await importFile(file, 'gbk');
    assert.equal(summary.rows, 20_000);
    assert.deepEqual(ws.rows('SELECT region, count(*) AS n FROM borrowers GROUP BY region'), [{ region: '杭州', n: 20_000 }]);
  });

  it('imports Windows-1252 text with the encoding windows-1252', async () => {
    await importFile(bytes('borrower_id,region,annual_income\nB1,M', [0xfc], 'nchen ', [0x80], ',1\n'), 'windows-1252');
    assert.deepEqual(ws.rows('SELECT region FROM borrowers'), [{ region: 'München €' }]);
  });

  it('refuses an encoding it does not know', async () => {
    const error = await failure(importCsv(ws.context(), { kind: 'borrowers', file: ws.writeFile('b.csv', 'x'), encoding: 'latin9' as ImportEncoding }));
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /"latin9" is not an encoding RiskDesk imports; choose one of utf-8, gbk, gb18030, windows-1252/);
  });
});

describe('importCsv names the encoding a file that is not UTF-8 looks like', () => {
  async function problems(content: Buffer, encoding?: ImportEncoding): Promise<{ message: string; problems: ImportProblem[] }> {
    const before = snapshot(ws);
    const error = await failure(importFile(content, encoding));
    assert.equal(error.code, 'IMPORT_REJECTED');
    assert.equal(snapshot(ws), before);
    return { message: error.message, problems: (error.details as { problems: ImportProblem[] }).problems };
  }

  it('a GBK file read as UTF-8: every undecodable cell by row and column, suggesting the encoding gbk', async () => {
    const { message, problems: found } = await problems(GBK_BORROWERS);
    assert.deepEqual(found.map((p) => [p.row, p.column]), [[2, 'region'], [2, 'occupation'], [3, 'region'], [3, 'occupation']]);
    assert.match(message, /borrowers\.csv was not imported/);
    assert.equal(
      found[0]?.reason,
      'is not valid UTF-8 text; the file looks like GBK (simplified Chinese): import it with the encoding gbk (riskdesk import --encoding gbk) or save it as CSV UTF-8',
    );
  });

  it('a file whose Chinese text starts after many ASCII rows is still recognised as GBK', async () => {
    const ascii = Array.from({ length: 30_000 }, (_, i) => `B${i},east,1\n`).join('');
    const { problems: found } = await problems(bytes('borrower_id,region,annual_income\n', ascii, 'X1,', GBK.杭州, ',1\n'));
    assert.deepEqual([found[0]?.row, found[0]?.column], [30_002, 'region']);
    assert.match(found[0]?.reason ?? '', /looks like GBK/);
  });

  it('a Windows-1252 file read as UTF-8 suggests windows-1252', async () => {
    const { problems: found } = await problems(bytes('borrower_id,region,annual_income\nB1,M', [0xfc], 'nchen,1\n'));
    assert.match(found[0]?.reason ?? '', /looks like Windows-1252 .*--encoding windows-1252/);
  });

  it('a UTF-16 big-endian file is one problem per header column, naming UTF-16 (little-endian with its BOM is read)', async () => {
    const text = 'borrower_id,region,annual_income\nB1,杭州,1\n';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.equal((await importFile(little)).rows, 1);
    const big = Buffer.from(little.subarray(2)).swap16();
    const { problems: found } = await problems(Buffer.concat([Buffer.from([0xfe, 0xff]), big]));
    assert.deepEqual([found[0]?.row, found[0]?.reason], [1, 'column 1 of the header is not valid UTF-8 text; the file looks like UTF-16 (big-endian): save it as CSV UTF-8']);
  });

  it('a UTF-8 file read as GBK or Windows-1252, which would store its text garbled', async () => {
    const utf8 = Buffer.from('borrower_id,region,annual_income\nB1,浙江省杭州市,1\nB2,北京市,2\n', 'utf8');
    for (const encoding of ['gbk', 'windows-1252'] as const) {
      // Most of the text decodes to other characters without complaint; the file as a whole is refused for it.
      const { problems: found } = await problems(utf8, encoding);
      const whole = found.filter((p) => p.row === 1 && p.column === null);
      assert.equal(whole.length, 1, JSON.stringify(found));
      assert.match(whole[0]?.reason ?? '', /^the file is UTF-8 text, but it was read as (GBK|Windows-1252), which would store its text garbled; import it as UTF-8/);
    }
    // Listed first even when the cells' problems fill the list: it is their cause.
    const many = Buffer.from(`borrower_id,region,annual_income\n${Array.from({ length: 150 }, (_, i) => `B${i},成都市,1\n`).join('')}`, 'utf8');
    const { problems: first } = await problems(many, 'windows-1252');
    assert.equal(first.length, 100);
    assert.match(first[0]?.reason ?? '', /^the file is UTF-8 text, but it was read as Windows-1252/);
    // A GBK file whose few characters happen to be valid UTF-8 too is not refused for it: 矛茅 (C3 AC C3 A9) is also ìé.
    assert.equal((await importFile(bytes('borrower_id,region,annual_income\nB1,', [0xc3, 0xac, 0xc3, 0xa9], ',1\n'), 'gbk')).rows, 1);
  });

  it('bytes that are not GBK in a file read as GBK', async () => {
    const { problems: found } = await problems(bytes('borrower_id,region,annual_income\nB1,', [0xff, 0x41], ',1\n'), 'gbk');
    assert.deepEqual([found[0]?.row, found[0]?.column], [2, 'region']);
    assert.match(found[0]?.reason ?? '', /^is not valid GBK text/);
  });
});
