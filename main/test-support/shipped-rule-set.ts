import { shippedRuleSetSchema } from '../../preload/contract/fraud-rules.ts';
import { readResourceJson } from '../services/resources-folder.ts';

/** The fraud rule set RiskDesk ships, as tests seed it (parsed, so a broken file fails here). */
export const SHIPPED_RULE_SET_DOCUMENT = shippedRuleSetSchema.parse(readResourceJson('rule-sets/fraud-default.json')).ruleSet;
