import type { RuleSet, RuleSetVersion } from '../../preload/contract/fraud-rules.ts';
import { documentSetStore } from './document-sets.ts';

/** The fraud engine's rule sets (migration 130): ordered CEL rules and thresholds, versioned with the lifecycle. */
export const fraudRuleSets = documentSetStore<RuleSet, RuleSetVersion>({
  table: 'fraud_rule_sets',
  documentColumn: 'document',
  label: (version) => `fraud rule set version ${version}`,
  present: ({ document, ...row }) => ({ ...row, ruleSet: document }),
});
