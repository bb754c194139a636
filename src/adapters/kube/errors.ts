// Kubernetes API failures → ToolError with a hint; transient ones are retried first.
import { ApiException } from '@kubernetes/client-node';
import { AbortedError, ToolError, UserError } from '../../core/errors.js';
import { parseRetryAfter, retryTransient, type RetryPolicy } from '../../core/retry.js';
import { redact } from '../redact.js';
import { apiRefusalCause } from '../../diagnosis/index.js';

const CREDENTIALS_HINT = 'check your credentials: run `az aks get-credentials -g <resource-group> -n <cluster> --overwrite-existing`';
const PERMISSION_HINT =
  'this is a permission (RBAC), not an expired login: ask the cluster admin for access to this resource (`kubectl auth can-i --list` shows yours)';
const REACH_HINT = 'is the cluster reachable? check --context and `kubectl cluster-info`';
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);

export type { RetryPolicy } from '../../core/retry.js';

/** API calls: a few quick attempts; a 20 % fault rate then fails a call about once in 15,000. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 };

/** HTTP status of an API error (ApiException.code, or Watch's statusCode), if any. */
export function statusOf(err: unknown): number | undefined {
  if (err instanceof ApiException) return err.code;
  const s = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** 404 for the object itself, not for discovery of its kind (which means the cluster lacks the API). */
export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404 && !/Failed to fetch resource metadata/.test((err as Error).message);
}

export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return TRANSIENT_STATUS.has(status);
  const code = networkCode(err);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** The server's Retry-After (sent with 429 and some 503s), ms. */
export function retryAfterOf(err: unknown): number | undefined {
  const headers = (err as { headers?: unknown } | undefined)?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as Record<string, unknown>;
  const value = h['retry-after'] ?? h['Retry-After'];
  return parseRetryAfter(typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined);
}

/** Runs `fn`, retrying transient failures with capped, jittered exponential backoff (abortable). */
export function withRetry<T>(fn: () => Promise<T>, signal: AbortSignal, policy: Partial<RetryPolicy> = DEFAULT_RETRY): Promise<T> {
  return retryTransient(fn, { signal, policy: { ...DEFAULT_RETRY, ...policy }, isTransient, retryAfterMs: retryAfterOf });
}

/** Maps any failure of a Kubernetes call to AbortedError, UserError or ToolError. `what`: "apply Deployment ns/x". */
export function kubeError(err: unknown, what: string, server: string, signal?: AbortSignal): Error {
  if (err instanceof AbortedError || err instanceof ToolError || err instanceof UserError) return err;
  if (signal?.aborted || (err as Error | undefined)?.name === 'AbortError') return new AbortedError(`${what} interrupted`);

  const status = statusOf(err);
  if (status !== undefined) {
    const message = apiMessage(err);
    // client-node's discovery of the kind failed: a 404 means the API is not served; a 429/5xx there is
    // as transient as anywhere else (mapped below, and retried).
    if (/Failed to fetch resource metadata/.test((err as Error).message) && !TRANSIENT_STATUS.has(status)) {
      return new ToolError(`${what}: the cluster does not serve this API (HTTP ${status})`, 'check the apiVersion/kind and the cluster version');
    }
    if (status === 401) return new ToolError(`${what}: unauthorized (HTTP 401)`, CREDENTIALS_HINT);
    // The Status message names the cause: RBAC's verb and resource, the admission webhook that refused.
    const cause = message ? apiRefusalCause(message) : undefined;
    if (status === 403) return new ToolError(`${what}: forbidden (HTTP 403)${message ? `: ${message}` : ''}`, cause?.hint ?? PERMISSION_HINT);
    if (status === 422 || status === 400)
      return new ToolError(
        `${what} was rejected: ${message || `HTTP ${status}`}`,
        cause?.hint ?? 'the object is invalid; this is a bug in lifesub or in your --config overrides',
      );
    if (TRANSIENT_STATUS.has(status)) {
      const e = new ToolError(
        `${what} failed (HTTP ${status})${message ? `: ${message}` : ''}`,
        cause?.hint ?? 'the API server is overloaded or failing; retry in a moment',
      );
      e.transient = true;
      return e;
    }
    return new ToolError(`${what} failed (HTTP ${status})${message ? `: ${message}` : ''}`);
  }
  const code = networkCode(err);
  if (code && NETWORK_CODES.has(code)) {
    const e = new ToolError(`${what}: cannot reach the API server ${server} (${code})`, REACH_HINT);
    e.transient = TRANSIENT_CODES.has(code);
    return e;
  }
  if (/Unrecognized API version and kind/.test((err as Error | undefined)?.message ?? '')) {
    return new ToolError(`${what}: the cluster does not know this kind`, 'check the apiVersion/kind and the cluster version');
  }
  const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  return new ToolError(`${what} failed: ${redact(message.slice(0, 300))}`, REACH_HINT);
}

/** The Status message of an ApiException. In client-node 1.4.0 `.body` is the raw JSON string. */
function apiMessage(err: unknown): string {
  const body = (err as { body?: unknown }).body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return redact(body.slice(0, 300));
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? redact(message) : '';
}

function networkCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; errno?: unknown; cause?: { code?: unknown } } | undefined;
  for (const c of [e?.code, e?.errno, e?.cause?.code]) if (typeof c === 'string') return c;
  return undefined;
}
