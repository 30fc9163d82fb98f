import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../test-support/temp-workspace.ts';
import { fitCreditScorecard } from './credit/scorecard-fit.ts';
import { csvCell, csvLine } from './csv-writer.ts';

// Payloads from OWASP's CSV injection page and the hostile test that found the defect (issue 8, item 1).
const FORMULAS = ['=HYPERLINK("http://evil.example/?x=1","L")', "=cmd|' /C calc'!A0", '+1+cmd|x', '-2+3+cmd|x', '@SUM(1+9)*cmd|x', '\t=1+1', '\r=1+1'];

describe('CSV writer', () => {
  it('prefixes an apostrophe to text that a spreadsheet would run as a formula', () => {
    for (const formula of FORMULAS) {
      const [cell] = parse(csvCell(formula), { relax_quotes: false }) as string[][];
      assert.deepEqual(cell, [`'${formula}`], JSON.stringify(formula));
    }
  });

  it('leaves numbers, signed decimal strings and ordinary text as they are', () => {
    assert.equal(csvCell(-12.5), '-12.5');
    assert.equal(csvCell('-12.50'), '-12.50');
    assert.equal(csvCell('+3'), '+3');
    assert.equal(csvCell('-1e5'), '-1e5');
    assert.equal(csvCell('north'), 'north');
    assert.equal(csvCell('a=b'), 'a=b');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(undefined), '');
  });

  it('quotes as RFC 4180 asks, after neutralising', () => {
    assert.equal(csvCell('50%_promo, "web"'), '"50%_promo, ""web"""');
    assert.equal(csvCell(' padded'), '" padded"');
    assert.equal(csvCell('=A1,B1'), `"'=A1,B1"`);
    assert.equal(csvLine(['x', 1, null, '@y']), "x,1,,'@y");
  });

  it('neutralises hostile feature names in credit fit --out files', async () => {
    const dir = tempDir('riskdesk-csv-writer-');
    const input = path.join(dir, 'hostile.csv');
    const hostile = "=cmd|' /C calc'!A0";
    const lines = [`bad,"${hostile.replaceAll('"', '""')}",income`];
    // The hostile column predicts the event (with one case in eleven flipped), so the scorecard keeps it.
    for (let i = 0; i < 400; i += 1) {
      const bad = i % 5 === 0;
      lines.push(`${bad ? 1 : 0},${bad !== (i % 11 === 0) ? 1 + (i % 3) : 5 + (i % 3)},${1000 + ((i * 37) % 500)}`);
    }
    fs.writeFileSync(input, `${lines.join('\n')}\n`);
    const out = path.join(dir, 'out');
    const outcome = await fitCreditScorecard({ csv: input, target: 'bad', outDir: out });
    assert.equal(outcome.written.length, 2);
    for (const file of outcome.written) {
      assert.equal(fs.statSync(file).mode & 0o777, 0o600, `${path.basename(file)} is private to its owner`);
      const [header] = parse(fs.readFileSync(file, 'utf8'), { to_line: 1 }) as string[][];
      assert.ok(header?.every((name) => !/^[=+\-@\t\r]/.test(name)), `${path.basename(file)} header ${JSON.stringify(header)}`);
    }
    const [woeHeader] = parse(fs.readFileSync(path.join(out, 'woe.csv'), 'utf8'), { to_line: 1 }) as string[][];
    const used = outcome.development.scorecard?.features ?? [];
    assert.ok(used.includes(hostile), `the hostile column is among the model's features: ${used.join(', ')}`);
    assert.deepEqual(woeHeader?.slice(3), used.map((name) => (name === hostile ? `'${hostile}` : name)));
  });
});
