// Deletion as the real registry does it: an object with metadata.finalizers is not removed but marked
// (deletionTimestamp, deletionGracePeriodSeconds 0) and stays until every finalizer has been taken off;
// the write that removes the last one removes the object.
import { isoSeconds, type Store } from './store.js';
import type { KObject } from './types.js';

export const hasFinalizers = (o: KObject): boolean => (o.metadata.finalizers ?? []).length > 0;

/**
 * Deletes or marks `obj`. Returns the object as it now is (marked) or undefined when it is gone.
 * Namespaces are not handled here (their deletion goes through the namespace controller).
 */
export function deleteOrMark(store: Store, resource: string, obj: KObject, now = Date.now()): KObject | undefined {
  if (!hasFinalizers(obj)) {
    store.remove(resource, obj.metadata.namespace, obj.metadata.name);
    return undefined;
  }
  if (obj.metadata.deletionTimestamp) return obj;
  return store.replace(resource, { ...obj, metadata: { ...obj.metadata, deletionTimestamp: isoSeconds(now), deletionGracePeriodSeconds: 0 } });
}

/** After a write: a marked object whose last finalizer just went is removed. Returns true when removed. */
export function removeIfFinalized(store: Store, resource: string, obj: KObject): boolean {
  if (!obj.metadata.deletionTimestamp || hasFinalizers(obj) || resource === 'namespaces') return false;
  store.remove(resource, obj.metadata.namespace, obj.metadata.name);
  return true;
}
