// The Kubernetes API through @kubernetes/client-node 1.4.0: server-side apply, reads, deletes and
// list+watch waits, every call abortable and every failure a ToolError/UserError with a hint.
import { PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { AbortedError, ToolError } from '../core/errors.js';
import { makeApis, newWatch, withSignal, type KubeApis } from './kube/api.js';
import { loadKubeConfig, withBearerToken, type KubeTarget, type LoadedKubeConfig } from './kube/config.js';
import { runExecPlugin } from './kube/exec-plugin.js';
import { DEFAULT_RETRY, isNotFound, kubeError, statusOf, withRetry, type RetryPolicy } from './kube/errors.js';
import { waitForObject } from './kube/wait.js';
import type { CommandRunner, Kube, KubeObject, LineSink, ListOptions, ObjectRef, WaitOptions } from './types.js';

export interface KubeClientOptions extends KubeTarget {
  retry?: Partial<RetryPolicy>;
  /** Server-side timeout of each watch request (renewed when it ends). Default 60 s. */
  watchTimeoutSeconds?: number;
  /** Limit for one API call, retries included: a server that accepts but never answers must not hang a run. Default 30 s. */
  requestTimeoutMs?: number;
  /** Runs a kubeconfig exec credential plugin (authenticate); without it client-node runs the plugin itself. */
  runner?: CommandRunner;
  /** Where an exec plugin's prompts (stderr lines, e.g. a device code) go: straight to the student. */
  onPrompt?: LineSink;
}

const FIELD_MANAGER = 'lifesub';

interface Connected extends LoadedKubeConfig {
  apis: KubeApis;
}

export class KubeClient implements Kube {
  private connected?: Connected;
  private readonly retry: RetryPolicy;
  /** The exec plugin's token, once authenticate() ran it (the plugin's output, kept in memory only). */
  private pluginToken?: string;

  constructor(private readonly opts: KubeClientOptions = {}) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
  }

  async ping(signal: AbortSignal): Promise<{ server: string; context: string; version: string }> {
    const c = this.connect();
    const info = await this.call('reach the Kubernetes API', signal, () => c.apis.version.getCode());
    return { server: c.server, context: c.context, version: info.gitVersion };
  }

  async apply(obj: KubeObject, signal: AbortSignal): Promise<KubeObject> {
    const { objects } = this.connect().apis;
    // client-node mutates the spec it is given (default namespace, apiVersion): hand it a copy.
    const applied = await this.call(`apply ${describe(obj)}`, signal, () =>
      objects.patch(copyForWrite(obj), undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply),
    );
    return applied as unknown as KubeObject;
  }

  async create(obj: KubeObject, signal: AbortSignal): Promise<KubeObject | undefined> {
    const { objects } = this.connect().apis;
    try {
      // Retried like the rest: a create that landed before a dropped response comes back as 409 = exists.
      const created = await this.call(`create ${describe(obj)}`, signal, () => objects.create(copyForWrite(obj), undefined, undefined, FIELD_MANAGER), true);
      return created as unknown as KubeObject;
    } catch (err) {
      if (statusOf(err) === 409) return undefined;
      throw this.mapped(err, `create ${describe(obj)}`, signal);
    }
  }

  async replace(obj: KubeObject, signal: AbortSignal): Promise<KubeObject | undefined> {
    const { objects } = this.connect().apis;
    if (!obj.metadata.resourceVersion) throw new Error(`internal: replace ${describe(obj)} without resourceVersion`);
    const { managedFields: _m, ...metadata } = structuredClone(obj.metadata);
    const body = { ...structuredClone(obj), metadata } as KubernetesObject;
    try {
      // A retried PUT whose first try landed comes back 409 (the version moved on): the caller re-reads.
      const stored = await this.call(`replace ${describe(obj)}`, signal, () => objects.replace(body, undefined, undefined, FIELD_MANAGER), true);
      return stored as unknown as KubeObject;
    } catch (err) {
      if (statusOf(err) === 409 || isNotFound(err)) return undefined;
      throw this.mapped(err, `replace ${describe(obj)}`, signal);
    }
  }

  async get(ref: ObjectRef, signal: AbortSignal): Promise<KubeObject | undefined> {
    try {
      return await this.call(`read ${describe(ref)}`, signal, () => this.rawRead(ref), true);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw this.mapped(err, `read ${describe(ref)}`, signal);
    }
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined, options: ListOptions, signal: AbortSignal): Promise<KubeObject[]> {
    const { objects } = this.connect().apis;
    const what = `list ${kind}${namespace ? ` in ${namespace}` : ''}`;
    const result = await this.call(what, signal, () =>
      objects.list(apiVersion, kind, namespace, undefined, undefined, undefined, options.fieldSelector, options.labelSelector),
    );
    // Items of a list response carry no apiVersion/kind.
    return (result.items as KubeObject[]).map((item) => ({ ...item, apiVersion: item.apiVersion ?? apiVersion, kind: item.kind ?? kind }));
  }

  async delete(ref: ObjectRef, signal: AbortSignal): Promise<boolean> {
    const { objects } = this.connect().apis;
    const spec = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } };
    try {
      await this.call(`delete ${describe(ref)}`, signal, () => objects.delete(spec, undefined, undefined, undefined, undefined, 'Background'), true);
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw this.mapped(err, `delete ${describe(ref)}`, signal);
    }
  }

  async waitFor<T>(ref: ObjectRef, check: (obj: KubeObject | undefined) => T | undefined, options: WaitOptions): Promise<T> {
    const c = this.connect();
    const deps = {
      read: (r: ObjectRef, signal: AbortSignal) =>
        withSignal(signal, async () => {
          try {
            return await withRetry(() => this.rawRead(r), signal, this.retry);
          } catch (err) {
            if (isNotFound(err)) return undefined;
            throw err;
          }
        }),
      collectionPath: (r: ObjectRef) => withSignal(options.signal, () => c.apis.objects.collectionPath(r.apiVersion, r.kind, r.namespace)),
      newWatch: () => newWatch(c.kc),
      watchTimeoutSeconds: this.opts.watchTimeoutSeconds ?? 60,
    };
    try {
      return await waitForObject(deps, ref, check, options);
    } catch (err) {
      throw this.mapped(err, `wait for ${options.describe}`, options.signal);
    }
  }

  async podLogs(namespace: string, pod: string, container: string | undefined, tailLines: number, signal: AbortSignal): Promise<string> {
    const { core } = this.connect().apis;
    try {
      return await this.call(
        `read logs of pod ${namespace}/${pod}`,
        signal,
        () => core.readNamespacedPodLog({ name: pod, namespace, container, tailLines }),
        true,
      );
    } catch (err) {
      // 404: no such pod; 400: container not started yet. Either way there is no log to show.
      if (statusOf(err) === 404 || statusOf(err) === 400) return '';
      throw this.mapped(err, `read logs of pod ${namespace}/${pod}`, signal);
    }
  }

  /**
   * Runs the kubeconfig's exec credential plugin once (later calls share the first sign-in), so its
   * prompts reach the student. Resolves to the plugin's name, or undefined without a plugin; throws
   * the plugin's failure as a ToolError. A failed sign-in is not cached: the next call tries again.
   */
  authenticate(options: { signal: AbortSignal; timeoutMs: number }): Promise<string | undefined> {
    this.signIn ??= this.runPlugin(options).catch((err: unknown) => {
      this.signIn = undefined;
      throw err;
    });
    return this.signIn;
  }

  private signIn?: Promise<string | undefined>;

  private async runPlugin(options: { signal: AbortSignal; timeoutMs: number }): Promise<string | undefined> {
    const loaded = loadKubeConfig(this.opts);
    const plugin = loaded.execPlugin;
    if (!plugin || !this.opts.runner) return undefined;
    const token = await runExecPlugin(this.opts.runner, plugin, { ...options, onPrompt: this.opts.onPrompt ?? (() => {}) });
    this.pluginToken = token;
    this.connected = undefined; // reconnect with the token
    return plugin.command.split('/').pop();
  }

  /** Loads the kubeconfig on first use, so commands that never touch the cluster do not need one. */
  private connect(): Connected {
    if (!this.connected) {
      const loaded = loadKubeConfig(this.opts);
      const kc = this.pluginToken ? withBearerToken(loaded.kc, this.pluginToken) : loaded.kc;
      this.connected = { ...loaded, kc, apis: makeApis(kc, loaded.server) };
    }
    return this.connected;
  }

  private rawRead(ref: ObjectRef): Promise<KubeObject> {
    const spec = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } };
    return this.connect().apis.objects.read(spec) as Promise<KubeObject>;
  }

  /**
   * Runs one API call with the signal attached and transient failures retried. Errors are mapped to
   * ToolError/AbortedError unless `raw` (the caller inspects the status first, then maps).
   */
  private async call<R>(what: string, signal: AbortSignal, fn: () => Promise<R>, raw = false): Promise<R> {
    if (signal.aborted) throw new AbortedError(`${what} interrupted`);
    const limitMs = this.opts.requestTimeoutMs ?? 30_000;
    const request = AbortSignal.any([signal, AbortSignal.timeout(limitMs)]);
    try {
      return await withSignal(request, () => withRetry(fn, request, this.retry));
    } catch (err) {
      if (request.aborted && !signal.aborted) {
        throw new ToolError(
          `${what}: the Kubernetes API at ${this.connected?.server ?? '(unknown server)'} did not answer within ${limitMs < 1000 ? `${limitMs}ms` : `${Math.round(limitMs / 1000)}s`}`,
          'is the cluster reachable and healthy? check --context and `kubectl cluster-info`',
          { cause: err },
        );
      }
      if (raw && !signal.aborted) throw err;
      throw this.mapped(err, what, signal);
    }
  }

  private mapped(err: unknown, what: string, signal: AbortSignal): Error {
    return kubeError(err, what, this.connected?.server ?? '(unknown server)', signal);
  }
}

function describe(o: KubeObject | ObjectRef): string {
  const meta = 'metadata' in o ? o.metadata : o;
  return `${o.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`;
}

/** A deep copy without the fields the server owns (server-side apply rejects managedFields). */
function copyForWrite(obj: KubeObject): KubernetesObject {
  const copy = structuredClone(obj);
  // client-node serializes known kinds through its models, where LimitRangeItem's `default` (a reserved
  // word) is the attribute `_default`: a plain `default` would be dropped silently (gen/models/V1LimitRangeItem).
  if (copy.kind === 'LimitRange') {
    for (const item of (copy.spec as { limits?: Array<Record<string, unknown>> } | undefined)?.limits ?? []) {
      if ('default' in item) {
        item._default = item.default;
        delete item.default;
      }
    }
  }
  const { managedFields: _m, resourceVersion: _r, uid: _u, creationTimestamp: _c, generation: _g, ...metadata } = copy.metadata;
  return { ...copy, metadata } as KubernetesObject;
}
