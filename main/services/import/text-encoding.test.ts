import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessEncoding, retryEncoding, undecodableReason } from './text-encoding.ts';

const hex = (text: string): Buffer => Buffer.from(text.replace(/ /g, ''), 'hex');
const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const guessed = (...parts: Buffer[]): string | null => guessEncoding(Buffer.concat(parts)).importAs ?? guessEncoding(Buffer.concat(parts)).name;

describe('guessEncoding', () => {
  it('reads byte order marks', () => {
    assert.equal(guessed(hex('fffe'), Buffer.from('a,b\n', 'utf16le')), 'UTF-16 (little-endian)');
    assert.equal(guessed(hex('feff 0061 002c')), 'UTF-16 (big-endian)');
    assert.equal(guessed(hex('84319533'), ascii('a,b\n')), 'gb18030');
    assert.equal(guessed(hex('efbbbf'), ascii('a,b\n')), 'utf-8');
  });

  it('tells UTF-16 without a BOM and binary data by their zero and control bytes', () => {
    assert.equal(guessed(Buffer.from('region,杭州\n', 'utf16le')), 'UTF-16 (little-endian)');
    assert.equal(guessed(hex('9c 00 01 02 03 ff 10 11 12 fe')), 'binary data, not text');
  });

  it('takes valid UTF-8 as UTF-8, even with a character cut off at the end of the sample', () => {
    const text = Buffer.from('杭州,北京', 'utf8');
    assert.equal(guessed(text.subarray(0, text.length - 1)), 'utf-8');
  });

  it('tells GBK (Chinese) from Shift-JIS (Japanese) from Windows-1252 by how the high bytes pair', () => {
    // 杭州, 北京, 张伟 in GBK.
    assert.equal(guessed(hex('babcd6dd'), ascii(','), hex('b1b1bea9'), ascii(','), hex('d5c5ceb0')), 'gbk');
    // こんにちは in Shift-JIS.
    assert.equal(guessed(hex('82b182f182c982bf82cd')), 'Shift-JIS (Japanese)');
    // café, Müller, crème brûlée in Windows-1252: single high bytes, some of which pair with the ASCII letter after them.
    assert.equal(guessed(ascii('caf'), hex('e9'), ascii(',M'), hex('fc'), ascii('ller,cr'), hex('e8'), ascii('me br'), hex('fb'), ascii('l'), hex('e9'), ascii('e\n')), 'windows-1252');
  });
});

describe('undecodableReason', () => {
  it('names the encoding the file looks like and how to import it', () => {
    assert.equal(
      undecodableReason('utf-8', guessEncoding(hex('babcd6dd'))),
      'is not valid UTF-8 text; the file looks like GBK (simplified Chinese): import it with the encoding gbk (riskdesk import --encoding gbk) or save it as CSV UTF-8',
    );
    assert.equal(undecodableReason('utf-8', guessEncoding(hex('feff0061'))), 'is not valid UTF-8 text; the file looks like UTF-16 (big-endian): save it as CSV UTF-8');
    assert.equal(undecodableReason('gbk', guessEncoding(hex('babcd6dd'))), 'is not valid GBK text; save the file as CSV UTF-8');
  });
});

describe('retryEncoding', () => {
  const gbk = guessEncoding(hex('babcd6dd'));
  const surelyUtf8 = guessEncoding(Buffer.from('杭州,北京,上海,深圳', 'utf8'));
  const maybeUtf8 = guessEncoding(Buffer.from('é', 'utf8'));

  it('offers the encoding a refused file looks like, when RiskDesk reads it and the file was read otherwise', () => {
    assert.equal(retryEncoding('utf-8', gbk), 'gbk');
    assert.equal(retryEncoding('windows-1252', gbk), 'gbk');
    assert.equal(retryEncoding('gbk', surelyUtf8), 'utf-8');
  });

  it('offers nothing for the encoding it was read as, one RiskDesk does not read, or text that is only possibly UTF-8', () => {
    assert.equal(retryEncoding('gbk', gbk), null);
    assert.equal(retryEncoding('utf-8', guessEncoding(hex('82b182f182c982bf82cd'))), null, 'Shift-JIS');
    assert.equal(retryEncoding('utf-8', guessEncoding(hex('feff0061'))), null, 'UTF-16');
    assert.equal(retryEncoding('gbk', maybeUtf8), null, 'a GBK file may be valid UTF-8 by chance');
    assert.equal(retryEncoding('utf-8', surelyUtf8), null);
  });
});
