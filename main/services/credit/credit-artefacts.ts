// The credit area's versioned artefacts, registered with the shared lifecycle service (steps, permissions, audit)
// and with the shipped defaults: scorecard models, and IFRS 9 parameter sets with the set RiskDesk ships.
import { shippedParameterSetSchema, type ModelSummary, type ParameterSet } from '../../../preload/contract/credit.ts';
import { modelLifecycle } from '../../store/credit-models.ts';
import { insertShippedParameterSet, parameterSetLifecycle } from '../../store/credit-parameter-sets.ts';
import type { ServiceArtefact } from '../lifecycle-service.ts';
import { shippedDefault } from '../shipped-defaults.ts';

export const CREDIT_MODELS: ServiceArtefact<ModelSummary> = {
  kind: 'credit.model',
  lifecycle: modelLifecycle,
  action: 'credit.model',
  subject: (modelId) => `credit model ${modelId}`,
  describe: (model) => ({ name: model.name }),
};

export const CREDIT_PARAMETER_SETS: ServiceArtefact<ParameterSet> = {
  kind: 'credit.parameterSet',
  lifecycle: parameterSetLifecycle,
  action: 'credit.parameters',
  subject: (version) => `credit parameters v${version}`,
  describe: () => ({}),
};

const SHIPPED_PARAMETERS_FILE = 'parameter-sets/credit-ifrs9-default.json';

/** Version 1 of every workspace's parameter sets; its seed event carries what 0060 once wrote without one. */
export const SHIPPED_CREDIT_PARAMETERS = shippedDefault({
  file: SHIPPED_PARAMETERS_FILE,
  schema: shippedParameterSetSchema,
  present: (db) => parameterSetLifecycle.hasVersions(db),
  seed: (db, shipped, at) => {
    const set = insertShippedParameterSet(db, { ...shipped, at });
    return { action: `${CREDIT_PARAMETER_SETS.action}.seed`, subject: CREDIT_PARAMETER_SETS.subject(set.version), details: { note: set.note, parameters: set.parameters, file: SHIPPED_PARAMETERS_FILE } };
  },
});
