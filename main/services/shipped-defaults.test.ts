import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { parameterSetSchema } from '../../preload/contract/credit.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { listParameterSets } from '../store/credit-parameter-sets.ts';
import { Workspace } from '../store/workspace.ts';
import { DOCUMENTED_DEFAULT_PARAMETERS } from '../test-support/documented-parameters.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../test-support/temp-workspace.ts';
import { resourcesFolder } from './resources-folder.ts';
import { seedShippedDefaults } from './shipped-defaults.ts';
import { createWorkspace, SHIPPED_DEFAULTS, unlockWorkspace } from './workspace-service.ts';

const FILE = 'parameter-sets/credit-ifrs9-default.json';
const NOW = new Date('2025-03-01T08:00:00.000Z');

interface EventRow {
  actor: string;
  action: string;
  subject: string;
  at: string;
  details: string;
}

function seedEvents(temp: { db: TempDatabase['db'] }): EventRow[] {
  return temp.db.prepare(`SELECT actor, action, subject, at, details FROM audit_events WHERE action LIKE '%.seed' ORDER BY seq`).all() as EventRow[];
}

describe('the shipped defaults', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-shipped-');
  });
  afterEach(() => temp.dispose());

  it('seeds the shipped IFRS 9 parameter set from resources/ as version 1, with the documented figures and a seed event by system', () => {
    assert.deepEqual(seedShippedDefaults(temp.db, NOW, SHIPPED_DEFAULTS), [FILE]);
    const [set, ...others] = listParameterSets(temp.db);
    assert.deepEqual(others, []);
    assert.ok(set);
    parameterSetSchema.parse(set);
    const at = NOW.toISOString();
    // The row's every column is the store's (credit-parameter-sets.test.ts); here, what the seed decides.
    assert.deepEqual([set.version, set.note, set.status, set.createdBy, set.createdAt, set.activatedAt], [1, 'Defaults shipped with RiskDesk', 'active', 'system', at, at]);
    assert.deepEqual(set.parameters, DOCUMENTED_DEFAULT_PARAMETERS);
    const [event, ...more] = seedEvents(temp);
    assert.deepEqual(more, []);
    assert.deepEqual({ ...event, details: JSON.parse(event?.details ?? '{}') as unknown }, {
      actor: 'system',
      action: 'credit.parameters.seed',
      subject: 'credit parameters v1',
      at,
      details: { note: 'Defaults shipped with RiskDesk', parameters: DOCUMENTED_DEFAULT_PARAMETERS, file: FILE },
    });
    assert.equal(verifyAuditChain(temp.db).ok, true);
  });

  it('seeds nothing twice, and leaves a kind alone that holds any version already (a workspace migrated before)', () => {
    seedShippedDefaults(temp.db, NOW, SHIPPED_DEFAULTS);
    assert.deepEqual(seedShippedDefaults(temp.db, new Date('2025-04-01T00:00:00.000Z'), SHIPPED_DEFAULTS), []);
    assert.equal(seedEvents(temp).length, 1);

    const older = createTempDatabase('riskdesk-shipped-');
    try {
      // As 0060 once wrote it: version 1 by system, with no audit event.
      older.db
        .prepare(`INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters) VALUES (1, 'as migrated', 'active', 'system', 't', 'system', 't', 'system', 't', '{}')`)
        .run();
      assert.deepEqual(seedShippedDefaults(older.db, NOW, SHIPPED_DEFAULTS), []);
      assert.deepEqual(listParameterSets(older.db).map((s) => [s.version, s.note]), [[1, 'as migrated']]);
      assert.deepEqual(seedEvents(older), []);
    } finally {
      older.dispose();
    }
  });

  it('refuses a missing or invalid shipped file by name, and writes nothing', () => {
    const folder = path.join(tempDir(), 'resources');
    fs.mkdirSync(path.join(folder, 'parameter-sets'), { recursive: true });
    const refused = (fragment: string) => (error: Error & { code?: string }) => {
      assert.equal(error.code, 'FILE_UNREADABLE');
      assert.match(error.message, new RegExp(`${fragment}.*reinstall RiskDesk`));
      return true;
    };
    assert.throws(() => seedShippedDefaults(temp.db, NOW, SHIPPED_DEFAULTS, folder), refused('credit-ifrs9-default\\.json cannot be read'));
    const shipped = JSON.parse(fs.readFileSync(path.join(resourcesFolder(), FILE), 'utf8')) as { parameters: { masterScale: unknown[] } };
    fs.writeFileSync(path.join(folder, FILE), JSON.stringify({ ...shipped, parameters: { ...shipped.parameters, masterScale: shipped.parameters.masterScale.slice(1) } }));
    assert.throws(() => seedShippedDefaults(temp.db, NOW, SHIPPED_DEFAULTS, folder), refused('resources/parameter-sets/credit-ifrs9-default\\.json is not valid \\(parameters\\.masterScale'));
    assert.deepEqual(listParameterSets(temp.db), []);
    assert.deepEqual(seedEvents(temp), []);
  });
});

describe('a workspace and its shipped defaults', () => {
  it('has them from its creation, in the same transaction as its first admin', async () => {
    const file = path.join(tempDir(), 'new.rdw');
    const workspace = await createWorkspace({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    try {
      assert.deepEqual(listParameterSets(workspace.db).map((s) => [s.version, s.status, s.createdAt]), [[1, 'active', FIXED_NOW.toISOString()]]);
      const actions = workspace.db.prepare('SELECT action FROM audit_events ORDER BY seq').pluck().all();
      assert.deepEqual(actions, ['workspace.create', 'user.add', 'credit.parameters.seed', 'cases.sla.seed', 'cases.playbooks.seed', 'fraud.rules.seed', 'liquidity.parameters.seed']);
    } finally {
      workspace.close();
    }
  });

  it('gets them at unlock when it has none of a kind, once', async () => {
    const file = path.join(tempDir(), 'bare.rdw');
    // Created without them, as by a build that shipped no default for the kind.
    (await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW })).close();
    for (const day of ['2025-05-01', '2025-05-02']) {
      const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE, now: () => new Date(`${day}T00:00:00.000Z`) });
      try {
        assert.deepEqual(listParameterSets(workspace.db).map((s) => [s.version, s.createdAt]), [[1, '2025-05-01T00:00:00.000Z']]);
        assert.equal(workspace.db.prepare(`SELECT count(*) FROM audit_events WHERE action = 'credit.parameters.seed'`).pluck().get(), 1);
      } finally {
        workspace.close();
      }
    }
  });
});
