import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pendingOutputsOf, pendingOutputsPathFor, removeAbandonedOutputs } from './pending-outputs.ts';
import { tempDir } from '../test-support/temp-workspace.ts';

const ENDED = new Set([4_000_001, 4_000_002]);
const running = (pid: number): boolean => !ENDED.has(pid);

/** The list as someone with the folder could write it (by hand, or a writer of another version). */
function writeList(workspace: string, entries: unknown): void {
  fs.writeFileSync(pendingOutputsPathFor(workspace), JSON.stringify(entries));
}

function files(dir: string, names: readonly string[]): string[] {
  return names.map((name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, name);
    return file;
  });
}

describe('pending outputs', () => {
  it('lists what a writer adds and forgets it when removed, leaving no list behind', () => {
    const dir = tempDir();
    const workspace = path.join(dir, 'desk.rdw');
    const pending = pendingOutputsOf(workspace);
    const [backup, pack] = [path.join(dir, 'b.rdw.partial'), path.join(dir, 'p.zip.partial-0123456789ab')];
    pending.add(backup);
    pending.add(pack);
    pending.add(backup);
    const listed = JSON.parse(fs.readFileSync(pendingOutputsPathFor(workspace), 'utf8')) as { file: string; pid: number; host: string }[];
    assert.deepEqual(listed.map((e) => [e.file, e.pid, e.host]), [pack, backup].map((f) => [f, process.pid, os.hostname()]));
    assert.equal(fs.statSync(pendingOutputsPathFor(workspace)).mode & 0o777, 0o600);
    pending.remove(backup);
    pending.remove(pack);
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.throws(() => pending.add(path.join(dir, 'notes.txt')), /not named as a temporary output/);
  });

  it("removes an ended process's temporary files and their companions, and nothing else, even from a tampered list", () => {
    const dir = tempDir();
    const workspace = path.join(dir, 'desk.rdw');
    const host = os.hostname();
    const left = files(dir, ['b.rdw.partial', 'b.rdw.partial.keyring', 'b.rdw.partial-journal', 'desk.rdw.restoring', 'desk.rdw.restoring-wal', 'p.zip.partial-0123456789ab']);
    const live = files(dir, ['c.rdw.partial', 'q.zip.partial-aaaaaaaaaaaa']);
    const elsewhere = files(dir, ['d.rdw.partial']);
    const untouchable = files(dir, ['notes.txt', 'b.rdw', 'b.rdw.keyring', 'p.zip', 'p.zip.partial-0123', 'x.partial.bak']);
    fs.symlinkSync(path.join(dir, 'notes.txt'), path.join(dir, 'link.rdw.partial'));
    writeList(workspace, [
      { file: path.join(dir, 'b.rdw.partial'), host, pid: 4_000_001 },
      { file: path.join(dir, 'desk.rdw.restoring'), host, pid: 4_000_001 },
      { file: path.join(dir, 'p.zip.partial-0123456789ab'), host, pid: 4_000_002 },
      ...live.map((file) => ({ file, host, pid: process.pid })),
      ...elsewhere.map((file) => ({ file, host: `not-${host}`, pid: 4_000_001 })),
      // Tampered: files that are not temporary outputs, a relative path, a link, malformed entries.
      ...untouchable.map((file) => ({ file, host, pid: 4_000_001 })),
      { file: 'b.rdw.partial', host, pid: 4_000_001 },
      { file: path.join(dir, 'link.rdw.partial'), host, pid: 4_000_002 },
      { file: path.join(dir, 'missing.rdw.partial'), host, pid: 4_000_002 },
      { file: 42, host, pid: 4_000_001 },
      null,
    ]);
    removeAbandonedOutputs(workspace, running);
    for (const file of left) assert.ok(!fs.existsSync(file), `${file} is gone`);
    for (const file of [...live, ...elsewhere, ...untouchable]) assert.ok(fs.existsSync(file), `${file} is kept`);
    assert.ok(fs.lstatSync(path.join(dir, 'link.rdw.partial')).isSymbolicLink(), 'a link is not followed, nor removed');
    const kept = JSON.parse(fs.readFileSync(pendingOutputsPathFor(workspace), 'utf8')) as { file: string }[];
    assert.deepEqual(kept.map((e) => e.file).sort(), [...live, ...elsewhere].sort(), 'only the entries of running processes and other machines stay');
  });

  it('reads a damaged list as empty and removes it', () => {
    const dir = tempDir();
    const workspace = path.join(dir, 'desk.rdw');
    fs.writeFileSync(pendingOutputsPathFor(workspace), '[{"file": "/x.partial", "ho');
    removeAbandonedOutputs(workspace, running);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
