// The cluster's objects in memory, with the bookkeeping the real API server does on every write:
// uid, a global resourceVersion counter, creationTimestamp, generation (bumped when spec changes).
// A write that changes nothing is not a write: no new resourceVersion, no watch event.
import { randomUUID } from 'node:crypto';
import { clone, deepEqual } from './merge.js';
import { resourceByKey } from './resources.js';
import type { KObject, StoreEvent } from './types.js';

/** Per-object simulation facts (timestamps in ms) the controllers keep beside the object. */
export type SimRecord = Record<string, number | string | undefined>;

export interface StoreSnapshot {
  resourceVersion: number;
  objects: Record<string, KObject[]>;
  sim: Record<string, SimRecord>;
  lbPorts: Record<string, number>;
}

export type StoreListener = (ev: StoreEvent) => void;

const nameKey = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Two versions are the same when they differ only in resourceVersion or managedFields timestamps. */
function sameContent(a: KObject, b: KObject): boolean {
  const norm = (o: KObject): KObject => ({
    ...o,
    metadata: {
      ...o.metadata,
      resourceVersion: undefined,
      managedFields: o.metadata.managedFields?.map((m) => ({ ...m, time: '' })),
    },
  });
  return deepEqual(norm(a), norm(b));
}

/**
 * Stored objects are frozen: nothing may change them in place (every write stores a new object), so
 * read-only views can hand them out without the deep copy that was the sandbox's largest CPU cost
 * (about a fifth of an `up`, measured with --cpu-prof). Freezing makes a caller that mutates a view
 * throw at once instead of corrupting the cluster silently.
 */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

/** A stored object as read-only views return it (frozen; clone it before changing anything). */
export type StoredObject = Readonly<KObject>;

export class Store {
  private objects = new Map<string, Map<string, KObject>>();
  private listeners = new Set<StoreListener>();
  rv = 1;
  /** Keyed by uid; dropped with the object. */
  readonly sim = new Map<string, SimRecord>();
  /** "namespace/name" of a LoadBalancer Service → its gateway port; kept across deletions on purpose. */
  readonly lbPorts = new Map<string, number>();

  constructor(private now: () => number = Date.now) {}

  on(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private table(resource: string): Map<string, KObject> {
    let t = this.objects.get(resource);
    if (!t) this.objects.set(resource, (t = new Map()));
    return t;
  }

  get(resource: string, ns: string | undefined, name: string): KObject | undefined {
    return clone(this.table(resource).get(nameKey(ns, name)));
  }

  /** The stored object itself, frozen (no copy): for reads on hot paths. */
  peek(resource: string, ns: string | undefined, name: string): StoredObject | undefined {
    return this.table(resource).get(nameKey(ns, name));
  }

  /** The stored objects themselves, frozen (no copies): for reads on hot paths (controllers). */
  view(resource: string, ns?: string): StoredObject[] {
    const all = [...this.table(resource).values()];
    return ns === undefined ? all : all.filter((o) => (o.metadata.namespace ?? '') === ns);
  }

  list(resource: string, ns?: string): KObject[] {
    const all = [...this.table(resource).values()];
    return clone(ns === undefined ? all : all.filter((o) => (o.metadata.namespace ?? '') === ns));
  }

  /** Stores a new object; the caller has checked it does not exist. */
  create(resource: string, obj: KObject): KObject {
    const def = resourceByKey(resource);
    const stored = clone(obj);
    const rv = ++this.rv;
    stored.metadata = {
      ...stored.metadata,
      // A uid the registry chose before storing (a Job's generated selector names it) is kept.
      uid: stored.metadata.uid ?? randomUUID(),
      resourceVersion: String(rv),
      creationTimestamp: isoSeconds(this.now()),
      ...(def.generation ? { generation: 1 } : {}),
    };
    delete stored.metadata.deletionTimestamp;
    this.sim.set(stored.metadata.uid!, { createdMs: this.now() });
    this.table(resource).set(nameKey(stored.metadata.namespace, stored.metadata.name), deepFreeze(stored));
    this.emit({ type: 'ADDED', resource, object: stored, rv });
    return clone(stored);
  }

  /** Replaces an existing object. Returns the stored version (unchanged when nothing differs). */
  replace(resource: string, obj: KObject): KObject {
    const def = resourceByKey(resource);
    const key = nameKey(obj.metadata.namespace, obj.metadata.name);
    const old = this.table(resource).get(key);
    if (!old) throw new Error(`replace of missing ${resource} ${key}`);
    const next = clone(obj);
    // Identity fields always come from the stored object.
    next.metadata = {
      ...next.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      resourceVersion: old.metadata.resourceVersion,
      ...(def.generation ? { generation: old.metadata.generation } : {}),
    };
    if (sameContent(old, next)) return clone(old);
    if (def.generation && !deepEqual(old.spec, next.spec)) next.metadata.generation = (old.metadata.generation ?? 0) + 1;
    const rv = ++this.rv;
    next.metadata.resourceVersion = String(rv);
    this.table(resource).set(key, deepFreeze(next));
    this.emit({ type: 'MODIFIED', resource, object: next, rv });
    return clone(next);
  }

  remove(resource: string, ns: string | undefined, name: string): KObject | undefined {
    const key = nameKey(ns, name);
    const old = this.table(resource).get(key);
    if (!old) return undefined;
    this.table(resource).delete(key);
    this.sim.delete(old.metadata.uid ?? '');
    const rv = ++this.rv;
    const gone = deepFreeze({ ...old, metadata: { ...old.metadata, resourceVersion: String(rv) } });
    this.emit({ type: 'DELETED', resource, object: gone, rv });
    return clone(gone);
  }

  simOf(obj: KObject): SimRecord {
    const uid = obj.metadata.uid ?? '';
    let rec = this.sim.get(uid);
    if (!rec) this.sim.set(uid, (rec = { createdMs: this.now() }));
    return rec;
  }

  /** Every object of every resource (for garbage collection and namespace deletion). */
  *all(): Generator<{ resource: string; object: KObject }> {
    for (const [resource, t] of this.objects) for (const object of t.values()) yield { resource, object: clone(object) };
  }

  /** Like all(), but the stored objects themselves (frozen, no copies). */
  *allViews(): Generator<{ resource: string; object: StoredObject }> {
    for (const [resource, t] of this.objects) for (const object of t.values()) yield { resource, object };
  }

  /** The whole state, sharing the stored (frozen) objects: serialise it, do not change it. */
  snapshot(): StoreSnapshot {
    const objects: Record<string, KObject[]> = {};
    for (const [resource, t] of this.objects) if (t.size > 0) objects[resource] = [...t.values()];
    return {
      resourceVersion: this.rv,
      objects,
      sim: Object.fromEntries(this.sim),
      lbPorts: Object.fromEntries(this.lbPorts),
    };
  }

  restore(snap: StoreSnapshot): void {
    this.rv = snap.resourceVersion;
    for (const [resource, list] of Object.entries(snap.objects)) {
      const t = this.table(resource);
      for (const o of list) t.set(nameKey(o.metadata.namespace, o.metadata.name), deepFreeze(o));
    }
    for (const [k, v] of Object.entries(snap.sim ?? {})) this.sim.set(k, v);
    for (const [k, v] of Object.entries(snap.lbPorts ?? {})) this.lbPorts.set(k, v);
  }

  private emit(ev: StoreEvent): void {
    for (const l of this.listeners) l(ev);
  }
}
