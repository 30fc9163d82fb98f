import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblem, ProblemLog } from './problems.ts';

function logged(column: string | null, value: string | null) {
  const log = new ProblemLog('in.csv');
  log.add(2, column, value, 'is wrong');
  const [problem] = log.problems;
  assert.ok(problem);
  return problem;
}

describe('ProblemLog echoes no more than the offending field', () => {
  it('keeps short values and column names as they are', () => {
    assert.deepEqual(logged('loan_id', 'L1'), { file: 'in.csv', row: 2, column: 'loan_id', value: 'L1', reason: 'is wrong' });
    assert.deepEqual(logged(null, null), { file: 'in.csv', row: 2, column: null, value: null, reason: 'is wrong' });
    assert.equal(logged('c', 'x'.repeat(40)).value, 'x'.repeat(40));
  });

  it('clips values and column names to 40 characters and an ellipsis', () => {
    const problem = logged('c'.repeat(41), `${'v'.repeat(40)}secret`);
    assert.equal(problem.column, `${'c'.repeat(40)}…`);
    assert.equal(problem.value, `${'v'.repeat(40)}…`);
    assert.equal(describeProblem(problem), `row 2, column ${'c'.repeat(40)}…: "${'v'.repeat(40)}…" is wrong`);
  });

  it('counts characters, never splitting one', () => {
    assert.equal(logged('c', '😀'.repeat(41)).value, `${'😀'.repeat(40)}…`);
  });

  it('shows hidden characters as code points rather than letting them act on the message', () => {
    const problem = logged('a\u202Eb', 'x\u001B[2Jy\u200Bz\u0085');
    assert.equal(problem.column, 'a<U+202E>b');
    assert.equal(problem.value, 'x<U+001B>[2Jy<U+200B>z<U+0085>');
    assert.equal(logged('c', 'two\r\nlines\tand a tab').value, 'two\r\nlines\tand a tab', 'JSON escapes these visibly');
  });

  it('clips before showing, so hidden characters cannot smuggle in more of the value', () => {
    assert.equal(logged('c', '\u0000'.repeat(50)).value, `${'<U+0000>'.repeat(40)}…`);
  });
});
