// A deleted namespace stays Terminating for the profile's namespaceTerminate delay, then everything in
// it is removed, then the namespace itself.
import { R, RESOURCES, resourceKey } from '../resources.js';
import type { Controller } from './context.js';

export const namespaceController: Controller = {
  name: 'namespace',
  resource: R.namespaces,
  reconcile(ctx, key) {
    const ns = ctx.store.get(R.namespaces, undefined, key.name);
    if (!ns?.metadata.deletionTimestamp) return undefined;
    const sim = ctx.store.simOf(ns);
    sim.deletionMs ??= Date.parse(ns.metadata.deletionTimestamp);
    const goneAt = Number(sim.deletionMs) + ctx.dur('namespaceTerminate');
    if (ctx.now() < goneAt) return goneAt;
    for (const def of RESOURCES.filter((r) => r.namespaced)) {
      for (const o of ctx.store.list(resourceKey(def), key.name)) ctx.store.remove(resourceKey(def), key.name, o.metadata.name);
    }
    ctx.store.remove(R.namespaces, undefined, key.name);
    return undefined;
  },
};
