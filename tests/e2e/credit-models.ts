import { expect } from '@playwright/test';
import type { MethodArgs, ModelSummary } from '../../preload/contract/index.ts';
import { ANALYST, COMPLIANCE } from './e2e-env.ts';
import { call } from './fixtures.ts';

/** A development and a credit run each take a while on the small demo portfolio. */
export const ENGINE_TIMEOUT = 150_000;

/** Waits for a job of the host's session to end, and fails the test unless it ended done. */
export async function finishedJob(jobId: string, timeout = ENGINE_TIMEOUT): Promise<void> {
  await expect
    .poll(async () => (await call('jobs.list', {})).find((job) => job.jobId === jobId)?.state, { timeout, intervals: [500, 1000, 2000] })
    .toMatch(/^(done|failed|cancelled)$/);
  const job = (await call('jobs.list', {})).find((entry) => entry.jobId === jobId);
  expect(job?.state, `job ${jobId}`).toBe('done');
}

/** A draft model named `name` (the analyst develops it through the contract), or the one of that name already saved. */
export async function draftModel(name: string, options: MethodArgs<'credit.startDevelopment'> = {}): Promise<ModelSummary> {
  await call('session.unlock', ANALYST);
  const saved = (await call('credit.models', {})).find((model) => model.name === name);
  if (saved) return saved;
  const { jobId } = await call('credit.startDevelopment', options);
  await finishedJob(jobId);
  return call('credit.saveModel', { jobId, name });
}

/** An active model: the analyst submits `model`, compliance approves and activates it (four eyes). */
export async function activate(model: ModelSummary): Promise<void> {
  if (model.status === 'active') return;
  await call('session.unlock', ANALYST);
  await call('credit.submitModel', { modelId: model.modelId });
  await call('session.unlock', COMPLIANCE);
  await call('credit.approveModel', { modelId: model.modelId, comment: 'E2E set-up: approved for the tests' });
  await call('credit.activateModel', { modelId: model.modelId, comment: 'E2E set-up: activated for the tests' });
}
