import { expect, test, type Page } from '@playwright/test';
import { ANALYST } from './e2e-env.ts';
import { call, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';

// One story in order: a fraud run flags transactions of the demo workspace; the analyst opens the Fraud area by
// keyboard, sees the flags per day and in the grid, opens the highest-scored one with Enter and reads why it was
// flagged (each rule's description, expression and the values it read, against the thresholds) beside the account's
// history, then walks to the ring around the account and on to another account's ring. Each test needs the one before.
test.describe.configure({ mode: 'serial' });

/** A fraud run over the small demo's transactions takes a while on two shared cores. */
const RUN_TIMEOUT = 150_000;

async function finished(jobId: string): Promise<void> {
  await expect
    .poll(async () => (await call('jobs.list', {})).find((job) => job.jobId === jobId)?.state, { timeout: RUN_TIMEOUT, intervals: [500, 1000, 2000] })
    .toMatch(/^(done|failed|cancelled)$/);
  const job = (await call('jobs.list', {})).find((entry) => entry.jobId === jobId);
  expect(job?.state, `job ${jobId}: ${JSON.stringify(job)}`).toBe('done');
}

/** The grid's row at `index`: its cell of column `colId` (the transaction id sits in the pinned column). */
function cell(page: Page, index: number, colId: string) {
  return page.getByTestId('fraud-grid').locator(`.ag-row[row-index="${index}"] [col-id="${colId}"]`);
}

let topTx = '';
let topAccount = '';

test('a fraud run flags transactions, and the Fraud area shows them per day and in the grid', async ({ page }, testInfo) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  await call('session.unlock', ANALYST);
  const { jobId } = await call('fraud.startRun', {});
  await finished(jobId);
  const summary = await call('fraud.summary', {});
  expect(summary.run, 'a finished fraud run').not.toBeNull();
  const flagged = summary.days.reduce((sum, day) => sum + day.review + day.block, 0);
  expect(flagged, 'the demo has injected fraud for the run to flag').toBeGreaterThan(0);
  const [top] = (await call('fraud.alerts', { startRow: 0, endRow: 1, sortModel: [{ colId: 'score', sort: 'desc' }], filterModel: {} })).rows;
  if (!top) throw new Error('no flagged transaction');
  topTx = top.tx_id;
  topAccount = top.account_id;
  expect(top.alert_id, 'each flag is an alert').not.toBeNull();
  expect(top.case_id, 'filed into a case').not.toBeNull();

  await unlockAs(page, ANALYST);
  await page.keyboard.press('Alt+4');
  await expect(pageTitle(page)).toHaveText('Fraud');
  await expect(page.getByTestId('fraud-grid-count')).toHaveText(new RegExp(`^${flagged.toLocaleString('en-US')} flagged transactions?$`), { timeout: 20_000 });
  await expect(page.getByTestId('fraud-per-day')).toHaveAttribute('data-days', String(new Set(summary.days.map((day) => day.day)).size));
  await expect(page.getByTestId('fraud-per-day').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('fraud-money').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Sorted by score, highest first, in SQL: the top row is the one the contract put first.
  const scoreHeader = page.getByTestId('fraud-grid').getByRole('columnheader', { name: 'Score' });
  await scoreHeader.click();
  await scoreHeader.click();
  await expect(cell(page, 0, 'tx_id')).toHaveText(topTx);
  // A rule id typed into the rules filter keeps only the flags that fired it.
  const rule = top.rules[0] ?? '';
  await page.getByLabel('Rules fired Filter Input').fill(rule);
  const withRule = await call('fraud.alerts', { startRow: 0, endRow: 1, sortModel: [], filterModel: { rules: { filterType: 'text', type: 'contains', filter: rule } } });
  await expect(page.getByTestId('fraud-grid-count')).toHaveText(new RegExp(`^${withRule.rowCount.toLocaleString('en-US')} flagged transactions?$`));
  await keepScreenshot(page, testInfo, 'fraud-alerts');
});

test('Enter on a flagged transaction explains it rule by rule, beside its account’s history', async ({ page }, testInfo) => {
  const detail = await call('fraud.transaction', { txId: topTx });
  const decision = detail.decision;
  if (!decision) throw new Error(`${topTx} has no decision`);
  await unlockAs(page, ANALYST);
  await page.keyboard.press('Alt+4');
  const scoreHeader = page.getByTestId('fraud-grid').getByRole('columnheader', { name: 'Score' });
  await scoreHeader.click();
  await scoreHeader.click();
  await expect(cell(page, 0, 'tx_id')).toHaveText(topTx);
  await cell(page, 0, 'score').click();
  await page.keyboard.press('Enter');

  const view = page.getByTestId('fraud-transaction');
  await expect(view).toHaveAttribute('data-tx', topTx);
  await expect(page.getByTestId('fraud-decision')).toHaveAttribute('data-action', decision.action);
  if (decision.thresholds) {
    await expect(page.getByTestId('fraud-score')).toHaveText(`Score ${decision.score}: review from ${decision.thresholds.review}, block from ${decision.thresholds.block}`);
  }
  const rules = page.getByTestId('fraud-rule');
  await expect(rules).toHaveCount(decision.rules.length);
  for (const [index, fired] of decision.rules.entries()) {
    const shown = rules.nth(index);
    await expect(shown).toHaveAttribute('data-rule', fired.id);
    if (fired.description) await expect(shown).toContainText(fired.description);
    if (fired.expression) await expect(shown.locator('.fraud-expression')).toHaveText(fired.expression);
    for (const feature of Object.keys(fired.reads)) await expect(shown.locator('.fraud-reads')).toContainText(feature);
  }
  const history = page.getByTestId('fraud-history');
  await expect(history).toHaveAttribute('data-points', String(detail.history.length));
  await expect(history).toHaveAttribute('data-flagged', String(detail.history.filter((point) => point.action !== null).length));
  await expect(history.locator('.recharts-scatter-symbol').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'fraud-transaction');

  // Esc goes back to the grid.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('fraud-grid')).toBeVisible();
});

test('the ring around the account: a graph and a node list that walk on to other accounts', async ({ page }, testInfo) => {
  const ring = await call('fraud.ring', { accountId: topAccount });
  await unlockAs(page, ANALYST);
  await page.evaluate((tx) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/fraud/transactions/${tx}`;
  }, topTx);
  await page.getByTestId('open-ring').click();
  const view = page.getByTestId('fraud-ring');
  await expect(view).toHaveAttribute('data-account', topAccount);
  await expect(page.getByTestId('ring-graph')).toHaveAttribute('data-nodes', String(ring.nodes.length));
  await expect(page.getByTestId('ring-graph').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('ring-nodes').locator('tbody tr')).toHaveCount(ring.nodes.length);
  await expect(page.getByTestId('ring-truncated')).toHaveCount(ring.truncated ? 1 : 0);
  await keepScreenshot(page, testInfo, 'fraud-ring');

  // By keyboard from the list: another account's ring, when the ring has one.
  const other = ring.nodes.find((node) => node.kind === 'account' && node.id !== topAccount);
  if (other) {
    const link = page.getByTestId('ring-nodes').locator(`tr[data-node="${other.key}"]`).getByRole('link', { name: 'Open its ring' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(view).toHaveAttribute('data-account', other.id);
  }
  // A flagged account's latest flagged transaction opens from the list.
  await page.evaluate((account) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/fraud/rings/${account}`;
  }, topAccount);
  const self = ring.nodes.find((node) => node.kind === 'account' && node.id === topAccount);
  expect(self?.flaggedTxId, 'the account whose transaction was flagged is flagged').not.toBeNull();
  await page.getByTestId('ring-nodes').locator(`tr[data-node="account:${topAccount}"]`).getByRole('link', { name: 'Open flagged transaction' }).click();
  await expect(page.getByTestId('fraud-transaction')).toHaveAttribute('data-tx', self?.flaggedTxId ?? '');
});
