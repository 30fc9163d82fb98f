import { RiskDeskError } from '../../preload/contract/errors.ts';
import { compileRuleSet, type RuleSet, type RuleSetEvaluator } from '../engines/fraud/index.ts';
import type { Db } from '../store/database.ts';
import { fraudRuleSets } from '../store/fraud-rule-sets.ts';

/** A rule set version compiled for scoring, with the thresholds its alerts are explained against. */
export interface ScoringRuleSet {
  readonly version: number;
  readonly evaluator: RuleSetEvaluator;
  readonly thresholds: RuleSet['thresholds'];
}

/**
 * Compiles a stored rule set version. What the workspace holds is checked again here (it was checked when saved): a
 * version that no longer compiles is refused with INVALID_STATE naming each problem, rather than scored partly.
 */
export function compiledRuleSet(version: number, ruleSet: RuleSet, role: string): ScoringRuleSet {
  const compiled = compileRuleSet(ruleSet);
  if (!compiled.ok) {
    const problems = compiled.problems.map((problem) => `${problem.ruleId ?? 'thresholds'}: ${problem.message}`).join('; ');
    throw new RiskDeskError('INVALID_STATE', `The ${role} fraud rule set v${version} cannot be compiled (${problems}); ${role === 'active' ? 'activate another one' : 'fix it in a new draft'}.`);
  }
  return { version, evaluator: compiled.evaluator, thresholds: ruleSet.thresholds };
}

/** The active version, compiled; INVALID_STATE when none is active. */
export function activeScoringRuleSet(db: Db): ScoringRuleSet {
  const active = fraudRuleSets.active(db);
  if (!active) throw new RiskDeskError('INVALID_STATE', 'No fraud rule set is active: have one approved by a second compliance user and activate it, then run again.');
  return compiledRuleSet(active.version, active.ruleSet, 'active');
}
