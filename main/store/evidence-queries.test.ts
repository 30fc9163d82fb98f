import { auditChainHead } from './audit.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EXPECTED, insertEvidenceFixture, PERIOD } from '../test-support/evidence-test-data.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { AUDIT_GENESIS_HASH, type AuditEventRow } from './audit.ts';
import {
  alertListing,
  auditEventsAbout,
  auditSliceBatches,
  auditSliceRange,
  caseActionListing,
  caseListing,
  caseNoteListing,
  dispositionListing,
  evidencePeriod,
  listingBatches,
  listingCount,
  missingIds,
  runListing,
  versionsInForce,
  type Listing,
  type Selection,
} from './evidence-queries.ts';

describe('evidence queries', () => {
  let temp: TempDatabase;
  let events: AuditEventRow[];
  const period = evidencePeriod(PERIOD.from, PERIOD.to);
  const byPeriod: Selection = { period };

  before(() => {
    temp = createTempDatabase('riskdesk-evidence-queries-');
    events = insertEvidenceFixture(temp.db);
  });
  after(() => temp.dispose());

  /** Every row of a listing, read in pages of `batchSize`. */
  function rows(listing: Listing, batchSize = 1_000): Record<string, unknown>[] {
    return [...listingBatches(temp.db, listing, batchSize)].flat();
  }
  function ids(listing: Listing, key: string, batchSize?: number): unknown[] {
    return rows(listing, batchSize).map((row) => row[key]);
  }

  it('bounds a period by the first instant of its first day and of the day after its last', () => {
    assert.deepEqual(period, { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' });
    assert.deepEqual(evidencePeriod('2026-12-31', '2026-12-31'), { start: '2026-12-31T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    assert.deepEqual(evidencePeriod('2028-02-28', '2028-02-28').end, '2028-02-29T00:00:00.000Z');
  });

  it('takes the cases open at some time in the period, and their alerts with those raised in it', () => {
    assert.deepEqual(ids(caseListing(byPeriod), 'case_id'), EXPECTED.cases);
    assert.deepEqual(
      rows(alertListing(byPeriod)).map(({ alert_id, case_id }) => ({ alert_id, case_id })),
      EXPECTED.alerts,
    );
    assert.deepEqual(ids(dispositionListing(byPeriod), 'case_id'), EXPECTED.dispositions);
    assert.deepEqual(ids(caseActionListing(byPeriod), 'action_id'), EXPECTED.caseActions);
    assert.deepEqual(ids(caseNoteListing(byPeriod), 'note_id'), EXPECTED.caseNotes);
    assert.deepEqual(ids(runListing(byPeriod), 'run_id'), EXPECTED.runs);
  });

  it('counts what it reads', () => {
    for (const listing of [caseListing(byPeriod), alertListing(byPeriod), dispositionListing(byPeriod), caseActionListing(byPeriod), caseNoteListing(byPeriod), runListing(byPeriod)]) {
      assert.equal(listingCount(temp.db, listing), rows(listing).length, listing.table);
    }
  });

  it('pages a join by its key without losing or repeating a row', () => {
    assert.deepEqual(ids(alertListing(byPeriod), 'alert_id', 2), EXPECTED.alerts.map((alert) => alert.alert_id));
    assert.deepEqual([...listingBatches(temp.db, alertListing(byPeriod), 2)].map((batch) => batch.length), [2, 2, 1]);
  });

  it('takes exactly the chosen cases, with only their alerts (not those raised in the period)', () => {
    const chosen: Selection = { chosen: [5, 3] };
    assert.deepEqual(ids(caseListing(chosen), 'case_id'), [3, 5]);
    assert.deepEqual(ids(alertListing(chosen), 'alert_id'), [3, 5]);
    assert.deepEqual(ids(dispositionListing(chosen), 'case_id'), [5]);
    assert.deepEqual(ids(caseActionListing(chosen), 'action_id'), [3]);
    assert.deepEqual(ids(caseNoteListing(chosen), 'note_id'), [2]);
    assert.deepEqual(ids(runListing({ chosen: [1, 5] }), 'run_id'), [1, 5]);
  });

  it('names the chosen ids that name nothing (a liquidity run is no run a pack takes)', () => {
    assert.deepEqual(missingIds(temp.db, 'cases', [99, 2, 7, 99, 50]), [50, 99]);
    assert.deepEqual(missingIds(temp.db, 'runs', [3, 4, 12]), [4, 12]);
    assert.deepEqual(missingIds(temp.db, 'models', [1, 2, 3]), []);
    assert.deepEqual(missingIds(temp.db, 'ruleSetVersions', [6, 7]), [7]);
  });

  it('finds the versions in force at some time in the period, retired ones included', () => {
    assert.deepEqual(versionsInForce(temp.db, 'fraudRuleSets', period), EXPECTED.ruleSetVersions);
    assert.deepEqual(versionsInForce(temp.db, 'creditModels', period), EXPECTED.models);
    assert.deepEqual(versionsInForce(temp.db, 'creditParameterSets', period), [2]);
    // Shipped at 1970 and never replaced: in force ever since.
    for (const kind of ['liquidityParameterSets', 'slaTables', 'playbookSets'] as const) assert.deepEqual(versionsInForce(temp.db, kind, period), [1], kind);
    // October: v2 from the 1st, v1 until then; model 1 only.
    const october = evidencePeriod('2026-10-01', '2026-10-31');
    assert.deepEqual(versionsInForce(temp.db, 'fraudRuleSets', october), [2]);
    assert.deepEqual(versionsInForce(temp.db, 'creditModels', october), [1]);
    assert.deepEqual(versionsInForce(temp.db, 'fraudRuleSets', evidencePeriod('2026-09-30', '2026-10-01')), [1, 2]);
  });

  it('slices the audit chain from the first to the last event of the period', () => {
    const slice = auditSliceRange(temp.db, period);
    const stored = (seq: number) => events.find((event) => event.seq === seq)?.hash;
    assert.deepEqual(slice, { fromSeq: EXPECTED.audit.fromSeq, toSeq: EXPECTED.audit.toSeq, events: EXPECTED.audit.events, hashBeforeFirst: stored(2), lastHash: stored(5) });
    assert.deepEqual([...auditSliceBatches(temp.db, slice, 2)].map((batch) => batch.map((row) => row.seq)), [[3, 4], [5]]);
    assert.deepEqual(auditChainHead(temp.db), { seq: EXPECTED.audit.head, hash: stored(6) });
    assert.deepEqual(auditEventsAbout(temp.db, 'credit model 2').map((row) => row.seq), [3, 4]);
  });

  it('leaves an empty slice where the chain stood when the period began', () => {
    const none = auditSliceRange(temp.db, evidencePeriod('2025-01-01', '2025-01-31'));
    assert.deepEqual(none, { fromSeq: null, toSeq: null, events: 0, hashBeforeFirst: AUDIT_GENESIS_HASH, lastHash: AUDIT_GENESIS_HASH });
    assert.deepEqual([...auditSliceBatches(temp.db, none, 10)], []);
    // Between seq 1 (1 October) and seq 2 (31 October).
    const between = auditSliceRange(temp.db, evidencePeriod('2026-10-05', '2026-10-20'));
    assert.equal(between.events, 0);
    assert.equal(between.hashBeforeFirst, events[0]?.hash);
    assert.equal(between.lastHash, between.hashBeforeFirst);
  });
});
