import type { Db } from '../store/database.ts';

/** Closes an alert as cases will (closing is theirs to build; until then only tests close one). */
export function closeAlert(db: Db, alertId: number): void {
  const { changes } = db.prepare(`UPDATE alerts SET status = 'closed' WHERE alert_id = ? AND status = 'open'`).run(alertId);
  if (changes !== 1) throw new Error(`alert ${alertId} is not open`);
}
