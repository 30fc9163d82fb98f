import type { MethodName } from '../../../preload/contract/index.ts';
import { fraudAlertsPage, fraudRing, fraudSummary, fraudTransaction } from '../fraud/fraud-views-service.ts';
import type { HandlerTable } from './handler.ts';

type FraudViewMethods = Extract<MethodName, 'fraud.alerts' | 'fraud.transaction' | 'fraud.ring' | 'fraud.summary'>;

/** The fraud screens' reads, on the session's reader. */
export const fraudViewHandlers: HandlerTable<FraudViewMethods> = {
  'fraud.alerts': (core, query) => fraudAlertsPage(core.requireSession().ctx, query),
  'fraud.transaction': (core, args) => fraudTransaction(core.requireSession().ctx, args),
  'fraud.ring': (core, args) => fraudRing(core.requireSession().ctx, args),
  'fraud.summary': (core) => fraudSummary(core.requireSession().ctx),
};
