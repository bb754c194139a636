// An in-memory Kubernetes for step tests: apply/create/get/list/delete over a map of objects, waitFor
// that re-checks whenever the map changes (test helpers `put`/`remove` change it too), and scripted
// ping/podLogs. Calls are recorded as short lines ("apply Namespace alice-lifesub-ns") for exact asserts.
import type { Kube, KubeObject, ListOptions, ObjectRef, WaitOptions } from '../../src/adapters/types.js';
import { AbortedError, ToolError } from '../../src/core/errors.js';

type Method = 'ping' | 'apply' | 'create' | 'replace' | 'get' | 'list' | 'delete' | 'waitFor' | 'podLogs';

const clone = <T>(v: T): T => structuredClone(v);
const keyOf = (r: { kind: string; name: string; namespace?: string }): string => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
const refOf = (o: KubeObject): ObjectRef => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace });

function selectorMatches(selector: string | undefined, read: (key: string) => unknown): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=') as [string, string];
    return String(read(k.trim()) ?? '') === v.trim();
  });
}

function path(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export class FakeKube implements Kube {
  /** Every call, as "method Kind ns/name" (list: "list Kind ns labelSelector"). */
  readonly calls: string[] = [];
  readonly unexpected: string[] = [];
  /** What ping returns; unset → ping is unexpected. */
  pingResult?: { server: string; context: string; version: string };
  /** "ns/pod" → log text; a pod without an entry → podLogs is unexpected. */
  readonly logs = new Map<string, string>();
  /** Caps every waitFor so a test never waits out a real timeout. */
  waitLimitMs = 1_000;
  /** Called after every apply/create (simulate controllers: assign LB addresses, roll out, …). */
  onWrite?: (obj: KubeObject, kube: FakeKube) => void;

  private readonly objects = new Map<string, KubeObject>();
  private readonly failures: Array<{ method: Method; match?: RegExp; error: unknown; once: boolean }> = [];
  private readonly watchers = new Set<() => void>();
  private version = 1;

  // ------------------------------------------------------------------ test helpers (not recorded)

  put(...objs: KubeObject[]): void {
    for (const o of objs) this.objects.set(keyOf(refOf(o)), clone(o));
    this.changed();
  }
  remove(ref: { kind: string; name: string; namespace?: string }): void {
    this.objects.delete(keyOf(ref));
    this.changed();
  }
  find(kind: string, name: string, namespace?: string): KubeObject | undefined {
    const o = this.objects.get(keyOf({ kind, name, namespace }));
    return o && clone(o);
  }
  all(): KubeObject[] {
    return [...this.objects.values()].map(clone);
  }
  /** Makes `method` (optionally only for calls whose line matches) reject with `error`. */
  failOn(method: Method, error: unknown, options: { match?: RegExp; once?: boolean } = {}): void {
    this.failures.push({ method, error, match: options.match, once: options.once ?? false });
  }

  // ------------------------------------------------------------------ Kube

  async ping(signal: AbortSignal): Promise<{ server: string; context: string; version: string }> {
    this.enter('ping', 'ping', signal);
    if (!this.pingResult) return this.unexpectedCall('kube.ping was not scripted (set pingResult)');
    return this.pingResult;
  }

  async apply(obj: KubeObject, signal: AbortSignal): Promise<KubeObject> {
    this.enter('apply', `apply ${keyOf(refOf(obj))}`, signal);
    return this.write(obj);
  }

  async create(obj: KubeObject, signal: AbortSignal): Promise<KubeObject | undefined> {
    this.enter('create', `create ${keyOf(refOf(obj))}`, signal);
    if (this.objects.has(keyOf(refOf(obj)))) return undefined;
    return this.write(obj);
  }

  /** Like the API server: only when resourceVersion still matches (else undefined = 409). */
  async replace(obj: KubeObject, signal: AbortSignal): Promise<KubeObject | undefined> {
    this.enter('replace', `replace ${keyOf(refOf(obj))}`, signal);
    const live = this.objects.get(keyOf(refOf(obj)));
    if (!live || live.metadata.resourceVersion !== obj.metadata.resourceVersion) return undefined;
    return this.write(obj);
  }

  async get(ref: ObjectRef, signal: AbortSignal): Promise<KubeObject | undefined> {
    this.enter('get', `get ${keyOf(ref)}`, signal);
    return this.find(ref.kind, ref.name, ref.namespace);
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined, options: ListOptions, signal: AbortSignal): Promise<KubeObject[]> {
    const line = ['list', kind, namespace, options.labelSelector, options.fieldSelector].filter(Boolean).join(' ');
    this.enter('list', line, signal);
    return this.all().filter(
      (o) =>
        o.kind === kind &&
        o.apiVersion === apiVersion &&
        (namespace === undefined || o.metadata.namespace === namespace) &&
        selectorMatches(options.labelSelector, (k) => o.metadata.labels?.[k]) &&
        selectorMatches(options.fieldSelector, (k) => path(o, k)),
    );
  }

  async delete(ref: ObjectRef, signal: AbortSignal): Promise<boolean> {
    this.enter('delete', `delete ${keyOf(ref)}`, signal);
    const existed = this.objects.delete(keyOf(ref));
    // A namespace takes its objects with it.
    if (ref.kind === 'Namespace') for (const [k, o] of this.objects) if (o.metadata.namespace === ref.name) this.objects.delete(k);
    this.changed();
    return existed;
  }

  waitFor<T>(ref: ObjectRef, check: (obj: KubeObject | undefined) => T | undefined, options: WaitOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      try {
        this.enter('waitFor', `waitFor ${keyOf(ref)}`, options.signal);
      } catch (err) {
        return reject(err);
      }
      const done = (): void => {
        clearTimeout(timer);
        this.watchers.delete(look);
        options.signal.removeEventListener('abort', onAbort);
      };
      const look = (): void => {
        let result: T | undefined;
        try {
          result = check(this.find(ref.kind, ref.name, ref.namespace));
        } catch (err) {
          done();
          return reject(err);
        }
        if (result !== undefined) {
          done();
          resolve(result);
        }
      };
      const onAbort = (): void => {
        done();
        reject(new AbortedError());
      };
      const timer = setTimeout(
        () => {
          done();
          reject(new ToolError(`timed out waiting for ${options.describe}`, options.hint));
        },
        Math.min(options.timeoutMs, this.waitLimitMs),
      );
      options.signal.addEventListener('abort', onAbort, { once: true });
      this.watchers.add(look);
      look();
    });
  }

  async podLogs(namespace: string, pod: string, container: string | undefined, tailLines: number, signal: AbortSignal): Promise<string> {
    this.enter('podLogs', `podLogs ${namespace}/${pod}`, signal);
    const text = this.logs.get(`${namespace}/${pod}`);
    if (text === undefined) return this.unexpectedCall(`kube.podLogs(${namespace}/${pod}) was not scripted`);
    return text.split('\n').slice(-tailLines).join('\n');
  }

  // ------------------------------------------------------------------ internals

  private enter(method: Method, line: string, signal: AbortSignal): void {
    if (!(signal instanceof AbortSignal)) this.unexpectedCall(`kube.${method} was called without an AbortSignal (${line})`);
    if (signal.aborted) throw new AbortedError();
    this.calls.push(line);
    const i = this.failures.findIndex((f) => f.method === method && (!f.match || f.match.test(line)));
    if (i >= 0) {
      const f = this.failures[i]!;
      if (f.once) this.failures.splice(i, 1);
      throw f.error;
    }
  }

  private write(obj: KubeObject): KubeObject {
    const key = keyOf(refOf(obj));
    const before = this.objects.get(key);
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(this.version++);
    stored.metadata.generation = (before?.metadata.generation ?? 0) + 1;
    if (before && stored.status === undefined && before.status !== undefined) stored.status = before.status;
    this.objects.set(key, stored);
    this.onWrite?.(clone(stored), this);
    this.changed();
    return clone(this.objects.get(key)!);
  }

  private changed(): void {
    for (const w of [...this.watchers]) w();
  }

  private unexpectedCall(message: string): never {
    this.unexpected.push(message);
    throw new Error(message);
  }
}
