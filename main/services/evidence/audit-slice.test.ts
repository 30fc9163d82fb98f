import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AUDIT_GENESIS_HASH, type AuditEventRow } from '../../store/audit.ts';
import { realAuditRows } from '../../test-support/evidence-test-bag.ts';
import { AuditSliceChecker, auditEventLine, type AuditSliceFinding } from './audit-slice.ts';
import type { AuditSliceHeader } from './payload-file.ts';

function header(rows: AuditEventRow[], from: number, to: number, overrides: Partial<AuditSliceHeader> = {}): AuditSliceHeader {
  const head = rows.at(-1)!;
  return {
    fromSeq: from,
    toSeq: to,
    events: to - from + 1,
    hashBeforeFirst: from === 1 ? AUDIT_GENESIS_HASH : rows[from - 2]!.hash,
    lastHash: rows[to - 1]!.hash,
    chainHead: { seq: head.seq, hash: head.hash },
    ...overrides,
  };
}

/** Feeds `text` in chunks of `size` bytes, so that lines (and UTF-8 characters) are split across chunks. */
function check(sliceHeader: AuditSliceHeader, text: string, size = 7): AuditSliceFinding[] {
  const checker = new AuditSliceChecker(sliceHeader);
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) checker.push(bytes.subarray(at, at + size));
  return checker.finish();
}

const jsonl = (rows: AuditEventRow[]): string => rows.map((row) => `${auditEventLine(row)}\n`).join('');

describe('audit slice', () => {
  let rows: AuditEventRow[];
  before(() => {
    rows = realAuditRows();
  });

  it('writes an event as one JSON line with its details as an object', () => {
    const row = rows[2]!;
    const line = auditEventLine(row);
    assert.ok(!line.includes('\n'));
    assert.deepEqual(JSON.parse(line), { seq: 3, at: row.at, actor: row.actor, action: 'case.update', subject: 'case:3', details: { step: 3, note: 'vérifié, 已审核' }, prev_hash: rows[1]!.hash, hash: row.hash });
    assert.deepEqual(Object.keys(JSON.parse(line) as object), ['seq', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash']);
  });

  it('passes a slice from the middle of the chain, one from the genesis to the head, and an empty one', () => {
    const middle = check(header(rows, 2, 4), jsonl(rows.slice(1, 4)));
    assert.deepEqual(middle.map((f) => f.ok), [true]);
    assert.match(middle[0]!.message, /events 2 to 4 follow one another/);
    assert.deepEqual(check(header(rows, 1, 5), jsonl(rows), 1).map((f) => f.ok), [true]);
    // Without the last newline too.
    assert.deepEqual(check(header(rows, 1, 5), jsonl(rows).trimEnd(), 1000).map((f) => f.ok), [true]);
    const empty: AuditSliceHeader = { fromSeq: null, toSeq: null, events: 0, hashBeforeFirst: rows[4]!.hash, lastHash: rows[4]!.hash, chainHead: { seq: 5, hash: rows[4]!.hash } };
    assert.deepEqual(check(empty, '').map((f) => f.ok), [true]);
  });

  it('fails an edited event on its own hash, naming its seq', () => {
    const edited = jsonl(rows.slice(1, 4)).replace('"step":3', '"step":4');
    assert.deepEqual(check(header(rows, 2, 4), edited), [{ ok: false, message: 'event 3: its contents do not match its hash' }]);
  });

  it('fails a missing event, and a slice that does not start where its header says', () => {
    const gap = jsonl([rows[1]!, rows[3]!]);
    assert.deepEqual(check(header(rows, 2, 4, { events: 2 }), gap), [{ ok: false, message: 'event 4: expected event 3 but found 4: events are missing' }]);
    // The hash before the first is another event's: the first event's previous-hash does not match it.
    assert.deepEqual(check(header(rows, 2, 4, { hashBeforeFirst: rows[1]!.hash }), jsonl(rows.slice(1, 4))), [{ ok: false, message: 'event 2: its previous-hash does not match the event before it' }]);
  });

  it('fails a header whose count, last hash or chain head disagrees with the events', () => {
    const events = jsonl(rows.slice(1, 4));
    assert.deepEqual(check(header(rows, 2, 4, { events: 4 }), events), [{ ok: false, message: 'the slice holds 3 events but its header says 4' }]);
    assert.deepEqual(check(header(rows, 2, 4, { lastHash: rows[4]!.hash }), events), [{ ok: false, message: `the slice's last hash ${rows[3]!.hash} is not the ${rows[4]!.hash} its header states` }]);
    // A slice ending at the stated head must end with the head's hash.
    const atHead = header(rows, 2, 4, { chainHead: { seq: 4, hash: rows[2]!.hash } });
    assert.deepEqual(check(atHead, events), [{ ok: false, message: 'the slice ends at the chain head (event 4) but its last hash is not the head\'s' }]);
    assert.deepEqual(check(header(rows, 2, 4, { chainHead: { seq: 3, hash: rows[2]!.hash } }), events), [{ ok: false, message: 'the slice ends at event 4, after the chain head 3 it states' }]);
  });

  it('fails a line that is not an event, naming the line', () => {
    const lines = jsonl(rows.slice(1, 4)).split('\n');
    lines[1] = '{"seq":3}';
    assert.deepEqual(check(header(rows, 2, 4), lines.join('\n')).map((f) => f.message), [`audit/audit-events.jsonl line 2 is not an audit event (at: Invalid input: expected string, received undefined)`]);
    assert.match(check(header(rows, 2, 4), 'not json\n')[0]!.message, /line 1 is not a JSON object/);
    const empty: AuditSliceHeader = { fromSeq: null, toSeq: null, events: 0, hashBeforeFirst: rows[4]!.hash, lastHash: rows[4]!.hash, chainHead: { seq: 5, hash: rows[4]!.hash } };
    assert.match(check(empty, jsonl(rows.slice(4)))[0]!.message, /line 1 holds an event, but the slice's header says it has none/);
  });
});
