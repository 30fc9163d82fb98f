import type { MethodName } from '../../../preload/contract/index.ts';
import { alert, alertsPage, raiseManualAlert } from '../alerts-service.ts';
import type { HandlerTable } from './handler.ts';

type AlertMethods = Extract<MethodName, `alerts.${string}`>;

/** The alert queue: reads on the session's reader, and a manual alert as a write behind the session's write lock. */
export const alertHandlers: HandlerTable<AlertMethods> = {
  'alerts.list': (core, query) => alertsPage(core.requireSession().ctx, query),
  'alerts.get': (core, { alertId }) => alert(core.requireSession().ctx, alertId),
  'alerts.raise': (core, args) => {
    const session = core.requireSession();
    return session.write(() => raiseManualAlert(session.ctx, args));
  },
};
