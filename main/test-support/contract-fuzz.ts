/**
 * The contract fuzzer that the fuzzed-call tests (browser host, IPC bridge) and tests/soak/fuzz-contract.ts share:
 * generated arguments for every method (hostile JSON, and near-valid or valid-ish values from the method's zod
 * schema), a session kept locked or unlocked as one role between calls, and the property every answer must have:
 * ok, or an error with a contract code other than INTERNAL, within a time limit, without a throw. Jobs a call
 * starts are cancelled at once, so that no run fills the disk or outlives its phase.
 */
import fc from 'fast-check';
import { API_ERROR_CODES, contract, METHOD_NAMES, type ApiOutcome, type MethodName, type Role } from '../../preload/contract/index.ts';
import type { ApiService } from '../services/api/api-service.ts';
import { ROLE_USERS, type TestApi } from './api-test-workspace.ts';
import { hostileValue, nearValid, protoKeyed, validIsh } from './zod-arbitrary.ts';

/** One way to send a call: over the browser host's WebSocket or HTTP, or through the IPC bridge's handler. */
export type Transport = (method: MethodName, args: unknown) => Promise<ApiOutcome<unknown>>;

/** Locked, or unlocked as one role: each phase of a fuzz run. */
export type Phase = Role | 'locked';
export const PHASES: readonly Phase[] = ['locked', 'admin', 'analyst', 'compliance', 'auditor'];

/**
 * JSON text sent as it is: nesting too deep to build as a value and print (fast-check's report would overflow the
 * stack). Through IPC it is sent parsed.
 */
export class RawJson {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  [fc.toStringMethod](): string {
    return `RawJson(${this.text.length > 60 ? `${this.text.slice(0, 30)}…${this.text.slice(-30)}` : this.text})`;
  }
}

/**
 * JSON text for `value` as a hostile client could write it: -0 as `-0`, ±Infinity as ±1e309 (which JSON.parse reads
 * back as ±Infinity), NaN as null (JSON has no way to write it), own `__proto__` keys kept.
 */
export function wireJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (value === Number.POSITIVE_INFINITY) return '1e309';
    if (value === Number.NEGATIVE_INFINITY) return '-1e309';
    return Number.isNaN(value) ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : wireJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${fields.map(([key, item]) => `${JSON.stringify(key)}:${wireJson(item)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Arrays and objects nested 1,000 and 100,000 deep (the biggest within the host's 1 MiB message limit). */
const DEEP = [1_000, 100_000].flatMap((depth) => [new RawJson('['.repeat(depth) + ']'.repeat(depth)), new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))]);

/** Whole-argument values: anything JSON can carry, deep or big, with the keys and numbers that break careless code. */
function hostileArgs(): fc.Arbitrary<unknown> {
  return fc.oneof(hostileValue(), fc.jsonValue({ maxDepth: 6 }), protoKeyed(), fc.constantFrom(...DEEP), fc.constant(undefined));
}

/** Arguments for `method` that a JSON transport can carry: hostile, near-valid (one thing broken) and valid-ish. */
export function wireArgs(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].args;
  return fc.oneof({ arbitrary: hostileArgs(), weight: 2 }, { arbitrary: nearValid(schema), weight: 3 }, { arbitrary: validIsh(schema), weight: 2 });
}

/** IPC carries structured clones: besides what JSON carries, NaN, BigInt, dates, maps, sets, typed arrays, sparse arrays. */
export function ipcArgs(method: MethodName): fc.Arbitrary<unknown> {
  const cloneOnly = fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true });
  return fc.oneof({ arbitrary: wireArgs(method), weight: 3 }, { arbitrary: cloneOnly, weight: 1 });
}

/**
 * Calls that cost a scrypt each (unlocks, passphrases), or lock the session (which costs one to unlock again), or
 * start the engine workers: fewer runs of them keep a fast run fast.
 */
const COSTLY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['session.unlock', 'session.lock', 'users.add', 'users.changePassphrase', 'workspace.restore', 'dashboard.summary']);

/** Calls after which the session may no longer be the phase's (locked, or the acting user changed or removed). */
const SESSION_CHANGING: ReadonlySet<MethodName> = new Set<MethodName>(['session.unlock', 'session.lock', 'workspace.restore', 'users.remove', 'users.changePassphrase']);

/** Outcome codes per method ('ok' for a success), and the time the calls took, across a run. */
export class FuzzTally {
  readonly counts = new Map<string, Map<string, number>>();
  readonly milliseconds = new Map<string, number>();

  record(method: string, code: string, ms: number): void {
    const perMethod = this.counts.get(method) ?? new Map<string, number>();
    perMethod.set(code, (perMethod.get(code) ?? 0) + 1);
    this.counts.set(method, perMethod);
    this.milliseconds.set(method, (this.milliseconds.get(method) ?? 0) + ms);
  }

  total(): number {
    let sum = 0;
    for (const perMethod of this.counts.values()) for (const count of perMethod.values()) sum += count;
    return sum;
  }
}

/** Keeps `api`'s session in a phase's state between fuzzed calls (which may lock it, or try to unlock as another). */
export class PhaseKeeper {
  readonly #api: ApiService;
  readonly #phase: Phase;
  #checked = false;

  constructor(api: ApiService, phase: Phase) {
    this.#api = api;
    this.#phase = phase;
  }

  /** After `method` answered `code`: whether the session may have left the phase's state. */
  after(method: MethodName, code: string): void {
    if (SESSION_CHANGING.has(method) || (code === 'LOCKED' && this.#phase !== 'locked')) this.#checked = false;
  }

  async ensure(): Promise<void> {
    if (this.#checked) return;
    const status = await this.#api.call('session.status', {});
    if (!status.ok) throw new Error(`session.status failed: ${status.error.code} ${status.error.message}`);
    const { state, user } = status.result as { state: string; user: { username: string } | null };
    if (this.#phase === 'locked') {
      if (state !== 'locked') await this.#api.call('session.lock', {});
    } else {
      const wanted = ROLE_USERS[this.#phase];
      if (state !== 'unlocked' || user?.username !== wanted.username) {
        const unlocked = await this.#api.call('session.unlock', { username: wanted.username, passphrase: wanted.passphrase });
        if (!unlocked.ok) throw new Error(`unlocking as ${wanted.username} failed: ${unlocked.error.code} ${unlocked.error.message}`);
      }
    }
    this.#checked = true;
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

/** The lines of a service's log that say something broke: a call's unexpected throw, a result or event off the contract. */
export function unexpectedFailureLogs(logs: readonly string[]): string[] {
  return logs.filter((line) => /failed unexpectedly|does not match the contract/.test(line));
}

/** The job.done events among `events` whose job failed as INTERNAL: a fuzzed job that broke after it started. */
export function internalJobFailures(events: readonly { name: string; payload: unknown }[]): unknown[] {
  return events.filter((event) => event.name === 'job.done' && (event.payload as { error?: { code?: string } }).error?.code === 'INTERNAL').map((event) => event.payload);
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface FuzzMethodOptions {
  readonly method: MethodName;
  readonly transport: Transport;
  readonly args: fc.Arbitrary<unknown>;
  readonly api: ApiService;
  readonly keeper: PhaseKeeper;
  readonly numRuns: number;
  readonly seed: number;
  readonly tally: FuzzTally;
  /** What to show with a failure (the service's log, where unexpected errors are written). */
  readonly diagnose: () => string;
  readonly timeoutMs?: number;
}

/**
 * Sends `numRuns` generated arguments to one method and asserts each answer (fast-check reports the first
 * counterexample, with its seed and path to replay it). A job that a call starts is cancelled at once.
 */
async function fuzzMethod(options: FuzzMethodOptions): Promise<void> {
  const { method, transport, api, keeper, tally } = options;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const property = fc.asyncProperty(options.args, async (args) => {
    await keeper.ensure();
    const started = performance.now();
    const outcome = await withTimeout(transport(method, args), timeoutMs, method);
    const code = outcome.ok ? 'ok' : outcome.error.code;
    tally.record(method, code, performance.now() - started);
    keeper.after(method, code);
    const jobId = outcome.ok ? (outcome.result as { jobId?: unknown } | null)?.jobId : undefined;
    if (typeof jobId === 'string') await api.call('jobs.cancel', { jobId });
    if (!outcome.ok && (code === 'INTERNAL' || !KNOWN_CODES.has(code))) {
      throw new Error(`${method} answered ${code}: ${outcome.ok ? '' : outcome.error.message}\n${options.diagnose()}`);
    }
  });
  await fc.assert(property, { numRuns: options.numRuns, seed: options.seed, endOnFailure: true, includeErrorInReport: true });
}

export interface FuzzPhaseOptions {
  /** The service called (its api) and what a failure shows of it (the last lines of its log). */
  readonly service: Pick<TestApi, 'api' | 'logs'>;
  readonly phase: Phase;
  readonly transport: Transport;
  /** The generator of a method's arguments: wireArgs for JSON transports, ipcArgs for the IPC bridge. */
  readonly args: (method: MethodName) => fc.Arbitrary<unknown>;
  /** Generated calls per method, and per costly method (a scrypt, a relock or the engine workers each). */
  readonly runs: number;
  readonly costlyRuns: number;
  /** The first method's seed; each method after it takes the next one, so a failure replays on its own. */
  readonly seed: number;
  /** Where the outcomes are counted: a new tally unless a run adds several phases up in one. */
  readonly tally?: FuzzTally;
}

/**
 * One phase of a fuzz run: every contract method in turn, with the session kept locked or unlocked as the
 * phase's role between calls. Throws fast-check's report at the first answer that breaks the property; else
 * answers the tally of outcomes.
 */
export async function fuzzEveryMethod(options: FuzzPhaseOptions): Promise<FuzzTally> {
  const { service } = options;
  const tally = options.tally ?? new FuzzTally();
  const keeper = new PhaseKeeper(service.api, options.phase);
  for (const [index, method] of METHOD_NAMES.entries()) {
    await fuzzMethod({
      method,
      transport: options.transport,
      args: options.args(method),
      api: service.api,
      keeper,
      numRuns: COSTLY_METHODS.has(method) ? options.costlyRuns : options.runs,
      seed: options.seed + index,
      tally,
      diagnose: () => service.logs.slice(-3).join('\n'),
    });
  }
  return tally;
}
