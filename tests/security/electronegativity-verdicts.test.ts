import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isAppCode, readmeVerdicts, reviewFindings, sarifFindings, VERDICTS_HEADING, type Finding } from './electronegativity-verdicts.ts';

/** A SARIF report as Electronegativity 1.10.3 writes it (`--relative --output x.sarif`), cut to what is read. */
function sarif(results: { check: string; uri: string; line: number; level?: string }[]): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map(({ check, uri, line, level }) => ({
          ruleId: check,
          level: level ?? 'warning',
          message: { text: `${check} message` },
          locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line, startColumn: 1, charLength: 10 } } }],
        })),
      },
    ],
  });
}

const README = `## Security model
### Electron security review
${VERDICTS_HEADING}
| check | finding | verdict | why |
|---|---|---|---|
| \`SANDBOX_JS_CHECK\` (medium, firm) | \`main/electron/main.ts\`: line 122 | justified: the options come from a function | … |
| \`OPEN_EXTERNAL_JS_CHECK\` | \`main/electron/main.ts\`: line 50 | justified | … |
| \`NODE_INTEGRATION_JS_CHECK\` | \`main/electron/window.ts\` | fixed in this review | … |

### What RiskDesk does not protect against
| \`CSP_GLOBAL_CHECK\` | \`renderer/index.html\` | justified | a table of another section is not read |
`;

const finding = (check: string, file: string, line = 1): Finding => ({ check, file, line, message: `${check} message`, reviewRequired: false });

describe('Electronegativity findings against README’s verdicts', () => {
  it('reads a SARIF report: check, file relative to the scan, line, and whether the tool asks for a review', () => {
    const findings = sarifFindings(
      sarif([
        { check: 'OPEN_EXTERNAL_JS_CHECK', uri: 'main/electron/main.ts', line: 50, level: 'note' },
        { check: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1 },
      ]),
    );
    assert.deepEqual(findings, [
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/main.ts', line: 50, message: 'OPEN_EXTERNAL_JS_CHECK message', reviewRequired: true },
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 1, message: 'CSP_GLOBAL_CHECK message', reviewRequired: false },
    ]);
  });

  it('counts the shipped code and app-wide checks as the app’s, not tests, fixtures, benchmarks or built copies', () => {
    for (const file of ['main/electron/main.ts', 'preload/index.ts', 'renderer/index.html', 'renderer/src/app.tsx', 'N/A', 'package.json']) assert.equal(isAppCode(file), true, file);
    for (const file of ['tests/e2e/credit.spec.ts', 'main/electron/main.test.ts', 'renderer/src/x.test.tsx', 'main/electron/fixtures/probe.ts', 'main/test-support/hosted-api.ts', 'bench/grid.ts', 'dist/main/electron/main.js', 'release/linux-unpacked/x.js']) {
      assert.equal(isAppCode(file), false, file);
    }
  });

  it('reads the verdicts of its own table only, and refuses a row it cannot read', () => {
    assert.deepEqual(readmeVerdicts(README), [
      { check: 'SANDBOX_JS_CHECK', file: 'main/electron/main.ts', verdict: 'justified' },
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/main.ts', verdict: 'justified' },
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/electron/window.ts', verdict: 'fixed' },
    ]);
    assert.throws(() => readmeVerdicts(README.replace('| justified |', '| fine |')), /does not read as/);
    assert.throws(() => readmeVerdicts('## Security model\n'), /has no "#### Electronegativity findings" table/);
  });

  it('passes justified findings, and names an unreviewed one, a fixed one that is back and a stale verdict', () => {
    const verdicts = readmeVerdicts(README);
    const clean = reviewFindings([finding('SANDBOX_JS_CHECK', 'main/electron/main.ts', 122), finding('OPEN_EXTERNAL_JS_CHECK', 'main/electron/main.ts', 50), finding('DANGEROUS_FUNCTIONS_JS_CHECK', 'tests/e2e/credit.spec.ts')], verdicts);
    assert.deepEqual([clean.justified.length, clean.unreviewed, clean.back, clean.stale], [2, [], [], []]);

    const broken = reviewFindings(
      [finding('SANDBOX_JS_CHECK', 'main/electron/main.ts', 122), finding('SANDBOX_JS_CHECK', 'main/electron/other.ts'), finding('NODE_INTEGRATION_JS_CHECK', 'main/electron/window.ts')],
      verdicts,
    );
    assert.deepEqual(broken.unreviewed, [finding('SANDBOX_JS_CHECK', 'main/electron/other.ts')], 'the same check in another file is another finding');
    assert.deepEqual(broken.back, [finding('NODE_INTEGRATION_JS_CHECK', 'main/electron/window.ts')]);
    assert.deepEqual(broken.stale, [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/main.ts', verdict: 'justified' }]);
  });

  it('README’s own table reads, each row for the app’s code', () => {
    const readme = fs.readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const verdicts = readmeVerdicts(readme);
    assert.ok(verdicts.length > 0);
    for (const { file } of verdicts) assert.ok(isAppCode(file) && (file === 'N/A' || fs.existsSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)))), file);
  });
});
