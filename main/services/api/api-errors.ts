import type { z } from 'zod';
import { isRiskDeskError, type ApiError, type RiskDeskError } from '../../../preload/contract/index.ts';
import { validationFailure } from '../validation-failure.ts';

export function zodFailure(what: string, error: z.ZodError): RiskDeskError {
  return validationFailure(what, error.issues);
}

export const INTERNAL_MESSAGE = 'RiskDesk hit an unexpected problem and did not finish this request; the details are in its log.';

/**
 * Log text with secrets taken out: the passphrases of the call being answered, and anything shaped like a raw
 * SQLCipher key (which never reaches an error message today; this keeps it that way in the log).
 */
export function scrubbed(text: string, secrets: readonly string[]): string {
  let out = text.replace(/x'[0-9a-f]{64}'/gi, "x'…'");
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('[redacted]');
  return out;
}

/** String values under any key naming a passphrase, at any depth of a call's arguments. */
export function secretsIn(value: unknown, depth = 0): string[] {
  if (depth > 4 || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (/passphrase/i.test(key) && typeof inner === 'string' ? [inner] : secretsIn(inner, depth + 1)));
}

/** Any thrown value as the error an API outcome carries. Unknown errors are logged (scrubbed) and answered generically. */
export function toApiError(error: unknown, context: { method: string; secrets: readonly string[]; log: (line: string) => void }): ApiError {
  if (isRiskDeskError(error)) return withDetails({ code: error.code, message: error.message }, error.details);
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  context.log(`RiskDesk: ${context.method} failed unexpectedly: ${scrubbed(text, context.secrets)}`);
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}

/** Details go over the wire only if they survive JSON as they are. */
function withDetails(error: ApiError, details: unknown): ApiError {
  if (details === undefined) return error;
  try {
    return { ...error, details: JSON.parse(JSON.stringify(details)) as unknown };
  } catch {
    return error;
  }
}
