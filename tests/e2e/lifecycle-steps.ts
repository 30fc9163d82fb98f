import type { Locator } from '@playwright/test';

/** The confirming button of each step that asks what the reviewer checked. */
const CONFIRM = { Approve: 'Confirm approval', Activate: 'Confirm activation' } as const;

/** Approves or activates the version in `row` as a reviewer does: the step's button, then what was checked, confirmed. */
export async function confirmStep(row: Locator, step: keyof typeof CONFIRM, comment: string): Promise<void> {
  await row.getByRole('button', { name: step, exact: true }).click();
  const form = row.getByTestId(`${step.toLowerCase()}-form`);
  await form.getByLabel('What you checked').fill(comment);
  await form.getByRole('button', { name: CONFIRM[step] }).click();
}
