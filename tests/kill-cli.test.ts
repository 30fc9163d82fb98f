// The fast cut of tests/soak/kill-cli.ts for every test run: the real CLI killed with SIGKILL at two seeded moments
// during an import, a backup and an evidence export, each followed by the soak's checks (audit verify, the rows all
// of before or all of after, a backup or pack under its final name whole). The soak script runs the many kills.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { tempDir } from '../main/test-support/temp-workspace.ts';
import { killKind, writeBorrowersCsv } from './soak/kill-kinds.ts';
import { runKillTrials } from './soak/kill-trials.ts';
import { type BaseWorkspaces, prepareBaseWorkspaces } from './soak/kill-workspaces.ts';

const KILLS = 2;
const dir = tempDir('riskdesk-kill-');
const borrowersCsv = path.join(dir, 'borrowers.csv');
let bases: BaseWorkspaces;

describe('riskdesk killed with SIGKILL at seeded moments', () => {
  before(async () => {
    writeBorrowersCsv(borrowersCsv, 30_000);
    bases = await prepareBaseWorkspaces(dir, { demo: false });
  });

  for (const name of ['import', 'backup', 'evidence-export']) {
    it(`${name}: the workspace opens and verifies, holds all of the change or none, and nothing half-written has its final name`, async () => {
      const tally = await runKillTrials(killKind(name), bases, { borrowersCsv }, { kills: KILLS, seed: 1, dir });
      assert.deepEqual(tally.failures, []);
      assert.equal(tally.survived, KILLS);
      assert.equal(tally.asBefore + tally.asAfter, KILLS);
    });
  }
});
