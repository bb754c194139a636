// Plain HTTP GETs for smoke checks (is the frontend answering through the ingress?).
import { AbortedError, ToolError } from '../core/errors.js';
import type { Http, HttpResponse } from './types.js';

export class FetchHttp implements Http {
  constructor(private readonly fetchFn: typeof fetch = fetch) {}

  async get(url: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse> {
    if (options.signal.aborted) throw new AbortedError();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      const res = await this.fetchFn(url, { signal: AbortSignal.any([options.signal, timeout]), redirect: 'follow' });
      return { status: res.status, body: await res.text() };
    } catch (err) {
      if (options.signal.aborted) throw new AbortedError();
      if (timeout.aborted) {
        throw new ToolError(`GET ${url} timed out after ${options.timeoutMs}ms`, 'is the address reachable from this machine?');
      }
      throw new ToolError(`GET ${url} failed: ${reasonOf(err)}`, 'is the address reachable from this machine?');
    }
  }
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function reasonOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}
