/**
 * Electronegativity's findings against the verdicts README's "Electron security review" gives them. The README
 * table is the review: a finding it does not name is unreviewed, a finding it calls fixed is back, and a
 * justified row whose finding the tool no longer reports is stale. Each of the three fails `npm run
 * security:electron`, so that the table always says what the tool says about this code.
 */

/** One result of the tool's SARIF report. `file` is relative to the scanned folder, or N/A for an app-wide check. */
export interface Finding {
  readonly check: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** The tool's word for a finding that only a person can settle (it prints "Review Required"). */
  readonly reviewRequired: boolean;
}

export interface Verdict {
  readonly check: string;
  readonly file: string;
  readonly verdict: 'justified' | 'fixed';
}

export interface Review {
  readonly justified: readonly { finding: Finding; verdict: Verdict }[];
  readonly unreviewed: readonly Finding[];
  readonly back: readonly Finding[];
  readonly stale: readonly Verdict[];
}

/** The heading of the table in README.md. */
export const VERDICTS_HEADING = '#### Electronegativity findings';

interface SarifReport {
  runs: {
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

export function sarifFindings(sarif: string): Finding[] {
  const report = JSON.parse(sarif) as SarifReport;
  return report.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      // A check of the whole app (no CSP anywhere, no navigation limit anywhere) has no file: the tool writes file:///.
      const uri = location?.artifactLocation.uri ?? 'file:///';
      return {
        check: result.ruleId,
        file: uri === 'file:///' ? 'N/A' : uri,
        line: location?.region.startLine ?? 0,
        message: result.message.text,
        reviewRequired: result.level === 'note',
      };
    }),
  );
}

/**
 * The code that ships: main/, preload/ and renderer/ (built into dist/) and the app-wide checks, not their tests
 * and fixtures, nor the end-to-end tests, benchmarks, or built copies the scan also walks through.
 */
export function isAppCode(file: string): boolean {
  if (file === 'N/A' || file === 'package.json') return true;
  if (!/^(main|preload|renderer)\//.test(file)) return false;
  return !/\.test\.tsx?$|\/fixtures\/|^main\/test-support\//.test(file);
}

/** The rows of README's table: `| \`CHECK\` … | \`file\` … | justified|fixed … | why |`. */
export function readmeVerdicts(readme: string): Verdict[] {
  const start = readme.indexOf(VERDICTS_HEADING);
  if (start < 0) throw new Error(`README.md has no "${VERDICTS_HEADING}" table.`);
  const section = readme.slice(start + VERDICTS_HEADING.length).split(/\n#/)[0] ?? '';
  const verdicts: Verdict[] = [];
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const [check, finding, verdict] = row.split('|').slice(1).map((cell) => cell.trim());
    const checkName = /^`([A-Z_]+)`/.exec(check ?? '')?.[1];
    const file = /^`([^`]+)`/.exec(finding ?? '')?.[1];
    const word = /^(justified|fixed)\b/.exec(verdict ?? '')?.[1] as Verdict['verdict'] | undefined;
    if (!checkName || !file || !word) throw new Error(`README.md: a row of "${VERDICTS_HEADING}" does not read as | \`CHECK\` | \`file\` … | justified or fixed … | why |:\n${row}`);
    verdicts.push({ check: checkName, file, verdict: word });
  }
  return verdicts;
}

/** Each finding in the app's code against the verdicts (a verdict covers every finding of its check in its file). */
export function reviewFindings(findings: readonly Finding[], verdicts: readonly Verdict[]): Review {
  const verdictFor = (finding: Finding) => verdicts.find((verdict) => verdict.check === finding.check && verdict.file === finding.file);
  const justified: { finding: Finding; verdict: Verdict }[] = [];
  const unreviewed: Finding[] = [];
  const back: Finding[] = [];
  for (const finding of findings.filter((each) => isAppCode(each.file))) {
    const verdict = verdictFor(finding);
    if (!verdict) unreviewed.push(finding);
    else if (verdict.verdict === 'fixed') back.push(finding);
    else justified.push({ finding, verdict });
  }
  const stale = verdicts.filter((verdict) => verdict.verdict === 'justified' && !justified.some((each) => each.verdict === verdict));
  return { justified, unreviewed, back, stale };
}
