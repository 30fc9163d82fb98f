import type { MethodName } from '../../../preload/contract/index.ts';
import { checkRuleExpression, listRuleSets, ruleCatalogue, ruleSetDiff, ruleSetVersion, RULE_SETS, saveDraftRuleSet } from '../fraud/rule-sets.ts';
import { exportRuleSet, importRuleSet } from '../fraud/rule-set-transfer.ts';
import type { HandlerTable } from './handler.ts';
import { writeLifecycleStep } from './lifecycle-step.ts';

/** The backtest methods are the fraud engine's (fraud-handlers.ts): they run the engine over the workspace. */
type RuleMethods = Exclude<Extract<MethodName, `rules.${string}`>, 'rules.startBacktest' | 'rules.backtests' | 'rules.backtest'>;

/** Fraud rule sets: reads on the session's reader; drafts, steps, imports and exports (audited) behind the write lock. */
export const fraudRuleHandlers: HandlerTable<RuleMethods> = {
  'rules.catalogue': (core) => ruleCatalogue(core.requireSession().ctx),
  'rules.check': (core, { expression }) => checkRuleExpression(core.requireSession().ctx, expression),
  'rules.list': (core) => listRuleSets(core.requireSession().ctx),
  'rules.get': (core, { version }) => ruleSetVersion(core.requireSession().ctx, version),
  'rules.saveDraft': (core, { ruleSet, note }) => {
    const session = core.requireSession();
    return session.write(() => saveDraftRuleSet(session.ctx, ruleSet, note));
  },
  'rules.submitRuleSet': (core, { version }) => writeLifecycleStep(core, RULE_SETS, 'submit', version),
  'rules.approveRuleSet': (core, { version, comment }) => writeLifecycleStep(core, RULE_SETS, 'approve', version, comment),
  'rules.rejectRuleSet': (core, { version, reason }) => writeLifecycleStep(core, RULE_SETS, 'reject', version, reason),
  'rules.activateRuleSet': (core, { version, comment }) => writeLifecycleStep(core, RULE_SETS, 'activate', version, comment),
  'rules.diff': (core, { from, to }) => ruleSetDiff(core.requireSession().ctx, from, to),
  'rules.export': (core, { version }) => {
    const session = core.requireSession();
    return session.write(() => exportRuleSet(session.ctx, version));
  },
  'rules.import': (core, file) => {
    const session = core.requireSession();
    return session.write(() => importRuleSet(session.ctx, file));
  },
};
