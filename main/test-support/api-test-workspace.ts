/**
 * Test support for the API service's tests: a real encrypted workspace in a temp folder (created once per test
 * file: every unlock costs a scrypt), a hand-made portfolio small enough to check by hand, fake timers, and a
 * service whose events are recorded.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiOutcome, EventName, Role } from '../../preload/contract/index.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import type { Db } from '../store/database.ts';
import { UnlockThrottle } from '../store/unlock-throttle.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW } from './temp-workspace.ts';
import { temporaryRootFor } from '../services/session-folder.ts';
import { contextFor } from '../services/context.ts';
import { addUser } from '../services/users-service.ts';
import { createWorkspace } from '../services/workspace-service.ts';
import { createApiService, fixedWorkspaceLocator, type ApiService } from '../services/api/api-service.ts';
import { folderFileAccess } from '../services/api/file-access.ts';
import type { Timers } from '../services/api/idle-timer.ts';

export { ADMIN_PASSPHRASE };

/** The last day of the demo history in test workspaces. */
const DEMO_AS_OF = '2024-12-31';

export const ROLE_USERS: Readonly<Record<Role, { username: string; passphrase: string }>> = {
  admin: { username: 'admin', passphrase: ADMIN_PASSPHRASE },
  analyst: { username: 'ana', passphrase: 'analyst passphrase 1' },
  compliance: { username: 'cole', passphrase: 'compliance passphrase 1' },
  auditor: { username: 'audrey', passphrase: 'auditor passphrase 1' },
};

/** Timers that fire only when told to. */
class FakeTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The delays of the timers now set. */
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

export interface RecordedEvent {
  readonly name: EventName;
  readonly payload: unknown;
}

export interface TestApi {
  readonly api: ApiService;
  readonly events: RecordedEvent[];
  readonly timers: FakeTimers;
  readonly logs: string[];
  /** Calls a method and asserts it succeeded, returning the result. */
  ok<T = unknown>(method: string, args?: unknown): Promise<T>;
  /** Resolves with the job.done payload of a job once it arrives. */
  jobDone(jobId: string): Promise<{ job: { state: string }; result?: unknown; error?: { code: string; message: string } }>;
}

export interface TestWorkspace {
  readonly dir: string;
  readonly file: string;
  /** Where sessions keep their exports and uploads (one folder per session inside). */
  readonly temporaryRoot: string;
  /** A service over this workspace (not yet unlocked); closed by dispose(). */
  service(options?: { now?: () => Date }): TestApi;
  /** Closes every service and removes the folder; call it from the suite's `after`. */
  dispose(): Promise<void>;
}

/** A second compliance user: the other pair of eyes on a compliance user's draft. */
export const SECOND_COMPLIANCE = { username: 'cara', passphrase: 'second compliance passphrase' } as const;

/**
 * Creates the workspace (admin plus, with `roles`, one user of every other role, and with `secondCompliance` also
 * SECOND_COMPLIANCE), runs `seed` on its writer, and closes it.
 */
export async function createTestWorkspace(options: { roles?: boolean; secondCompliance?: boolean; seed?: (db: Db) => void; demo?: boolean } = {}): Promise<TestWorkspace> {
  const services: ApiService[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskdesk-api-'));
  const file = path.join(dir, 'desk.rdw');
  const workspace = await createWorkspace({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  try {
    if (options.roles) {
      const ctx = contextFor(workspace, { now: () => FIXED_NOW });
      for (const role of ['analyst', 'compliance', 'auditor'] as const) await addUser(ctx, { username: ROLE_USERS[role].username, role, passphrase: ROLE_USERS[role].passphrase });
    }
    if (options.secondCompliance) await addUser(contextFor(workspace, { now: () => FIXED_NOW }), { ...SECOND_COMPLIANCE, role: 'compliance' });
    if (options.seed) workspace.db.transaction(() => options.seed?.(workspace.db))();
    // The small demo portfolio (about 3k loans with credit outcomes that depend on borrower attributes): enough
    // for a scorecard to converge, which the hand-made eight loans are not.
    if (options.demo) generateDemo(workspace.db, { scale: 'small', seed: 1, asOf: DEMO_AS_OF });
  } finally {
    workspace.close();
  }
  const temporaryRoot = temporaryRootFor(file);
  const throttle = new UnlockThrottle({ sleep: async () => {} });
  return {
    dir,
    file,
    temporaryRoot,
    async dispose() {
      for (const service of services) await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    service(serviceOptions = {}) {
      const timers = new FakeTimers();
      const logs: string[] = [];
      const api = createApiService({ workspaces: fixedWorkspaceLocator(file), files: folderFileAccess(dir), timers, throttle, log: (line) => logs.push(line), now: serviceOptions.now ?? (() => FIXED_NOW) });
      services.push(api);
      const events: RecordedEvent[] = [];
      const waiting = new Map<string, (payload: never) => void>();
      api.onEvent((name, payload) => {
        events.push({ name, payload });
        if (name === 'job.done') waiting.get((payload as { job: { jobId: string } }).job.jobId)?.(payload as never);
      });
      return {
        api,
        events,
        timers,
        logs,
        async ok<T>(method: string, args: unknown = {}) {
          const outcome = (await api.call(method, args)) as ApiOutcome<T>;
          if (!outcome.ok) assert.fail(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
          return outcome.result;
        },
        jobDone(jobId) {
          const done = events.find((e) => e.name === 'job.done' && (e.payload as { job: { jobId: string } }).job.jobId === jobId);
          if (done) return Promise.resolve(done.payload as never);
          return new Promise((resolve) => waiting.set(jobId, resolve));
        },
      };
    },
  };
}

/**
 * Eight loans of four borrowers, with the awkward cases in them: a loan without a balance, one in USD, a status
 * spelt 'Default', a null DPD, text with quotes, '%' and '_' in it, and performance history over 24+ months.
 * The expected figures in the tests are worked out by hand from this table.
 */
export function seedSmallPortfolio(db: Db): void {
  const borrower = db.prepare('INSERT INTO borrowers (borrower_id, region, annual_income_minor, employment_type, credit_history_months, id_verified) VALUES (?, ?, ?, ?, ?, ?)');
  borrower.run('B1', 'north', 12_000_000, 'employed', 60, 1);
  borrower.run('B2', 'south', 30_000_000, 'business', 120, 1);
  borrower.run('B3', 'east', 8_000_000, null, null, 0);
  borrower.run('B4', 'west', 50_000_000, 'employed', 24, null);
  const loan = db.prepare(
    `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, outstanding_balance_minor, currency, dpd, status, interest_rate, term_months, channel, maturity_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  loan.run('L01', 'B1', 'cash', '2024-01-15', 100_000, 80_000, 'CNY', 0, 'current', 0.1, 12, 'app', '2025-01-15');
  loan.run('L02', 'B1', 'card', '2024-02-20', 50_000, null, 'CNY', 15, 'delinquent', 0.2, 6, '50%_promo, "web"', null);
  loan.run('L03', 'B2', 'cash', '2024-03-05', 200_000, 150_000, 'CNY', 45, 'delinquent', 0.12, 24, "o'neil", '2026-03-05');
  loan.run('L04', 'B2', 'auto', '2023-12-31', 300_000, 250_000, 'CNY', 75, 'delinquent', 0.08, 36, 'web', '2026-12-31');
  loan.run('L05', 'B3', 'card', '2024-06-01', 40_000, 40_000, 'CNY', 120, 'default', 0.25, 12, 'app', '2025-06-01');
  loan.run('L06', 'B3', 'cash', '2024-06-01', 70_000, 0, 'CNY', 0, 'written_off', 0.15, 12, null, '2025-06-01');
  loan.run('L07', 'B4', 'auto', '2024-07-10', 500_000, 450_000, 'USD', 0, 'current', 0.07, 48, 'web', '2028-07-10');
  loan.run('L08', 'B4', 'card', '2024-08-08', 30_000, 30_000, 'CNY', null, 'Default', 0.3, 6, 'APP', '2025-02-08');
  const performance = db.prepare('INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, paid_amount_minor, status) VALUES (?, ?, ?, ?, ?, ?)');
  performance.run('L04', '2022-12', 300_000, 0, null, 'current');
  performance.run('L04', '2023-01', 300_000, 0, 0, 'current');
  performance.run('L01', '2024-10', 90_000, 0, 10_000, 'current');
  performance.run('L03', '2024-10', 160_000, 40, 0, 'delinquent');
  performance.run('L05', '2024-10', 40_000, 95, 0, 'default');
  performance.run('L01', '2024-11', 85_000, 0, 5_000, 'current');
  performance.run('L03', '2024-11', 150_000, 10, 10_000, 'delinquent');
  performance.run('L05', '2024-11', 40_000, 125, 0, 'default');
  performance.run('L04', '2024-11', 250_000, 65, 0, 'delinquent');
  performance.run('L01', '2024-12', 80_000, 0, 5_000, 'current');
}
