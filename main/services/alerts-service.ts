// Alerts as the front ends see them: the queue's grid, one alert, the command line's list, and manual alerts. Engines
// emit theirs with store/alerts.ts's emitAlerts inside their runs' transactions; a person's goes through the same
// function here, so a manual alert follows the same rule: one open alert per type and subject.
import { MANUAL_ALERT_TYPE, manualAlertSchema, type Alert, type AlertRow, type AlertSource } from '../../preload/contract/alerts.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { GridQuery } from '../../preload/contract/grid.ts';
import { ALERT_GRID, alertViewRows, emitAlerts, getAlert } from '../store/alerts.ts';
import type { ServiceContext } from './context.ts';
import { gridPage, type Grid } from './grid-page.ts';
import { auditedChange } from './lifecycle-service.ts';
import { requirePermission } from './permissions.ts';
import { validationFailure } from './validation-failure.ts';

const ALERTS: Grid = { name: 'alerts', spec: ALERT_GRID };

/** A page of alerts from every source, newest first unless sorted otherwise. */
export function alertsPage(ctx: ServiceContext, query: GridQuery): { rows: AlertRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  return gridPage<AlertRow>(ctx, ALERTS, query);
}

/** One alert in full; NOT_FOUND if there is none with that id. */
export function alert(ctx: ServiceContext, alertId: number): Alert {
  requirePermission(ctx.actor, 'workspace.read');
  const found = getAlert(ctx.reader, alertId);
  if (!found) throw new RiskDeskError('NOT_FOUND', `There is no alert ${alertId} in this workspace.`, { alertId });
  return found;
}

export interface AlertListFilter {
  /** Every source when absent. */
  readonly source?: AlertSource;
  readonly status: 'open' | 'all';
}

/** Every alert that passes the filter, most severe first and newest first within a severity. */
export function listAlerts(ctx: ServiceContext, filter: AlertListFilter): AlertRow[] {
  requirePermission(ctx.actor, 'workspace.read');
  return alertViewRows(
    ctx.reader,
    {
      ...(filter.source === undefined ? {} : { source: { filterType: 'set', values: [filter.source] } }),
      ...(filter.status === 'open' ? { status: { filterType: 'set', values: ['open'] } } : {}),
    },
    [
      { colId: 'severity', sort: 'desc' },
      { colId: 'created_at', sort: 'desc' },
    ],
  );
}

/**
 * A manual alert on any subject, by any role that may raise one, with its audit event (`alert.raise`) in the same
 * transaction. While a manual alert is open on that subject, raising one again is a re-occurrence of it: the latest
 * severity, note and author, one more occurrence; the audit trail keeps every raise with its note. Arguments are
 * checked here whatever the front end (VALIDATION naming the field). A person's alert has no model score: 0.
 */
export function raiseManualAlert(ctx: ServiceContext, args: unknown): Alert {
  requirePermission(ctx.actor, 'alerts.raise');
  const parsed = manualAlertSchema.safeParse(args);
  if (!parsed.success) throw validationFailure('manual alert', parsed.error.issues);
  const { subject, severity, note } = parsed.data;
  const { db } = ctx.workspace;
  return auditedChange(
    ctx,
    (at) => {
      const emitted = emitAlerts(db, {
        source: 'manual',
        runId: null,
        artefacts: {},
        raisedBy: ctx.actor.username,
        at,
        alerts: [{ type: MANUAL_ALERT_TYPE, subject, severity, score: 0, explanation: { key: MANUAL_ALERT_TYPE, figures: [], note } }],
      });
      const raised = emitted.alertIds[0] === undefined ? undefined : getAlert(db, emitted.alertIds[0]);
      if (!raised) throw new Error('internal: the alert just emitted is not there');
      return raised;
    },
    (raised) => ({
      action: 'alert.raise',
      subject: `alert ${raised.alertId}`,
      details: { type: raised.type, subject, severity, note, occurrences: raised.occurrences },
    }),
  );
}
