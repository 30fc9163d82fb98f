import { expect, test, type Page } from '@playwright/test';
import { activate, draftModel, ENGINE_TIMEOUT } from './credit-models.ts';
import { ANALYST, COMPLIANCE } from './e2e-env.ts';
import { call, hostCall, keepScreenshot, pageTitle, unlockAs } from './fixtures.ts';

// One story in order: a credit run raises early-warning alerts, which main files into cases; an analyst triages the
// queue by keyboard (j/k, a, Enter), works the case's playbook, writes a note with a script tag that stays text, and
// proposes closure with c and a disposition; compliance approves the closure (four eyes), the timeline shows every
// step, and the audit chain still verifies. Each test needs the one before.
test.describe.configure({ mode: 'serial' });

const NOTE_SCRIPT = '<script>window.__pwned=1</script>';
const CLOSURE_NOTE = 'Borrower agreed a repayment plan';

/**
 * A credit run needs an active scorecard. The credit spec builds one through its screens; this spec may run before
 * it, so it makes one through the contract when none is active (credit-models.ts: four eyes on the way).
 */
async function ensureActiveModel(): Promise<void> {
  await call('session.unlock', ANALYST);
  if ((await call('credit.models', {})).some((model) => model.status === 'active')) return;
  await activate(await draftModel('E2E cases scorecard'));
}

async function openQueue(page: Page): Promise<void> {
  await page.keyboard.press('Alt+6');
  await expect(pageTitle(page)).toHaveText('Cases');
  await expect(page.getByTestId('case-grid-count')).toHaveText(/^[1-9][\d,]* cases?$/, { timeout: 20_000 });
}

async function openCase(page: Page, caseId: number): Promise<void> {
  // The page's own window (the test's tsconfig has no DOM types).
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/cases/${id}`;
  }, caseId);
  await expect(page.getByTestId('case-view')).toHaveAttribute('data-case', String(caseId));
  await expect(page.getByTestId('case-header')).toBeVisible();
}

/** A cell of the queue's row at `index` (the case id sits in the pinned column, the rest in the centre). */
function cell(page: Page, index: number, colId: string) {
  return page.getByTestId('case-grid').locator(`.ag-row[row-index="${index}"] [col-id="${colId}"]`);
}

let caseId = 0;

/** The most urgent new case with a playbook and a loan or borrower to link to (portfolio drift cases have neither). */
async function workableCase(): Promise<number> {
  const { rows } = await call('cases.list', { view: 'unassigned', query: { startRow: 0, endRow: 100, sortModel: [], filterModel: {} } });
  for (const row of rows) {
    const found = await call('cases.get', { caseId: row.case_id });
    if (found.steps.length > 0 && found.entities.some((entity) => entity.type === 'loan' || entity.type === 'borrower')) return row.case_id;
  }
  throw new Error(`none of the first ${rows.length} new cases has a playbook and a loan or borrower`);
}

test.describe('cases', () => {
  test('a credit run raises early-warning alerts, and the queue lists them as cases', async ({ page }) => {
    test.setTimeout(ENGINE_TIMEOUT * 2 + 60_000);
    // The e2e workspace starts with no active model: Run now says what is missing instead of failing.
    await unlockAs(page, ANALYST);
    expect((await call('credit.models', {})).some((model) => model.status === 'active')).toBe(false);
    await page.keyboard.press('Alt+3');
    await page.getByRole('tab', { name: 'Portfolio risk' }).click();
    await expect(page.getByTestId('start-run')).toBeDisabled();
    await expect(page.getByTestId('run-blocked')).toHaveText(/A run needs an active scorecard model/);

    await ensureActiveModel();
    await unlockAs(page, ANALYST);
    await page.keyboard.press('Alt+3');
    await page.getByRole('tab', { name: 'Portfolio risk' }).click();
    await expect(page.getByTestId('run-blocked')).toHaveCount(0);
    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('run-alerts')).toContainText(/This run raised \d+ early-warning alerts/, { timeout: ENGINE_TIMEOUT });
    const alerts = await call('alerts.list', { startRow: 0, endRow: 1, sortModel: [], filterModel: {} });
    expect(alerts.rowCount).toBeGreaterThan(0);

    await openQueue(page);
    await expect(cell(page, 0, 'status')).toHaveText(/New|Assigned|In review|Escalated|Pending approval/);
    await expect(cell(page, 0, 'due_at')).toHaveText(/in \d+ (min|h|d)|\d+ (min|h|d) overdue/);
  });

  test('an analyst triages the queue by keyboard, works the playbook and proposes closure', async ({ page }, testInfo) => {
    await unlockAs(page, ANALYST);
    await openQueue(page);

    // j/k move the focused row.
    await cell(page, 0, 'title').click();
    await page.keyboard.press('j');
    await expect(cell(page, 1, 'title')).toBeFocused();
    await page.keyboard.press('k');
    await expect(cell(page, 0, 'title')).toBeFocused();

    // ? lists the keys.
    await page.keyboard.press('?');
    await expect(page.getByTestId('key-help')).toContainText('Propose closure');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('key-help')).toHaveCount(0);

    // e on a new case: main refuses (escalating starts from assigned or in review), and the queue says why.
    await cell(page, 1, 'title').click();
    await expect(cell(page, 1, 'status')).toHaveText('New');
    await page.keyboard.press('e');
    await expect(page.getByTestId('error-notice')).toContainText('cannot move from new to escalated');

    // A new case about loans or borrowers, with a playbook: the queue filtered down to it by its id.
    caseId = await workableCase();
    await page.getByRole('spinbutton', { name: 'Case Filter Input' }).fill(String(caseId));
    await expect(page.getByTestId('case-grid-count')).toHaveText('1 case');

    // a assigns the focused case to me; Enter opens it.
    await cell(page, 0, 'title').click();
    await page.keyboard.press('a');
    await expect(page.getByTestId('queue-done')).toHaveText(`Case ${caseId} assigned to ${ANALYST.username}.`);
    await expect(cell(page, 0, 'assignee')).toHaveText(ANALYST.username);
    await expect(cell(page, 0, 'status')).toHaveText('Assigned');
    await cell(page, 0, 'title').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-view')).toHaveAttribute('data-case', String(caseId));
    await expect(page.getByTestId('case-assignee')).toHaveText(ANALYST.username);

    // The alerts explain themselves, and loans and borrowers link to the portfolio.
    const alert = page.getByTestId('case-alert').first();
    await expect(alert.getByTestId('alert-explanation')).not.toBeEmpty();
    await expect(page.getByTestId('case-entities').getByTestId('entity-link').first()).toHaveAttribute('href', /#\/portfolio\?(loan|borrower)=/);

    // Start the review; tick the first playbook step.
    const moves = page.getByTestId('case-moves');
    await moves.getByRole('button', { name: 'Start review' }).click();
    await expect(page.getByTestId('case-status')).toHaveText('In review');
    await expect(moves.getByRole('button', { name: 'Escalate' })).toBeVisible();
    await expect(moves.getByRole('button', { name: 'Propose closure' })).toBeVisible();
    const step = page.getByTestId('playbook-step').first();
    await step.getByRole('button', { name: 'Tick' }).click();
    await expect(step).toHaveAttribute('data-done', 'yes');
    await expect(step.getByTestId('step-done')).toContainText(ANALYST.username);

    // A note with a script tag: Markdown renders, the tag shows as text and never runs.
    await page.getByLabel('New note (Markdown)').fill(`**Called** the borrower.\n\n${NOTE_SCRIPT}`);
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByTestId('case-note').last();
    await expect(note.locator('strong')).toHaveText('Called');
    await expect(note).toContainText(NOTE_SCRIPT);
    await expect(note.locator('script')).toHaveCount(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // An action on the case's loan, tags, and an attachment that comes back byte for byte.
    const actions = page.getByTestId('case-actions');
    await actions.getByLabel('Action').selectOption({ label: 'Contact borrower' });
    await actions.getByLabel('Subject').selectOption({ index: 1 });
    await actions.getByLabel('Note').fill('Phoned; promised to pay');
    await actions.getByRole('button', { name: 'Record action' }).click();
    await expect(actions.getByTestId('case-action')).toContainText('Contact borrower');
    await expect(actions.getByTestId('case-action')).toContainText('Phoned; promised to pay');
    const tags = page.getByTestId('case-tags');
    await tags.getByRole('button', { name: 'Edit tags' }).click();
    await tags.getByLabel('Tags, separated by commas').fill('watchlist, repayment plan');
    await tags.getByRole('button', { name: 'Save' }).click();
    await expect(tags.locator('.case-tag')).toHaveCount(2);
    await expect(tags.locator('.case-tag', { hasText: 'watchlist' })).toBeVisible();
    await expect(tags.locator('.case-tag', { hasText: 'repayment plan' })).toBeVisible();
    const content = 'Call log: borrower reached on the second attempt.\n';
    await page.getByTestId('attach-file').setInputFiles({ name: 'call-log.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    const attachment = page.getByTestId('case-attachment');
    await expect(attachment).toContainText('call-log.txt');
    const downloading = page.waitForEvent('download');
    await attachment.getByRole('button', { name: 'call-log.txt' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('call-log.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(content);
    await keepScreenshot(page, testInfo, 'case-view');

    // Back in the queue (my cases), c proposes closure with a disposition and a note.
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await page.getByRole('radiogroup', { name: 'Saved views' }).getByText('Mine', { exact: true }).click();
    await expect(page.getByTestId('case-grid-count')).toHaveText('1 case');
    await expect(cell(page, 0, 'case_id')).toHaveText(`#${caseId}`);
    await cell(page, 0, 'title').click();
    await page.keyboard.press('c');
    const prompt = page.getByTestId('move-prompt');
    await expect(prompt).toContainText(`Propose closing case ${caseId}`);
    await expect(prompt.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await prompt.getByLabel('Disposition').selectOption({ label: 'Credit action taken' });
    await prompt.getByLabel('Note (optional)').fill(CLOSURE_NOTE);
    await prompt.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByTestId('queue-done')).toHaveText(`Closure of case ${caseId} proposed.`);
    await expect(cell(page, 0, 'status')).toHaveText('Pending approval');
    await keepScreenshot(page, testInfo, 'case-queue');
  });

  test('compliance approves the closure; the timeline shows every step and the audit chain verifies', async ({ page }, testInfo) => {
    await unlockAs(page, COMPLIANCE);
    await openQueue(page);
    await openCase(page, caseId);
    await expect(page.getByTestId('case-status')).toHaveText('Pending approval');
    await expect(page.getByTestId('case-disposition')).toHaveText('Credit action taken');
    const moves = page.getByTestId('case-moves');
    await moves.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Closed');
    await expect(moves.getByRole('button', { name: 'Reopen' })).toBeVisible();

    const timeline = page.getByTestId('case-timeline');
    await expect(timeline.getByTestId('timeline-event').filter({ hasText: `assigned it to ${ANALYST.username}` })).toHaveCount(1);
    await expect(timeline).toContainText(`${ANALYST.username} moved it from Assigned to In review`);
    await expect(timeline).toContainText(/ticked playbook step/);
    await expect(timeline).toContainText(`${ANALYST.username} added a note`);
    await expect(timeline).toContainText(`${ANALYST.username} recorded an action: Contact borrower`);
    await expect(timeline).toContainText(`${ANALYST.username} attached call-log.txt`);
    await expect(timeline).toContainText(`${ANALYST.username} saved call-log.txt out of the workspace`);
    await expect(timeline).toContainText(`${ANALYST.username} moved it from In review to Pending approval (disposition: Credit action taken; reason: ${CLOSURE_NOTE})`);
    await expect(timeline).toContainText(`${COMPLIANCE.username} moved it from Pending approval to Closed`);
    // Oldest first.
    const actions = await timeline.getByTestId('timeline-event').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions.indexOf('case.assign')).toBeLessThan(actions.indexOf('case.note'));
    expect(actions.at(-1)).toBe('case.transition');
    // A closed case takes no more notes.
    await expect(page.getByRole('button', { name: 'Add note' })).toHaveCount(0);
    await keepScreenshot(page, testInfo, 'case-closed');

    await page.keyboard.press('Alt+8');
    await page.getByTestId('verify-chain').click();
    await expect(page.getByTestId('verify-result')).toContainText('The chain is intact', { timeout: 30_000 });
  });

  test('bulk assignment hands several cases over at once, and the workload charts them by assignee and age', async ({ page }) => {
    await unlockAs(page, ANALYST);
    await openQueue(page);
    await page.getByRole('radiogroup', { name: 'Saved views' }).getByText('Unassigned', { exact: true }).click();
    const ids: string[] = [];
    for (const index of [0, 1]) {
      ids.push((await cell(page, index, 'case_id').textContent()) ?? '');
      await cell(page, index, 'ag-Grid-SelectionColumn').locator('.ag-checkbox-input-wrapper').click();
    }
    const bulk = page.getByTestId('bulk-assign');
    await expect(bulk).toContainText('2 selected');
    await bulk.getByLabel('Assign to').fill(COMPLIANCE.username);
    await bulk.getByRole('button', { name: 'Assign selected' }).click();
    await expect(page.getByTestId('queue-done')).toHaveText(`Assigned 2 cases to ${COMPLIANCE.username}.`);
    await expect(cell(page, 0, 'case_id')).not.toHaveText(ids[0] ?? '');

    await page.getByRole('tab', { name: 'Workload' }).click();
    const workload = page.getByTestId('case-workload');
    await expect(workload.getByRole('heading', { name: 'Open cases per assignee, by age' })).toBeVisible();
    await expect(workload.locator('.recharts-bar-rectangle').first()).toBeVisible();
    // Recharts draws the axis labels as SVG text.
    await expect(workload.locator('text', { hasText: COMPLIANCE.username })).toBeVisible();
  });

  test('an analyst sees a loan alert charted, merges one case into another and moves an alert out into a new case', async ({ page }, testInfo) => {
    // Two open credit cases: the one kept has two alerts or more, so that one can move out and one stays.
    const { rows } = await call('cases.list', { view: 'open', query: { startRow: 0, endRow: 200, sortModel: [], filterModel: {} } });
    const credit = rows.filter((row) => row.type === 'credit' && row.status !== 'pending_approval');
    const kept = credit.find((row) => row.alert_count >= 2);
    const merged = credit.find((row) => row !== kept);
    if (!kept || !merged) throw new Error(`no two open credit cases (one with 2+ alerts) among the first ${rows.length}`);
    const into = kept.case_id;
    const from = merged.case_id;
    const alertsAfterMerge = kept.alert_count + merged.alert_count;

    await unlockAs(page, ANALYST);
    await openQueue(page);
    await openCase(page, into);

    // A DPD crossing on a loan: its PD and DPD over the runs, with the 30/60/90-day thresholds.
    const crossing = page.locator('[data-testid="case-alert"][data-type="credit.dpd_crossing"]').first();
    const chart = crossing.getByTestId('loan-risk-chart');
    await expect(chart).toHaveAttribute('data-points', /^[1-9]\d*$/);
    await expect(chart.locator('.recharts-reference-line')).toHaveCount(3);
    await expect(chart.locator('.recharts-line')).toHaveCount(2);
    await crossing.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'case-loan-chart');

    // Main's refusal shows: the case closed earlier cannot be merged.
    const regroup = page.getByTestId('case-regroup');
    await regroup.getByLabel('Merge another case into this one').fill(String(caseId));
    await regroup.getByRole('button', { name: 'Merge…' }).click();
    await regroup.getByTestId('case-merge-confirm').getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(regroup.getByTestId('error-notice')).toContainText(`${caseId}`);

    // Merge the other case in, after confirming.
    await regroup.getByLabel('Merge another case into this one').fill(String(from));
    await regroup.getByRole('button', { name: 'Merge…' }).click();
    const confirm = regroup.getByTestId('case-merge-confirm');
    await expect(confirm).toContainText(`Merge case ${from} into case ${into}?`);
    await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByTestId('case-alert')).toHaveCount(alertsAfterMerge);
    await expect(regroup.getByTestId('error-notice')).toHaveCount(0);

    // The merged case is closed and says where its alerts went, with a link there.
    await openCase(page, from);
    await expect(page.getByTestId('case-status')).toHaveText('Closed');
    await expect(page.getByTestId('case-regroup')).toHaveCount(0);
    const mergedNote = page.getByTestId('case-merged-into');
    await expect(mergedNote).toHaveText(`Merged into case ${into}.`);
    await mergedNote.getByRole('link').click();
    await expect(page.getByTestId('case-view')).toHaveAttribute('data-case', String(into));

    // Tick one alert and move it out: the new case opens with just that alert.
    const first = page.getByTestId('case-alert').first();
    const alertId = await first.getAttribute('data-alert');
    await first.getByTestId('alert-select').check();
    await expect(page.getByTestId('case-split').getByRole('button', { name: 'Move 1 alert' })).toBeDisabled();
    await page.getByTestId('case-split').getByLabel('Move alerts to a new case').fill('Split out by e2e');
    await page.getByTestId('case-split').getByRole('button', { name: 'Move 1 alert' }).click();
    await expect(page.getByTestId('case-view')).not.toHaveAttribute('data-case', String(into));
    await expect(pageTitle(page)).toContainText('Split out by e2e');
    await expect(page.getByTestId('case-alert')).toHaveCount(1);
    await expect(page.getByTestId('case-alert')).toHaveAttribute('data-alert', alertId ?? '');
    await openCase(page, into);
    await expect(page.getByTestId('case-alert')).toHaveCount(alertsAfterMerge - 1);
  });

  test('a case speaks Simplified Chinese', async ({ page }) => {
    try {
      await unlockAs(page, ANALYST);
      await openQueue(page);
      await openCase(page, caseId);
      await page.getByTestId('language-select').selectOption('zh-CN');
      await expect(page.getByRole('heading', { name: '时间线' })).toBeVisible();
      await expect(page.getByTestId('case-status')).toHaveText('已结案');
      await expect(page.getByTestId('alert-explanation').first()).toHaveText(/[\u4e00-\u9fff]/);
    } finally {
      await hostCall('settings.update', { language: 'en' });
    }
  });
});
