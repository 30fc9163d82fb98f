import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiOutcome, ApiPort } from '../../preload/contract/index.ts';
import { dispatchCall, outcomeJson, validationOutcome } from './api-dispatch.ts';
import { sendPlain } from './security-headers.ts';

/** Far more than any contract call needs (a grid query with 500 set-filter values is ~100 KB). */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Discard the rest rather than reset the connection, so the caller reads the 413 instead of ECONNRESET.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendOutcome(res: ServerResponse, outcome: ApiOutcome<unknown>): void {
  // A malformed request is the caller's fault (400); every other outcome, success or a refusal by the
  // service (LOCKED, FORBIDDEN, …), is a well-formed answer carried in the body.
  const status = !outcome.ok && outcome.error.code === 'VALIDATION' ? 400 : 200;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(outcomeJson(outcome));
}

/** The args of a body `{"args": …}`, or a VALIDATION outcome. */
function argsOf(body: Buffer): { args: unknown } | ApiOutcome<never> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return validationOutcome('the request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).some((key) => key !== 'args')) {
    return validationOutcome('the request body is {"args": …} and nothing else');
  }
  return { args: (parsed as { args?: unknown }).args };
}

/** `POST /api/<method>` with `{"args": …}`: the caller's token is already checked. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, api: Pick<ApiPort, 'call'>, method: string): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') return sendPlain(res, 415, 'unsupported media type\n');
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendPlain(res, 413, 'payload too large\n', { Connection: 'close' });
    return sendPlain(res, 400, 'bad request\n', { Connection: 'close' });
  }
  const request = argsOf(body);
  if ('ok' in request) return sendOutcome(res, request);
  sendOutcome(res, await dispatchCall(api, method, request.args));
}
