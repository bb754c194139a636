// Which lists server-side apply treats as maps keyed by some of their items' fields
// (`x-kubernetes-list-type: map` in the real OpenAPI schema), for the common built-in kinds.
// Every other list is atomic: one value, owned and replaced as a whole (tolerations, envFrom, args,
// Ingress rules, volumeClaimTemplates…), which is also what the real schema says for most of them.
import { isPlainObject } from './merge.js';
import type { Json } from './types.js';

export interface ListKeys {
  fields: string[];
  /** Key fields the server defaults when absent (a port without protocol is keyed as TCP). */
  defaults: Record<string, Json>;
}

const byName: ListKeys = { fields: ['name'], defaults: {} };
const containerPort: ListKeys = { fields: ['containerPort', 'protocol'], defaults: { protocol: 'TCP' } };
const servicePort: ListKeys = { fields: ['port', 'protocol'], defaults: { protocol: 'TCP' } };
const byMountPath: ListKeys = { fields: ['mountPath'], defaults: {} };
const byUid: ListKeys = { fields: ['uid'], defaults: {} };

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * Keys of the list at `names` (the field names from the object's root, list items left out), or
 * undefined when the list is atomic.
 */
export function listKeysAt(names: string[]): ListKeys | undefined {
  const last = names[names.length - 1];
  const parent = names[names.length - 2] ?? '';
  if (names.length === 2 && parent === 'metadata' && last === 'ownerReferences') return byUid;
  if (names[0] !== 'spec') return undefined;
  if (names.length === 2 && last === 'ports') return servicePort;
  if (CONTAINER_LISTS.has(last ?? '')) return byName;
  if (CONTAINER_LISTS.has(parent)) {
    if (last === 'ports') return containerPort;
    if (last === 'env') return byName;
    if (last === 'volumeMounts') return byMountPath;
    return undefined;
  }
  if (last === 'volumes' || last === 'imagePullSecrets') return byName;
  return undefined;
}

/** The key of one item (defaults filled in), or undefined when a required key field is missing. */
export function itemKey(item: Json, keys: ListKeys): Record<string, Json> | undefined {
  if (!isPlainObject(item)) return undefined;
  const key: Record<string, Json> = {};
  for (const f of [...keys.fields].sort()) {
    const v = item[f] ?? keys.defaults[f];
    if (v === undefined || v === null) return undefined;
    key[f] = v;
  }
  return key;
}

/** The `k:{…}` segment naming one item, as the real server writes it in managedFields. */
export function keySegment(key: Record<string, Json>): string {
  return `k:${JSON.stringify(key)}`;
}

/**
 * Item keys of a list when it can be treated as associative (every item keyed, no duplicates);
 * otherwise undefined and the list is handled as one atomic value.
 */
export function keyedItems(list: Json, keys: ListKeys | undefined): string[] | undefined {
  if (!keys || !Array.isArray(list)) return undefined;
  const segs: string[] = [];
  for (const item of list) {
    const key = itemKey(item, keys);
    if (!key) return undefined;
    segs.push(keySegment(key));
  }
  return new Set(segs).size === segs.length ? segs : undefined;
}
