// The snapshot a liquidity position reads: the latest as_of on or before the date asked, undated lines in every one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { lineSnapshotDate } from './liquidity-data.ts';

describe('lineSnapshotDate', () => {
  let temp: TempDatabase;
  const insert = (id: string, asOf: string | null) =>
    temp.db.prepare(`INSERT INTO liquidity_lines (line_id, category, amount_minor, as_of, currency) VALUES (?, 'hqla_l1_cash', 100, ?, 'CNY')`).run(id, asOf);
  before(() => (temp = createTempDatabase('riskdesk-liquidity-data-')));
  after(() => temp.dispose());

  it('refuses a workspace without lines, naming the date asked', () => {
    assert.throws(() => lineSnapshotDate(temp.db, undefined, '2026-12-05'), /no liquidity lines: import/);
    assert.throws(() => lineSnapshotDate(temp.db, '2026-11-30', '2026-12-05'), /no liquidity lines dated on or before 2026-11-30/);
  });

  it('reads undated lines as of the date asked, else today, never a date of their own', () => {
    insert('U1', null);
    assert.equal(lineSnapshotDate(temp.db, undefined, '2026-12-05'), '2026-12-05');
    assert.equal(lineSnapshotDate(temp.db, '2026-06-30', '2026-12-05'), '2026-06-30');
  });

  it('takes the latest dated snapshot on or before the date asked', () => {
    insert('A1', '2026-10-31');
    insert('A2', '2026-11-30');
    assert.equal(lineSnapshotDate(temp.db, undefined, '2026-12-05'), '2026-11-30');
    assert.equal(lineSnapshotDate(temp.db, '2026-11-15', '2026-12-05'), '2026-10-31');
  });
});
