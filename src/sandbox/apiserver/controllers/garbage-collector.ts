// Cascading deletion: when an owner goes, its dependents (ownerReferences) go too, unless it was
// deleted with propagationPolicy=Orphan. PVCs made for StatefulSets carry no owner and so stay.
import { deleteOrMark } from '../lifecycle.js';
import { clone } from '../merge.js';
import type { Store } from '../store.js';
import type { KObject } from '../types.js';

export function startGarbageCollector(store: Store, orphans: Set<string>): () => void {
  const collect = (): void => {
    const live = new Set<string>();
    for (const { object } of store.allViews()) live.add(object.metadata.uid ?? '');
    for (const { resource, object } of [...store.allViews()]) {
      if (dangling(object, live, orphans) && !object.metadata.deletionTimestamp) deleteOrMark(store, resource, clone(object));
    }
  };
  let pending = false;
  const off = store.on((ev) => {
    if (ev.type !== 'DELETED' || pending) return;
    pending = true;
    // After the current write finishes; one sweep handles a burst of deletions (and chains of owners).
    setImmediate(() => {
      pending = false;
      collect();
    });
  });
  collect();
  return off;
}

function dangling(o: KObject, live: Set<string>, orphans: Set<string>): boolean {
  const refs = o.metadata.ownerReferences ?? [];
  return refs.length > 0 && refs.every((r) => !live.has(r.uid) && !orphans.has(r.uid));
}
