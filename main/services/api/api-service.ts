import path from 'node:path';
import { contract, type ApiPort, type MethodName, type MethodSpec } from '../../../preload/contract/index.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { ARTEFACT_KINDS } from '../../../preload/contract/lifecycle.ts';
import { requirePermission } from '../permissions.ts';
import { adminHandlers } from './admin-handlers.ts';
import { alertHandlers } from './alert-handlers.ts';
import { caseHandlers } from './case-handlers.ts';
import { ApiCore, type ApiServiceOptions, type WorkspaceLocator } from './api-core.ts';
import { INTERNAL_MESSAGE, secretsIn, toApiError, zodFailure } from './api-errors.ts';
import { creditHandlers } from './credit-handlers.ts';
import { evidenceHandlers } from './evidence-handlers.ts';
import { fileHandlers } from './file-handlers.ts';
import { fraudHandlers } from './fraud-handlers.ts';
import { fraudRuleHandlers } from './fraud-rules-handlers.ts';
import { fraudViewHandlers } from './fraud-views-handlers.ts';
import type { Handler, HandlerTable } from './handler.ts';
import { jobHandlers } from './job-handlers.ts';
import { liquidityHandlers } from './liquidity-handlers.ts';
import { liquidityParamsHandlers } from './liquidity-params-handlers.ts';
import { portfolioHandlers } from './portfolio-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { sessionHandlers } from './session-handlers.ts';

export type { ApiServiceOptions, WorkspaceLocator } from './api-core.ts';

/** The contract's port, implemented: what the Electron IPC handlers and the browser host call. */
export interface ApiService extends ApiPort {
  /** Locks the session (jobs cancelled, key dropped) and stops the workers this service started. */
  close(): Promise<void>;
}

/** Every contract method has exactly one handler: the type fails to check if one is missing. */
const HANDLERS: HandlerTable<MethodName> = {
  ...sessionHandlers,
  ...portfolioHandlers,
  ...jobHandlers,
  ...fileHandlers,
  ...adminHandlers,
  ...creditHandlers,
  ...alertHandlers,
  ...caseHandlers,
  ...fraudHandlers,
  ...fraudRuleHandlers,
  ...fraudViewHandlers,
  ...liquidityHandlers,
  ...liquidityParamsHandlers,
  ...evidenceHandlers,
  ...reportHandlers,
};

/** Status polls do not count as activity, or an open window would never lock. */
const NOT_ACTIVITY: ReadonlySet<string> = new Set<MethodName>(['session.status']);

/**
 * The lifecycle steps of every kind check the caller's role in the lifecycle service instead (takeLifecycleStep, the
 * same permission as the contract's: lifecycle-service.test.ts), which records a refused step in the audit trail.
 */
const ROLE_CHECKED_BY_LIFECYCLE: ReadonlySet<string> = new Set(Object.values(ARTEFACT_KINDS).flatMap((kind) => Object.values(kind.methods)));

function isMethod(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export function createApiService(options: ApiServiceOptions): ApiService {
  const core = new ApiCore(options);

  async function run(method: MethodName, rawArgs: unknown): Promise<unknown> {
    const spec: MethodSpec = contract[method];
    // No-argument methods may be called with nothing at all (IPC's invoke(channel) sends undefined).
    const parsed = spec.args.safeParse(rawArgs === undefined ? {} : rawArgs);
    if (!parsed.success) throw zodFailure(`arguments for ${method}`, parsed.error);
    if (spec.permission !== 'public') {
      const session = core.requireSession();
      if (!ROLE_CHECKED_BY_LIFECYCLE.has(method)) requirePermission(session.user, spec.permission);
    }
    if (!NOT_ACTIVITY.has(method)) core.touch();
    const handler = HANDLERS[method] as Handler<MethodName>;
    const result: unknown = await handler(core, parsed.data as never);
    const checked = spec.result.safeParse(result);
    if (!checked.success) {
      core.log(`RiskDesk: the result of ${method} does not match the contract at ${checked.error.issues.map((i) => i.path.join('.') || '(result)').join(', ')}`);
      throw new RiskDeskError('INTERNAL', INTERNAL_MESSAGE);
    }
    return checked.data;
  }

  return {
    async call(method, rawArgs) {
      try {
        if (typeof method !== 'string' || !isMethod(method)) {
          const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : 'a non-string method';
          return { ok: false, error: { code: 'VALIDATION', message: `Unknown method ${shown}; RiskDesk has no such call.` } };
        }
        return { ok: true, result: await run(method, rawArgs) };
      } catch (error) {
        return { ok: false, error: toApiError(error, { method: String(method), secrets: secretsIn(rawArgs), log: core.log }) };
      }
    },
    onEvent: (listener) => core.onEvent(listener),
    close: () => core.close(),
  };
}

/**
 * The browser host's locator: it serves one workspace and unlocks nothing else (a request naming another
 * path is refused before any file is touched).
 */
export function fixedWorkspaceLocator(file: string, options: { demo?: boolean } = {}): WorkspaceLocator {
  const served = path.resolve(file);
  let lastOpenedAt: string | null = null;
  return {
    resolve(requested) {
      if (requested !== undefined && path.resolve(requested) !== served) {
        throw new RiskDeskError('INVALID_ARGUMENT', `This RiskDesk serves only ${served}; it cannot open ${requested}.`);
      }
      return served;
    },
    recent: () => [{ path: served, name: path.basename(served, path.extname(served)), lastOpenedAt, demo: options.demo ?? false }],
    remember(opened) {
      if (path.resolve(opened) === served) lastOpenedAt = new Date().toISOString();
    },
    isDemo: (candidate) => path.resolve(candidate) === served && (options.demo ?? false),
  };
}
