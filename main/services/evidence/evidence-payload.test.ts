import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { EvidenceScope } from '../../../preload/contract/evidence.ts';
import { auditEventHash, type AuditEventRow } from '../../store/audit.ts';
import { EXPECTED, INJECTION_NOTE, insertEvidenceFixture, PERIOD, ruleSetWithReview, SCORECARD } from '../../test-support/evidence-test-data.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { describeScope, evidencePayloadFiles, evidencePreview } from './evidence-payload.ts';
import { PAYLOAD_CHUNK_CHARS } from './payload-text.ts';
import { AUDIT_EVENTS_PATH, AUDIT_SLICE_PATH, auditSliceHeaderSchema, type PayloadFile } from './payload-file.ts';

const ABOUT = { exportedBy: 'audrey', exportedAt: '2026-12-02T09:00:00.000Z', fingerprint: 'f'.repeat(64), workspaceName: 'Test bank' };

async function textOf(file: PayloadFile): Promise<string> {
  let text = '';
  for await (const chunk of file.content()) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/** Every file of a scope, read in full, by path. */
async function payload(db: TempDatabase['db'], scope: EvidenceScope): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of evidencePayloadFiles(db, scope, ABOUT)) files.set(file.path, await textOf(file));
  return files;
}

function csvRows(text: string | undefined): Record<string, string>[] {
  assert.ok(text !== undefined, 'the file is in the pack');
  assert.ok(text.startsWith('\uFEFF'), 'a CSV starts with a byte order mark');
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

function json(text: string | undefined): Record<string, unknown> {
  assert.ok(text !== undefined, 'the file is in the pack');
  assert.ok(text.endsWith('}\n'), 'JSON ends with a newline');
  return JSON.parse(text) as Record<string, unknown>;
}

function refusedNaming(...fragments: string[]) {
  return (error: Error & { code?: string; details?: unknown }) => {
    assert.equal(error.code, 'VALIDATION', error.message);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" names ${fragment}`);
    return true;
  };
}

describe('evidence payload', () => {
  let temp: TempDatabase;
  let events: AuditEventRow[];
  const scope: EvidenceScope = { ...PERIOD };

  before(() => {
    temp = createTempDatabase('riskdesk-evidence-payload-');
    events = insertEvidenceFixture(temp.db);
  });
  after(() => temp.dispose());

  it('lists the files of a period in the order the pack writes them, counted as the files hold them', async () => {
    const preview = evidencePreview(temp.db, scope);
    assert.deepEqual(
      preview.files.map((file) => file.path),
      [
        'scope.json',
        'cases/cases.csv',
        'cases/alerts.csv',
        'cases/dispositions.csv',
        'cases/case-actions.csv',
        'cases/case-notes.csv',
        'runs/runs.csv',
        'rule-sets/fraud-rule-set-v3.json',
        'rule-sets/fraud-rule-set-v4.json',
        'rule-sets/fraud-rule-set-diff-v3-v4.json',
        'models/credit-model-1.json',
        'models/credit-model-2.json',
        ...EXPECTED.parameterSets.map((name) => `parameter-sets/${name}.json`),
        AUDIT_EVENTS_PATH,
        AUDIT_SLICE_PATH,
      ],
    );
    const files = await payload(temp.db, scope);
    assert.deepEqual([...files.keys()], preview.files.map((file) => file.path));
    for (const { path, rows } of preview.files) {
      const text = files.get(path) ?? '';
      const held = path.endsWith('.csv') ? csvRows(text).length : path.endsWith('.jsonl') ? text.split('\n').filter(Boolean).length : 1;
      assert.equal(held, rows, path);
    }
    assert.ok(preview.estimatedBytes > 0);
  });

  it('writes the rows of the period, ids as listed by hand', async () => {
    const files = await payload(temp.db, scope);
    assert.deepEqual(csvRows(files.get('cases/cases.csv')).map((row) => Number(row.case_id)), EXPECTED.cases);
    assert.deepEqual(
      csvRows(files.get('cases/alerts.csv')).map((row) => ({ alert_id: Number(row.alert_id), case_id: row.case_id === '' ? null : Number(row.case_id) })),
      EXPECTED.alerts,
    );
    const dispositions = csvRows(files.get('cases/dispositions.csv'));
    assert.deepEqual(dispositions.map((row) => Number(row.case_id)), EXPECTED.dispositions);
    assert.deepEqual(dispositions[0], {
      case_id: '5', type: 'fraud', priority: 'high', disposition: 'confirmed_fraud', disposition_note: 'ring of three', proposed_by: 'ana', proposed_at: '2026-10-31T08:00:00.000Z',
      closed_by: 'cole', closed_at: '2026-11-01T00:00:00.000Z', merged_into: '',
    });
    assert.deepEqual(csvRows(files.get('cases/case-actions.csv')).map((row) => Number(row.action_id)), EXPECTED.caseActions);
    const notes = csvRows(files.get('cases/case-notes.csv'));
    assert.deepEqual(notes.map((row) => Number(row.note_id)), EXPECTED.caseNotes);
    // The markdown as written, with the apostrophe that keeps a spreadsheet from running it as a formula.
    assert.equal(notes[0]?.markdown, `'${INJECTION_NOTE}`);
    const runs = csvRows(files.get('runs/runs.csv'));
    assert.deepEqual(runs.map((row) => Number(row.run_id)), EXPECTED.runs);
    assert.deepEqual(runs[0], {
      run_id: '2', engine: 'credit', as_of: '2026-10-31', artefacts: '{"credit.model":1}', started_by: 'ana', started_at: '2026-10-31T23:30:00.000Z',
      finished_at: '2026-11-01T00:00:00.000Z', currency: 'CNY', totals: '{"loans":2,"eclMinor":250}',
    });
  });

  it('records the scope, who exported it and every other file with its rows', async () => {
    const files = await payload(temp.db, scope);
    const record = json(files.get('scope.json'));
    const preview = evidencePreview(temp.db, scope);
    assert.deepEqual(record, { scope: { ...PERIOD }, ...ABOUT, files: preview.files.slice(1) });
    assert.deepEqual(Object.keys(record), ['scope', 'exportedBy', 'exportedAt', 'workspaceName', 'fingerprint', 'files']);
  });

  it('carries the rule set versions in force, the diff between them, model cards and the parameter sets in force', async () => {
    const files = await payload(temp.db, scope);
    const v3 = json(files.get('rule-sets/fraud-rule-set-v3.json'));
    assert.deepEqual(
      { version: v3.version, note: v3.note, status: v3.status, approvedBy: v3.approvedBy, activatedAt: v3.activatedAt, document: v3.document },
      { version: 3, note: 'v3', status: 'retired', approvedBy: 'cara', activatedAt: '2026-11-01T00:00:00.000Z', document: ruleSetWithReview(3) },
    );
    const diff = json(files.get('rule-sets/fraud-rule-set-diff-v3-v4.json'));
    assert.deepEqual({ from: diff.from, to: diff.to, thresholds: diff.thresholds, changed: diff.changed }, { from: 3, to: 4, thresholds: { before: { review: 3, block: 4 }, after: { review: 4, block: 4 } }, changed: [] });

    const card = json(files.get('models/credit-model-2.json'));
    assert.deepEqual(
      { modelId: card.modelId, name: card.name, createdBy: card.createdBy, submittedBy: card.submittedBy, approvedBy: card.approvedBy, activatedAt: card.activatedAt, scorecard: card.scorecard },
      { modelId: 2, name: 'Retail 2', createdBy: 'ana', submittedBy: 'ana', approvedBy: 'cole', activatedAt: '2026-11-15T00:00:00.000Z', scorecard: SCORECARD },
    );
    const points = card.points as { name: string; bins: { points: number }[] }[];
    assert.deepEqual(points.map((feature) => [feature.name, feature.bins.map((bin) => bin.points)]), [['income', [20, 45]]]);
    const development = card.development as { metrics: { train: { auc: number }; holdout: { rows: number } }; bands: unknown; curves?: unknown };
    assert.equal(development.metrics.train.auc, 0.75);
    assert.equal(development.metrics.holdout.rows, 30);
    assert.ok(development.bands !== null);
    assert.equal('curves' in development, false);
    const modelEvents = card.auditEvents as { seq: number; details: unknown }[];
    assert.deepEqual(modelEvents.map((event) => event.seq), [3, 4]);
    assert.deepEqual(modelEvents[0]?.details, { step: 3, note: 'ünïcode' });

    const credit = json(files.get('parameter-sets/credit-parameter-set-v2.json'));
    assert.deepEqual({ version: credit.version, note: credit.note, status: credit.status, document: credit.document }, { version: 2, note: 'second', status: 'active', document: { masterScale: [1] } });
    assert.equal(json(files.get('parameter-sets/sla-table-v1.json')).createdBy, 'system');
  });

  it('carries an audit slice whose chain runs from the hash before it to its last hash', async () => {
    const files = await payload(temp.db, scope);
    const header = auditSliceHeaderSchema.parse(json(files.get(AUDIT_SLICE_PATH)));
    const stored = (seq: number) => events.find((event) => event.seq === seq)?.hash;
    assert.equal(header.fromSeq, EXPECTED.audit.fromSeq);
    assert.equal(header.toSeq, EXPECTED.audit.toSeq);
    assert.equal(header.events, EXPECTED.audit.events);
    assert.equal(header.hashBeforeFirst, stored(EXPECTED.audit.fromSeq - 1));
    assert.deepEqual(header.chainHead, { seq: EXPECTED.audit.head, hash: stored(EXPECTED.audit.head) });
    const lines = (files.get(AUDIT_EVENTS_PATH) ?? '').split('\n');
    assert.equal(lines.pop(), '', 'every line ends with a newline');
    let hash = header.hashBeforeFirst;
    for (const line of lines) {
      const event = JSON.parse(line) as AuditEventRow & { details: unknown };
      assert.deepEqual(Object.keys(event), ['seq', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash']);
      assert.equal(event.prev_hash, hash);
      hash = auditEventHash(hash, event);
      assert.equal(event.hash, hash);
    }
    assert.deepEqual(lines.map((line) => (JSON.parse(line) as { seq: number }).seq), [3, 4, 5]);
    assert.equal(hash, header.lastHash);
  });

  it('makes an empty slice of a period without events', async () => {
    const files = await payload(temp.db, { from: '2025-01-01', to: '2025-01-31' });
    const header = auditSliceHeaderSchema.parse(json(files.get(AUDIT_SLICE_PATH)));
    assert.equal(header.events, 0);
    assert.equal(header.fromSeq, null);
    assert.equal(header.lastHash, header.hashBeforeFirst);
    assert.equal(files.get(AUDIT_EVENTS_PATH), '');
    assert.deepEqual(csvRows(files.get('cases/cases.csv')), []);
  });

  it('takes exactly the chosen cases, runs, models and rule set versions', async () => {
    const chosen: EvidenceScope = { ...PERIOD, cases: [5, 3, 5], runs: [1], models: [3], ruleSetVersions: [6, 2] };
    const preview = evidencePreview(temp.db, chosen);
    assert.deepEqual(preview.scope, { ...PERIOD, cases: [3, 5], models: [3], ruleSetVersions: [2, 6], runs: [1] });
    const files = await payload(temp.db, chosen);
    assert.deepEqual(csvRows(files.get('cases/cases.csv')).map((row) => Number(row.case_id)), [3, 5]);
    assert.deepEqual(csvRows(files.get('cases/alerts.csv')).map((row) => Number(row.alert_id)), [3, 5]);
    assert.deepEqual(csvRows(files.get('cases/dispositions.csv')).map((row) => Number(row.case_id)), [5]);
    assert.deepEqual(csvRows(files.get('cases/case-actions.csv')).map((row) => Number(row.action_id)), [3]);
    assert.deepEqual(csvRows(files.get('cases/case-notes.csv')).map((row) => Number(row.note_id)), [2]);
    assert.deepEqual(csvRows(files.get('runs/runs.csv')).map((row) => Number(row.run_id)), [1]);
    const documents = [...files.keys()].filter((path) => path.startsWith('rule-sets/') || path.startsWith('models/'));
    assert.deepEqual(documents, ['rule-sets/fraud-rule-set-v2.json', 'rule-sets/fraud-rule-set-v6.json', 'rule-sets/fraud-rule-set-diff-v2-v6.json', 'models/credit-model-3.json']);
  });

  it('refuses chosen ids that name nothing, naming them', () => {
    assert.throws(() => evidencePreview(temp.db, { ...PERIOD, cases: [2, 99] }), refusedNaming('cases', '99'));
    assert.throws(() => evidencePayloadFiles(temp.db, { ...PERIOD, runs: [3, 4] }, ABOUT), refusedNaming('runs', '4'));
    assert.throws(
      () => evidencePreview(temp.db, { ...PERIOD, models: [8], ruleSetVersions: [9] }),
      (error: Error & { details?: unknown }) => {
        assert.deepEqual(error.details, [
          { path: 'models', message: 'there are no credit models 8 in this workspace' },
          { path: 'ruleSetVersions', message: 'there are no fraud rule set versions 9 in this workspace' },
        ]);
        return true;
      },
    );
  });

  it('writes the same bytes twice from the same database', async () => {
    assert.deepEqual(await payload(temp.db, scope), await payload(temp.db, scope));
  });

  it('describes the scope in one line', () => {
    assert.equal(
      describeScope({ ...PERIOD, cases: [5, 3] }),
      'Evidence for 2026-11-01 to 2026-11-30 (UTC days, both included); cases 3, 5; the credit models active in the period; ' +
        'the fraud rule set versions in force in the period; the credit and fraud runs finished in the period',
    );
    assert.ok(!describeScope(scope).includes('\n'));
  });
});

describe('evidence payload at scale', () => {
  const ALERTS = 200_000;
  /** Alerts raised on 1 November; the rest on the 2nd. */
  const FIRST_DAY = 20_000;
  let temp: TempDatabase;

  before(() => {
    temp = createTempDatabase('riskdesk-evidence-scale-');
    const insert = temp.db.prepare(
      `INSERT INTO alerts (alert_id, source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, raised_by, artefacts, explanation)
       VALUES (?, 'manual', 'manual.review', 'account', ?, 'medium', 2.5, 'closed', 1, ?, ?, 'ana', '{}', ?)`,
    );
    const explanation = JSON.stringify({ key: 'manual.review', figures: [{ name: 'amountMinor', value: 125_000 }, { name: 'threshold', value: 100_000 }] });
    temp.db.transaction(() => {
      for (let id = 1; id <= ALERTS; id += 1) {
        const at = `2026-11-0${id <= FIRST_DAY ? 1 : 2}T08:00:00.000Z`;
        insert.run(id, `A${id}`, at, at, explanation);
      }
    })();
  });
  after(() => temp.dispose());

  /** The chunks of alerts.csv for a scope: how many, the largest, and the rows they hold. */
  async function alertChunks(scope: EvidenceScope): Promise<{ chunks: number; largest: number; rows: number; previewRows: number | undefined }> {
    const file = evidencePayloadFiles(temp.db, scope, ABOUT).find((candidate) => candidate.path === 'cases/alerts.csv');
    assert.ok(file);
    let chunks = 0;
    let largest = 0;
    let lines = 0;
    for await (const chunk of file.content()) {
      assert.equal(typeof chunk, 'string');
      const text = chunk as string;
      chunks += 1;
      largest = Math.max(largest, text.length);
      assert.ok(text.endsWith('\r\n'), 'a chunk ends at a line end: no row is split');
      lines += text.split('\r\n').length - 1;
    }
    const previewRows = evidencePreview(temp.db, scope).files.find((entry) => entry.path === 'cases/alerts.csv')?.rows;
    // The header is a line too.
    return { chunks, largest, rows: lines - 1, previewRows };
  }

  it('streams a large CSV in bounded chunks whose number grows with its rows', async () => {
    const small = await alertChunks({ from: '2026-11-01', to: '2026-11-01' });
    const large = await alertChunks({ from: '2026-11-01', to: '2026-11-02' });
    assert.equal(small.rows, FIRST_DAY);
    assert.equal(small.previewRows, FIRST_DAY);
    assert.equal(large.rows, ALERTS);
    assert.equal(large.previewRows, ALERTS);
    for (const { largest } of [small, large]) assert.ok(largest <= PAYLOAD_CHUNK_CHARS, `a chunk of ${largest} characters`);
    assert.ok(small.chunks >= 2, `${small.chunks} chunks for ${FIRST_DAY} rows`);
    // Ten times the rows: about ten times the chunks, not one buffer.
    assert.ok(large.chunks >= 8 * small.chunks, `${large.chunks} chunks for ${ALERTS} rows against ${small.chunks} for ${FIRST_DAY}`);
  });
});
