// Alerts raised by a build from before cases (schema 90–110) are filed into cases at the first unlock that has the
// shipped SLA table and playbooks, once, audited; a workspace with none is not written to.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../store/workspace.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../test-support/temp-workspace.ts';
import { unlockWorkspace } from './workspace-service.ts';

describe('alerts from before cases', () => {
  it('are filed into cases at unlock, once, with one audit event by system', async () => {
    const file = path.join(tempDir(), 'older.rdw');
    // Made without the shipped defaults and given open alerts outside any case, as a build of schema 110 left them.
    const older = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    const raise = older.db.prepare(
      `INSERT INTO alerts (source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, raised_by, artefacts, explanation)
       VALUES ('manual', 'manual.review', ?, ?, ?, 0.0, ?, 1, ?, ?, 'admin', '{}', '{"key":"manual.review","figures":[],"note":"n"}')`,
    );
    raise.run('loan', 'L1', 'high', 'open', FIXED_NOW.toISOString(), FIXED_NOW.toISOString());
    raise.run('device', 'D1', 'low', 'open', FIXED_NOW.toISOString(), FIXED_NOW.toISOString());
    raise.run('loan', 'L2', 'low', 'closed', FIXED_NOW.toISOString(), FIXED_NOW.toISOString());
    older.close();

    for (const day of ['2026-12-01', '2026-12-02']) {
      const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE, now: () => new Date(`${day}T08:00:00.000Z`) });
      try {
        const cases = workspace.db.prepare('SELECT title, priority, status, created_at, alert_count FROM cases ORDER BY case_id').all();
        assert.deepEqual(cases, [
          { title: 'loan L1', priority: 'high', status: 'new', created_at: '2026-12-01T08:00:00.000Z', alert_count: 1 },
          { title: 'device D1', priority: 'low', status: 'new', created_at: '2026-12-01T08:00:00.000Z', alert_count: 1 },
        ]);
        const events = workspace.db.prepare(`SELECT actor, at, details FROM audit_events WHERE action = 'cases.file'`).all();
        assert.deepEqual(events, [{ actor: 'system', at: '2026-12-01T08:00:00.000Z', details: '{"alerts":2,"casesOpened":2}' }], 'filed once');
      } finally {
        workspace.close();
      }
    }
  });
});
