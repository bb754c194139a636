// Waiting for one object to reach a state: read it, then watch its collection filtered to its name
// from the read's resourceVersion; when the watch ends (server timeout, dropped connection, 410 Gone)
// read again and watch again. A watch does not reconnect by itself in client-node.
import { AbortedError, ToolError } from '../../core/errors.js';
import { formatDuration } from '../exec/describe.js';
import type { KubeObject, ObjectRef, WaitOptions } from '../types.js';
import type { WatchHandle } from './api.js';
import { sleep } from '../../core/sleep.js';
import { isTransient, statusOf } from './errors.js';

export interface WaitDeps {
  /** Reads the object (undefined when absent); errors are raw client errors. */
  read(ref: ObjectRef, signal: AbortSignal): Promise<KubeObject | undefined>;
  collectionPath(ref: ObjectRef): Promise<string>;
  /** A fresh watch per request (see newWatch). */
  newWatch(): WatchHandle;
  /** Server-side watch timeout, so a silently stalled watch is renewed. */
  watchTimeoutSeconds?: number;
}

type Check<T> = (obj: KubeObject | undefined) => T | undefined;
type WatchEnd<T> = { found: true; value: T } | { found: false; error?: unknown };

const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 5_000;

export async function waitForObject<T>(deps: WaitDeps, ref: ObjectRef, check: Check<T>, options: WaitOptions): Promise<T> {
  if (options.signal.aborted) throw new AbortedError();
  const inner = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    inner.abort();
  }, options.timeoutMs);
  const onAbort = () => inner.abort();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    // Race the loop against the signal so that a request that ignores its signal cannot hold us up.
    return await Promise.race([loop(deps, ref, check, inner.signal), rejectWhenAborted(inner.signal)]);
  } catch (err) {
    if (options.signal.aborted) throw new AbortedError(`waiting for ${options.describe} interrupted`);
    if (timedOut) throw new ToolError(`timed out after ${formatDuration(options.timeoutMs)} waiting for ${options.describe}`, options.hint);
    throw err;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
    inner.abort(); // ends any watch still open
  }
}

async function loop<T>(deps: WaitDeps, ref: ObjectRef, check: Check<T>, signal: AbortSignal): Promise<T> {
  let backoff = MIN_BACKOFF_MS;
  let path: string | undefined;
  // The collection path needs discovery of the kind, itself an API call that may meet a 429/5xx.
  while (path === undefined) {
    try {
      path = await deps.collectionPath(ref);
    } catch (err) {
      if (signal.aborted || !isTransient(err)) throw err;
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
  backoff = MIN_BACKOFF_MS;
  for (;;) {
    let current: KubeObject | undefined;
    try {
      current = await deps.read(ref, signal);
    } catch (err) {
      if (signal.aborted || !isTransient(err)) throw err;
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      continue;
    }
    const value = check(current);
    if (value !== undefined) return value;

    const started = Date.now();
    const end = await watchOnce(deps, path, ref.name, current?.metadata.resourceVersion, check, signal);
    if (end.found) return end.value;
    const status = statusOf(end.error);
    if (status === 401 || status === 403) throw end.error;
    // A watch that ends at once (unsupported, refused, 410) must not turn into a hot loop.
    if (Date.now() - started < 1_000) {
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    } else {
      backoff = MIN_BACKOFF_MS;
    }
  }
}

function watchOnce<T>(
  deps: WaitDeps,
  path: string,
  name: string,
  resourceVersion: string | undefined,
  check: Check<T>,
  signal: AbortSignal,
): Promise<WatchEnd<T>> {
  return new Promise<WatchEnd<T>>((resolve, reject) => {
    const handle = deps.newWatch();
    let controller: AbortController | undefined;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      controller?.abort();
      handle.destroy();
      fn();
    };
    const onAbort = () => settle(() => resolve({ found: false }));
    signal.addEventListener('abort', onAbort, { once: true });

    const query: Record<string, string | number> = { fieldSelector: `metadata.name=${name}` };
    if (resourceVersion) query.resourceVersion = resourceVersion;
    if (deps.watchTimeoutSeconds) query.timeoutSeconds = deps.watchTimeoutSeconds;

    const onEvent = (type: string, obj: unknown) => {
      if (settled || type === 'BOOKMARK') return;
      // ERROR carries a Status (e.g. 410 Gone: resourceVersion too old): end and read again.
      if (type === 'ERROR') return settle(() => resolve({ found: false, error: obj }));
      const o = obj as KubeObject | undefined;
      if (o?.metadata?.name !== undefined && o.metadata.name !== name) return; // server ignored the selector
      try {
        const value = check(type === 'DELETED' ? undefined : o);
        if (value !== undefined) settle(() => resolve({ found: true, value }));
      } catch (err) {
        settle(() => reject(err));
      }
    };
    const onDone = (err: unknown) => settle(() => resolve({ found: false, error: err ?? undefined }));

    handle.watch.watch(path, query, onEvent, onDone).then(
      (c) => {
        controller = c;
        if (settled) c.abort(); // we finished while the request was being made
      },
      (err: unknown) => settle(() => resolve({ found: false, error: err })),
    );
  });
}

function rejectWhenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(new AbortedError());
    signal.addEventListener('abort', () => reject(new AbortedError()), { once: true });
  });
}
