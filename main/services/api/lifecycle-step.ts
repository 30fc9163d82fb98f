import type { LifecycleFields, LifecycleStep } from '../../../preload/contract/lifecycle.ts';
import { takeLifecycleStep, type ServiceArtefact } from '../lifecycle-service.ts';
import type { ApiCore } from './api-core.ts';

/**
 * A lifecycle method of any kind (credit.approveModel, …), with the step's words (STEP_WORDS): one step behind the
 * session's write lock. Its role is checked here, by the service, not at dispatch, so that a refusal is audited.
 */
export function writeLifecycleStep<T extends LifecycleFields>(core: ApiCore, artefact: ServiceArtefact<T>, step: LifecycleStep, id: number, words?: string): Promise<T> {
  const session = core.requireSession();
  return session.write(() => takeLifecycleStep(session.ctx, artefact, step, id, words));
}
