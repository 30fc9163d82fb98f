// Proves that eslint.config.js enforces ARCHITECTURE.md's import arrows: a rule that silently stopped
// matching (a renamed folder, a glob typo) would otherwise let the layering rot unnoticed.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

const BOUNDARY_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-imports',
  'no-restricted-syntax',
  'no-restricted-globals',
]);

/** The boundary findings for `code` as if it were the file at `filePath` (relative to the repo). */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, `ESLint returned no result for ${filePath}`);
  return result.messages
    .filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('import boundaries (eslint.config.js)', () => {
  test('an engine may not import a Node built-in', async () => {
    const errors = await boundaryErrors("import fs from 'node:fs';\nexport const f = fs;\n", 'main/engines/credit/x.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0] ?? '', /Node built-ins/);
  });

  test('an engine may not import fs without the node: prefix, nor the store', async () => {
    const code = "import { readFileSync } from 'fs';\nimport type { Db } from '../../store/database.ts';\nexport const f: [unknown, Db?] = [readFileSync];\n";
    const errors = await boundaryErrors(code, 'main/engines/credit/x.ts');
    assert.equal(errors.length, 2, errors.join('\n'));
  });

  test('an engine may not read the clock', async () => {
    const errors = await boundaryErrors('export const a = Date.now();\nexport const b = new Date();\n', 'main/engines/fraud/x.ts');
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.deepEqual(await boundaryErrors("export const c = new Date('2024-01-01T00:00:00Z');\n", 'main/engines/fraud/x.ts'), []);
  });

  test('an engine may import another engine', async () => {
    const code = "import { LCR_DEFAULT_FACTORS } from '../liquidity/index.ts';\nexport const f = LCR_DEFAULT_FACTORS;\n";
    assert.deepEqual(await boundaryErrors(code, 'main/engines/credit/x.ts'), []);
  });

  test('a service may not import electron', async () => {
    const errors = await boundaryErrors("import { app } from 'electron';\nexport const a = app;\n", 'main/services/x.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0] ?? '', /Only main\/electron\//);
  });

  test('a service may import the store, workers and engines', async () => {
    const code = [
      "import { openDatabase } from '../store/database.ts';",
      "import { run } from '../workers/score.ts';",
      "import { LCR_DEFAULT_FACTORS } from '../engines/liquidity/index.ts';",
      'export const a = [openDatabase, run, LCR_DEFAULT_FACTORS];',
      '',
    ].join('\n');
    assert.deepEqual(await boundaryErrors(code, 'main/services/x.ts'), []);
  });

  test('main/electron/ may import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    assert.deepEqual(await boundaryErrors(code, 'main/electron/main.ts'), []);
  });

  test('the store may throw the contract’s error type and use its vocabulary, but imports no other contract value', async () => {
    assert.deepEqual(await boundaryErrors("import { RiskDeskError } from '../../preload/contract/errors.ts';\nexport const e = RiskDeskError;\n", 'main/store/x.ts'), []);
    assert.deepEqual(await boundaryErrors("import { DPD_BUCKETS } from '../../preload/contract/vocabulary.ts';\nexport const b = DPD_BUCKETS;\n", 'main/store/x.ts'), []);
    const errors = await boundaryErrors("import { contract } from '../../preload/contract/methods.ts';\nexport const c = contract;\n", 'main/store/x.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
  });

  test('the store may use the engines’ calendar, but no engine’s computation', async () => {
    assert.deepEqual(await boundaryErrors("import { monthText } from '../engines/calendar.ts';\nexport const m = monthText;\n", 'main/store/x.ts'), []);
    assert.deepEqual(await boundaryErrors("import type { FeatureColumn } from '../engines/credit/index.ts';\nexport type F = FeatureColumn;\n", 'main/store/x.ts'), []);
    const errors = await boundaryErrors("import { dpdBucket } from '../engines/credit/index.ts';\nexport const d = dpdBucket;\n", 'main/store/x.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
  });

  test('the demo generator may throw the error type and use the vocabulary, but imports nothing else from preload/', async () => {
    assert.deepEqual(await boundaryErrors("import { RiskDeskError } from '../../preload/contract/errors.ts';\nexport const e = RiskDeskError;\n", 'main/demo/x.ts'), []);
    assert.deepEqual(await boundaryErrors("import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';\nexport const c = DEFAULT_BASE_CURRENCY;\n", 'main/demo/x.ts'), []);
    for (const module of ['../../preload/contract/methods.ts', '../../preload/index.ts']) {
      const errors = await boundaryErrors(`import * as m from '${module}';\nexport const c = m;\n`, 'main/demo/x.ts');
      assert.equal(errors.length, 1, `${module}: ${errors.join('\n')}`);
    }
  });

  test('the CLI may import the error type but not store functions', async () => {
    assert.deepEqual(
      await boundaryErrors("import { RiskDeskError } from '../preload/contract/errors.ts';\nexport const e = RiskDeskError;\n", 'main/cli/x.ts'),
      [],
    );
    const errors = await boundaryErrors("import { openDatabase } from '../store/database.ts';\nexport const o = openDatabase;\n", 'main/cli/x.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
  });

  test('an API handler calls services, never the store', async () => {
    const storeCall = "import { loanDetail } from '../../store/portfolio-queries.ts';\nexport const l = loanDetail;\n";
    const errors = await boundaryErrors(storeCall, 'main/services/api/x-handlers.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0] ?? '', /Front ends go through main\/services\//);
    // The session and the job registry around the handlers may use the store; a handler may name its types.
    assert.deepEqual(await boundaryErrors(storeCall, 'main/services/api/session.ts'), []);
    assert.deepEqual(await boundaryErrors("import type { Db } from '../../store/database.ts';\nexport type D = Db;\n", 'main/services/api/x-handlers.ts'), []);
  });

  test('only the store imports the SQLite driver', async () => {
    const code = "import Database from 'better-sqlite3-multiple-ciphers';\nexport const D = Database;\n";
    for (const file of ['main/workers/x.ts', 'main/services/x.ts', 'main/demo/x.ts', 'main/cli/x.ts', 'main/host/x.ts', 'main/electron/x.ts']) {
      const errors = await boundaryErrors(code, file);
      assert.equal(errors.length, 1, `${file}: ${errors.join('\n')}`);
      assert.match(errors[0] ?? '', /Only main\/store\/ talks to the database/);
    }
    assert.deepEqual(await boundaryErrors(code, 'main/store/x.ts'), []);
    assert.deepEqual(await boundaryErrors(code, 'main/services/x.test.ts'), []);
  });

  test('outside the store nothing runs SQL: no prepare, exec, pragma or transaction on a connection', async () => {
    const code = [
      "import type { Db } from '../../store/database.ts';",
      'export function f(db: Db): unknown {',
      "  db.exec('DELETE FROM loans');",
      "  db.pragma('cache_size = -1');",
      "  db.transaction(() => undefined)();",
      "  return db.prepare('SELECT 1').get();",
      '}',
      '',
    ].join('\n');
    for (const file of ['main/workers/jobs/x.ts', 'main/services/api/x.ts', 'main/demo/x.ts', 'main/cli/commands/x.ts', 'main/host/x.ts', 'main/electron/x.ts']) {
      const errors = await boundaryErrors(code, file);
      assert.equal(errors.length, 4, `${file}: ${errors.join('\n')}`);
      assert.ok(errors.every((error) => /^no-restricted-syntax: SQL belongs in main\/store\//.test(error)), `${file}: ${errors.join('\n')}`);
    }
    // A regex literal's exec is no database call.
    assert.deepEqual(await boundaryErrors("export const m = /^a(b)$/.exec('ab');\n", 'main/workers/x.ts'), []);
    // The same calls are the store's to make, and harness code's (tests, their fixtures, the shared test support).
    for (const file of ['main/store/jobs/x.ts', 'main/workers/jobs/x.test.ts', 'main/electron/x.test.ts', 'main/workers/fixtures/x.ts', 'main/test-support/x.ts']) {
      assert.deepEqual(await boundaryErrors(code, file), [], file);
    }
  });

  test('outside the credit engine, only its index.ts may be imported', async () => {
    const cases = [
      { file: 'main/workers/jobs/x.ts', deep: '../../engines/credit/scorecard/fit.ts', index: '../../engines/credit/index.ts' },
      { file: 'main/services/x.ts', deep: '../engines/credit/ifrs9/loan-risk.ts', index: '../engines/credit/index.ts' },
      { file: 'bench/x.ts', deep: '../main/engines/credit/scorecard/logistic.ts', index: '../main/engines/credit/index.ts' },
      { file: 'main/engines/liquidity/x.ts', deep: '../credit/portfolio/concentration.ts', index: '../credit/index.ts' },
      { file: 'main/engines/x.ts', deep: './credit/portfolio/vintages.ts', index: './credit/index.ts' },
    ];
    for (const { file, deep, index } of cases) {
      const errors = await boundaryErrors(`import * as credit from '${deep}';\nexport const c = credit;\n`, file);
      assert.equal(errors.length, 1, `${file}: ${errors.join('\n')}`);
      assert.match(errors[0] ?? '', /import the credit engine from engines\/credit\/index\.ts only/);
      assert.deepEqual(await boundaryErrors(`import * as credit from '${index}';\nexport const c = credit;\n`, file), [], `${file} through the index`);
    }
    const typeOnly = "import type { FeatureColumn } from '../engines/credit/scorecard/binning.ts';\nexport type F = FeatureColumn;\n";
    assert.equal((await boundaryErrors(typeOnly, 'main/store/x.ts')).length, 1, 'types too');
    // Inside the engine its folders import each other; tests reach in as they need.
    assert.deepEqual(await boundaryErrors("import { scoreRows } from '../scorecard/fit.ts';\nexport const s = scoreRows;\n", 'main/engines/credit/ifrs9/x.ts'), []);
    assert.deepEqual(await boundaryErrors("import { scoreRows } from '../../engines/credit/scorecard/fit.ts';\nexport const s = scoreRows;\n", 'main/workers/jobs/x.test.ts'), []);
  });

  test('outside the fraud engine, only its index.ts may be imported', async () => {
    const cases = [
      { file: 'main/workers/jobs/x.ts', deep: '../../engines/fraud/features.ts', index: '../../engines/fraud/index.ts' },
      { file: 'main/services/x.ts', deep: '../engines/fraud/feature-catalogue.ts', index: '../engines/fraud/index.ts' },
      { file: 'bench/x.ts', deep: '../main/engines/fraud/features.ts', index: '../main/engines/fraud/index.ts' },
      { file: 'main/engines/liquidity/x.ts', deep: '../fraud/features.ts', index: '../fraud/index.ts' },
      { file: 'main/engines/credit/ifrs9/x.ts', deep: '../../fraud/features.ts', index: '../../fraud/index.ts' },
      { file: 'main/engines/x.ts', deep: './fraud/feature-catalogue.ts', index: './fraud/index.ts' },
    ];
    for (const { file, deep, index } of cases) {
      const errors = await boundaryErrors(`import * as fraud from '${deep}';\nexport const f = fraud;\n`, file);
      assert.equal(errors.length, 1, `${file}: ${errors.join('\n')}`);
      assert.match(errors[0] ?? '', /import the fraud engine from engines\/fraud\/index\.ts only/);
      assert.deepEqual(await boundaryErrors(`import * as fraud from '${index}';\nexport const f = fraud;\n`, file), [], `${file} through the index`);
    }
    const typeOnly = "import type { FeatureVector } from '../engines/fraud/feature-catalogue.ts';\nexport type F = FeatureVector;\n";
    assert.equal((await boundaryErrors(typeOnly, 'main/store/x.ts')).length, 1, 'types too');
    // The fraud engine reaches the credit engine through its index.ts too.
    const creditDeep = "import { fitLogistic } from '../credit/scorecard/logistic.ts';\nexport const l = fitLogistic;\n";
    assert.equal((await boundaryErrors(creditDeep, 'main/engines/fraud/x.ts')).length, 1, 'credit from fraud');
    // Inside the engine its files import each other; tests reach in as they need.
    assert.deepEqual(await boundaryErrors("import { FeatureStream } from './features.ts';\nexport const s = FeatureStream;\n", 'main/engines/fraud/x.ts'), []);
    assert.deepEqual(await boundaryErrors("import { FeatureStream } from '../../engines/fraud/features.ts';\nexport const s = FeatureStream;\n", 'main/workers/jobs/x.test.ts'), []);
  });

  test('outside the liquidity engine, only its index.ts may be imported', async () => {
    const cases = [
      { file: 'main/workers/jobs/x.ts', deep: '../../engines/liquidity/lcr.ts', index: '../../engines/liquidity/index.ts' },
      { file: 'main/services/import/kinds/x.ts', deep: '../../../engines/liquidity/categories.ts', index: '../../../engines/liquidity/index.ts' },
      { file: 'bench/x.ts', deep: '../main/engines/liquidity/ladder.ts', index: '../main/engines/liquidity/index.ts' },
      { file: 'main/engines/credit/ifrs9/x.ts', deep: '../../liquidity/nsfr.ts', index: '../../liquidity/index.ts' },
      { file: 'main/engines/fraud/x.ts', deep: '../liquidity/categories.ts', index: '../liquidity/index.ts' },
      { file: 'main/engines/x.ts', deep: './liquidity/lcr.ts', index: './liquidity/index.ts' },
    ];
    for (const { file, deep, index } of cases) {
      const errors = await boundaryErrors(`import * as liquidity from '${deep}';\nexport const l = liquidity;\n`, file);
      assert.equal(errors.length, 1, `${file}: ${errors.join('\n')}`);
      assert.match(errors[0] ?? '', /import the liquidity engine from engines\/liquidity\/index\.ts only/);
      assert.deepEqual(await boundaryErrors(`import * as liquidity from '${index}';\nexport const l = liquidity;\n`, file), [], `${file} through the index`);
    }
    // The liquidity engine reaches the other engines through their index.ts too; inside, its files import each other.
    assert.equal((await boundaryErrors("import { fitLogistic } from '../credit/scorecard/logistic.ts';\nexport const l = fitLogistic;\n", 'main/engines/liquidity/x.ts')).length, 1);
    assert.deepEqual(await boundaryErrors("import { LcrTally } from './lcr.ts';\nexport const t = LcrTally;\n", 'main/engines/liquidity/x.ts'), []);
  });

  test('the contract’s vocabulary imports nothing, not even zod', async () => {
    for (const module of ['zod', './errors.ts']) {
      const errors = await boundaryErrors(`import * as m from '${module}';\nexport const v = m;\n`, 'preload/contract/vocabulary.ts');
      assert.equal(errors.length, 1, `${module}: ${errors.join('\n')}`);
    }
  });

  test('the contract imports zod only', async () => {
    assert.deepEqual(await boundaryErrors("import { z } from 'zod';\nexport const s = z.string();\n", 'preload/contract/x.ts'), []);
    const errors = await boundaryErrors("import { join } from 'node:path';\nexport const j = join;\n", 'preload/contract/x.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
  });
});
