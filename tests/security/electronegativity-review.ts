/**
 * The second half of `npm run security:electron`: reads the SARIF report Electronegativity wrote over the checkout,
 * prints each finding in the app's code with the verdict README's "Electron security review" gives it, and exits 1
 * on a finding with no verdict, a fixed one that is back, or a verdict whose finding is gone.
 *
 *   ./node_modules/.bin/node --import tsx tests/security/electronegativity-review.ts electronegativity.sarif
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAppCode, readmeVerdicts, reviewFindings, sarifFindings, VERDICTS_HEADING, type Finding } from './electronegativity-verdicts.ts';

const report = process.argv[2];
if (report === undefined) {
  console.error('Name the SARIF report Electronegativity wrote: electronegativity-review.ts REPORT.sarif');
  process.exit(2);
}

const readme = fs.readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const findings = sarifFindings(fs.readFileSync(report, 'utf8'));
const review = reviewFindings(findings, readmeVerdicts(readme));

const where = (finding: Finding) => `${finding.check} ${finding.file}${finding.file === 'N/A' ? '' : `:${finding.line}`}${finding.reviewRequired ? ' (review required)' : ''}`;
const outside = findings.filter((finding) => !isAppCode(finding.file));
const outsideFolders = new Map<string, number>();
for (const { file } of outside) {
  const folder = file.split('/').slice(0, 2).join('/');
  outsideFolders.set(folder, (outsideFolders.get(folder) ?? 0) + 1);
}

console.log(`Electronegativity: ${findings.length} findings, ${findings.length - outside.length} in the app's code.`);
if (outside.length > 0) console.log(`Not the app's code (tests, benchmarks, built copies), not reviewed: ${[...outsideFolders].map(([folder, count]) => `${folder} ${count}`).join(', ')}.`);
for (const { finding } of review.justified) console.log(`  justified  ${where(finding)}`);
for (const finding of review.unreviewed) console.log(`  NO VERDICT ${where(finding)}: ${finding.message}`);
for (const finding of review.back) console.log(`  BACK       ${where(finding)}: README says it was fixed`);
for (const verdict of review.stale) console.log(`  STALE      ${verdict.check} ${verdict.file}: README justifies a finding the tool no longer reports; remove the row`);

const failures = review.unreviewed.length + review.back.length + review.stale.length;
console.log(failures === 0 ? `Every finding has its verdict in README.md ("${VERDICTS_HEADING}").` : `${failures} to settle in README.md ("${VERDICTS_HEADING}"): fix the code, or give the finding a row that says why it stands.`);
process.exitCode = failures === 0 ? 0 : 1;
