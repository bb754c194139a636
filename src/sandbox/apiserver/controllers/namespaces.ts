// The namespace controller: a deleted namespace stays Terminating for the profile's namespaceTerminate
// delay, then its content is deleted (objects with finalizers are only marked and keep it Terminating),
// with the status conditions the real controller writes (k8s.io/kubernetes pkg/controller/namespace/
// deletion). When nothing is left, the `kubernetes` finalizer is taken off spec.finalizers and the
// namespace goes once no other finalizer remains.
import { deleteOrMark } from '../lifecycle.js';
import { R, RESOURCES, resourceKey } from '../resources.js';
import type { KObject } from '../types.js';
import type { Controller } from './context.js';
import { setCondition, type Condition } from './helpers.js';

/** The condition types in the order the real controller writes them, with their "all is well" reason and message. */
const OK: Array<[type: string, reason: string, message: string]> = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
];

/** What is left after a deletion pass: instances per resource ("configmaps.") and per finalizer. */
function remaining(objs: Array<{ group: string; plural: string; o: KObject }>): { resources: string[]; finalizers: string[] } {
  const byResource = new Map<string, number>();
  const byFinalizer = new Map<string, number>();
  for (const { group, plural, o } of objs) {
    const gr = `${plural}.${group}`;
    byResource.set(gr, (byResource.get(gr) ?? 0) + 1);
    for (const f of o.metadata.finalizers ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
  }
  return {
    resources: [...byResource].map(([gr, n]) => `${gr} has ${n} resource instances`).sort(),
    finalizers: [...byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort(),
  };
}

function conditionsFor(old: Condition[] | undefined, left: { resources: string[]; finalizers: string[] }, now: number): Condition[] {
  let out = old;
  for (const [type, reason, message] of OK) {
    let c: Condition = { type, status: 'False', reason, message };
    if (type === 'NamespaceContentRemaining' && left.resources.length) {
      c = { type, status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${left.resources.join(', ')}` };
    }
    if (type === 'NamespaceFinalizersRemaining' && left.finalizers.length) {
      c = {
        type,
        status: 'True',
        reason: 'SomeFinalizersRemain',
        message: `Some content in the namespace has finalizers remaining: ${left.finalizers.join(', ')}`,
      };
    }
    out = setCondition(out, c, now);
  }
  return out ?? [];
}

export const namespaceController: Controller = {
  name: 'namespace',
  resource: R.namespaces,
  // Any change inside a Terminating namespace (a finalizer taken off) is a reason to look again.
  triggers(ev, ctx) {
    const ns = ev.object.metadata.namespace;
    if (!ns || ev.resource === R.events) return [];
    return ctx.store.peek(R.namespaces, undefined, ns)?.metadata.deletionTimestamp ? [{ name: ns }] : [];
  },
  reconcile(ctx, key) {
    const ns = ctx.store.get(R.namespaces, undefined, key.name);
    if (!ns?.metadata.deletionTimestamp) return undefined;
    const sim = ctx.store.simOf(ns);
    sim.deletionMs ??= Date.parse(ns.metadata.deletionTimestamp);
    const startAt = Number(sim.deletionMs) + ctx.dur('namespaceTerminate');
    if (ctx.now() < startAt) return startAt;

    const left: Array<{ group: string; plural: string; o: KObject }> = [];
    for (const def of RESOURCES.filter((r) => r.namespaced)) {
      for (const o of ctx.store.list(resourceKey(def), key.name)) {
        const still = deleteOrMark(ctx.store, resourceKey(def), o, ctx.now());
        if (still) left.push({ group: def.group, plural: def.plural, o: still });
      }
    }
    const summary = remaining(left);
    const latest = ctx.store.get(R.namespaces, undefined, key.name);
    if (!latest) return undefined;
    const conditions = conditionsFor(latest.status?.conditions, summary, ctx.now());
    const specFinalizers: string[] = latest.spec?.finalizers ?? [];
    const nextSpec = left.length === 0 ? { ...latest.spec, finalizers: specFinalizers.filter((f) => f !== 'kubernetes') } : latest.spec;
    if (left.length === 0 && nextSpec.finalizers.length === 0 && (latest.metadata.finalizers ?? []).length === 0) {
      ctx.store.remove(R.namespaces, undefined, key.name);
      return undefined;
    }
    ctx.store.replace(R.namespaces, { ...latest, spec: nextSpec, status: { ...latest.status, phase: 'Terminating', conditions } });
    return undefined;
  },
};
