import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { appendAuditEvent, verifyAuditChain } from './audit.ts';
import { keyringPathFor } from './keyring.ts';
import { UnlockThrottle } from './unlock-throttle.ts';
import { Workspace } from './workspace.ts';
import { recoverInterruptedSwap, swapInWorkspace, swapMarkerPathFor } from './workspace-swap.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, fileSha256, tempDir } from '../test-support/temp-workspace.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });

interface Content {
  readonly id: string;
  readonly borrowers: number;
  readonly head: { seq: number; hash: string };
}

/** A workspace at `file` with `borrowers` borrowers and one audit event per borrower on top of its creation's. */
async function makeWorkspace(file: string, borrowers: number): Promise<Content> {
  const ws = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  try {
    ws.db.transaction(() => {
      for (let i = 1; i <= borrowers; i += 1) {
        ws.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES (?, 'east', 1)`).run(`B${i}`);
        appendAuditEvent(ws.db, { actor: 'admin', action: 'test.borrower', subject: `borrower:B${i}`, details: {}, at: FIXED_NOW.toISOString() });
      }
    })();
    return contentOf(ws);
  } finally {
    ws.close();
  }
}

function contentOf(ws: Workspace): Content {
  const head = ws.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  return { id: ws.id, borrowers: ws.db.prepare('SELECT count(*) FROM borrowers').pluck().get() as number, head };
}

/** Unlocks `file` (which runs recovery), checks its chain and returns what it holds. */
async function openedContent(file: string): Promise<Content> {
  const ws = await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle });
  try {
    assert.ok(verifyAuditChain(ws.db).ok, 'the audit chain verifies');
    return contentOf(ws);
  } finally {
    ws.close();
  }
}

/**
 * An old workspace at `desk.rdw` (1 borrower) with a stale -wal of its own beside it, and a different, complete and
 * closed one staged at `desk.rdw.staged` (3 borrowers): another key and salt, so a keyring of one never opens the other.
 */
async function swapFixture(): Promise<{ dir: string; target: string; staged: string; old: Content; next: Content }> {
  const dir = tempDir();
  const target = path.join(dir, 'desk.rdw');
  const staged = path.join(dir, 'desk.rdw.staged');
  const old = await makeWorkspace(target, 1);
  // A -wal the old database would replay: a change committed but not checkpointed, kept as a killed process leaves it.
  const ws = await Workspace.open({ path: target, passphrase: ADMIN_PASSPHRASE, throttle });
  ws.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('OLD', 'west', 1)`).run();
  const wal = fs.readFileSync(`${target}-wal`);
  ws.close();
  fs.writeFileSync(`${target}-wal`, wal, { mode: 0o600 });
  assert.ok(wal.length > 0);
  const next = await makeWorkspace(staged, 3);
  assert.notEqual(old.id, next.id);
  return { dir, target, staged, old, next };
}

/** What swapInWorkspace writes first: the marker naming the staged copy. */
function writeMarker(target: string, staged: string): void {
  fs.writeFileSync(swapMarkerPathFor(target), `${JSON.stringify({ format: 'riskdesk-workspace-swap', version: 1, staged })}\n`, { mode: 0o600 });
}

/** The swap's steps after the marker, in order; a kill after step n leaves the first n done. */
const STEPS: readonly { readonly name: string; readonly run: (target: string, staged: string) => void }[] = [
  { name: 'marker written', run: (target, staged) => writeMarker(target, staged) },
  {
    name: 'stale -wal and -shm removed',
    run: (target) => {
      for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    },
  },
  { name: 'keyring renamed', run: (target, staged) => fs.renameSync(keyringPathFor(staged), keyringPathFor(target)) },
  { name: 'database renamed', run: (target, staged) => fs.renameSync(staged, target) },
  { name: 'marker removed', run: (target) => fs.rmSync(swapMarkerPathFor(target)) },
];

describe('workspace swap', () => {
  it('swaps the staged pair in, leaving only the target pair in the folder', async () => {
    const { dir, target, staged, next } = await swapFixture();
    swapInWorkspace(staged, target);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['desk.rdw', 'desk.rdw.keyring']);
    assert.deepEqual(await openedContent(target), next);
  });

  for (let done = 1; done <= STEPS.length; done += 1) {
    const state = STEPS.slice(0, done).map((step) => step.name).join(', ');
    it(`killed after: ${state}; the next open finishes the swap and shows the staged workspace`, async () => {
      const { dir, target, staged, next } = await swapFixture();
      for (const step of STEPS.slice(0, done)) step.run(target, staged);
      assert.deepEqual(await openedContent(target), next);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['desk.rdw', 'desk.rdw.keyring'], 'no marker or staged file is left');
      // Recovery is idempotent: a second run (another process finding the same marker) changes nothing.
      recoverInterruptedSwap(target);
      assert.deepEqual(await openedContent(target), next);
    });
  }

  it('without a marker never touches the target, whatever is staged beside it', async () => {
    const { target, staged, old } = await swapFixture();
    fs.rmSync(keyringPathFor(staged));
    const before = [target, keyringPathFor(target), `${target}-wal`].map(fileSha256);
    recoverInterruptedSwap(target);
    assert.throws(() => swapInWorkspace(staged, target), { code: 'INTERNAL', message: /staged workspace file .*\.staged\.keyring is missing; .* was not touched/ });
    assert.deepEqual([target, keyringPathFor(target), `${target}-wal`].map(fileSha256), before);
    assert.ok(!fs.existsSync(swapMarkerPathFor(target)));
    assert.ok(fs.existsSync(staged), 'an unfinished staging is its owner’s to remove');
    // The stale -wal is the old database's own: opened, the old workspace has the change it holds.
    assert.deepEqual(await openedContent(target), { ...old, borrowers: old.borrowers + 1 });
  });

  it('refuses a staged copy that is still open, or lies in another folder', async () => {
    const { dir, target, staged } = await swapFixture();
    const ws = await Workspace.open({ path: staged, passphrase: ADMIN_PASSPHRASE, throttle });
    try {
      ws.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('LATE', 'west', 1)`).run();
      assert.throws(() => swapInWorkspace(staged, target), { code: 'INTERNAL', message: /still open/ });
    } finally {
      ws.close();
    }
    const elsewhere = path.join(dir, 'sub', 'desk.rdw');
    assert.throws(() => swapInWorkspace(staged, elsewhere), { code: 'INTERNAL', message: /needs a staged copy beside/ });
    assert.ok(!fs.existsSync(swapMarkerPathFor(target)));
  });

  it('drops a marker a kill cut short (nothing had moved), and names one that is whole but not its own', async () => {
    const { dir, target, staged, old } = await swapFixture();
    const pair = (): string[] => [keyringPathFor(target), staged, keyringPathFor(staged)].map(fileSha256);
    const stagedBefore = pair();
    for (const cut of ['', '{"format":"riskdesk-workspace-swap","version":1,"sta']) {
      fs.writeFileSync(swapMarkerPathFor(target), cut);
      assert.deepEqual(await openedContent(target), { ...old, borrowers: old.borrowers + 1 });
      assert.ok(!fs.existsSync(swapMarkerPathFor(target)), 'the cut marker is gone');
    }
    assert.deepEqual(pair(), stagedBefore, 'nothing was renamed');
    // The open above checkpointed the old -wal into the target: its bytes from here on.
    const before = [fileSha256(target), ...pair()];
    for (const foreign of [{ format: 'riskdesk-workspace-swap', version: 1, staged: '/etc/passwd' }, { format: 'something else', staged }, null]) {
      fs.writeFileSync(swapMarkerPathFor(target), JSON.stringify(foreign));
      await assert.rejects(Workspace.open({ path: target, passphrase: ADMIN_PASSPHRASE, throttle }), (error: { code: string; message: string }) => {
        assert.equal(error.code, 'WORKSPACE_DAMAGED');
        assert.ok(error.message.includes(swapMarkerPathFor(target)), error.message);
        return true;
      });
    }
    assert.deepEqual([fileSha256(target), ...pair()], before);
    assert.ok(fs.readdirSync(dir).includes('desk.rdw.swap'), 'a marker that is not its own is left for the user to look at');
  });
});
