// Field paths for managedFields: which fields of an object a manager sets, encoded as FieldsV1
// ({"f:spec":{"f:replicas":{}}}). A path is a list of FieldsV1 segments: `f:<field>` for a map
// field and `k:{…}` for an item of an associative list (see listkeys.ts); a path ending in `k:…`
// stands for the item itself (`.` in FieldsV1). Atomic lists and scalars are leaves.
import { keyedItems, listKeysAt, type ListKeys } from './listkeys.js';
import { isPlainObject } from './merge.js';
import type { Json } from './types.js';

export type FieldPath = string[];

/** Fields that identify or are owned by the server; never tracked per manager. */
const IGNORED_TOP = new Set(['apiVersion', 'kind', 'status']);
const IGNORED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'managedFields',
  'selfLink',
]);

export const isItem = (seg: string | undefined): boolean => seg?.startsWith('k:') ?? false;

/** Every field an object sets: leaves, plus each item of an associative list. */
export function leafPaths(obj: Json, includeStatus = false): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (v: Json, path: FieldPath, names: string[]): void => {
    const items = keyedItems(v, listKeysAt(names));
    if (items && v.length > 0) {
      v.forEach((item: Json, i: number) => {
        const itemPath = [...path, items[i]!];
        out.push(itemPath);
        walkMap(item, itemPath, names);
      });
    } else if (isPlainObject(v) && Object.keys(v).length > 0) walkMap(v, path, names);
    else if (path.length > 0) out.push(path);
  };
  const walkMap = (v: Record<string, Json>, path: FieldPath, names: string[]): void => {
    for (const [k, child] of Object.entries(v)) {
      if (child === undefined || child === null) continue;
      if (names.length === 0 && IGNORED_TOP.has(k) && !(includeStatus && k === 'status')) continue;
      if (names.length === 1 && names[0] === 'metadata' && IGNORED_META.has(k)) continue;
      walk(child, [...path, `f:${k}`], [...names, k]);
    }
  };
  walk(obj, [], []);
  return out;
}

export const pathKey = (p: FieldPath): string => JSON.stringify(p);

/** `.spec.template.spec.containers[name="web"].image`, as the real server words conflicts. */
export function pathText(p: FieldPath): string {
  return p
    .map((seg) => {
      if (!isItem(seg)) return `.${seg.slice(2)}`;
      const key = JSON.parse(seg.slice(2)) as Record<string, Json>;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}

export function toFieldsV1(paths: FieldPath[]): Json {
  const root: Record<string, Json> = {};
  const owned = new Set<Record<string, Json>>();
  for (const p of paths) {
    let node = root;
    for (const seg of p) node = node[seg] ??= {};
    owned.add(node);
  }
  // A node that is owned itself and also has owned children says so with ".".
  const mark = (node: Record<string, Json>): void => {
    const children = Object.keys(node);
    for (const k of children) mark(node[k]);
    if (children.length > 0 && owned.has(node)) node['.'] = {};
  };
  for (const k of Object.keys(root)) mark(root[k]);
  return root;
}

export function fromFieldsV1(fields: Json): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (node: Json, path: FieldPath): void => {
    const keys = isPlainObject(node) ? Object.keys(node).filter((k) => /^[fkv]:/.test(k)) : [];
    if (path.length > 0 && (keys.length === 0 || (isPlainObject(node) && '.' in node))) out.push(path);
    for (const k of keys) walk(node[k], [...path, k]);
  };
  walk(fields, []);
  return out;
}

/** True when `a` is `b` or one of its ancestors. */
export function isPrefix(a: FieldPath, b: FieldPath): boolean {
  return a.length <= b.length && a.every((seg, i) => seg === b[i]);
}

/**
 * True when a change at `changed` touches the field an owner holds at `owned`: the same field, a
 * field inside it, or a field inside an atomic value it owns. Owning a list item (`k:…`) does not
 * mean owning the item's other fields.
 */
export function touches(changed: FieldPath, owned: FieldPath): boolean {
  return isPrefix(changed, owned) || (isPrefix(owned, changed) && !isItem(owned[owned.length - 1]));
}

function matches(item: Json, keySeg: string, keys: ListKeys | undefined): boolean {
  if (!isPlainObject(item)) return false;
  const key = JSON.parse(keySeg.slice(2)) as Record<string, Json>;
  return Object.entries(key).every(([k, v]) => JSON.stringify(item[k] ?? keys?.defaults[k]) === JSON.stringify(v));
}

function parentAndStep(obj: Json, p: FieldPath): { parent: Json; seg: string; keys: ListKeys | undefined } {
  let node = obj;
  const names: string[] = [];
  for (const seg of p.slice(0, -1)) {
    node = step(node, seg, listKeysAt(names));
    if (!isItem(seg)) names.push(seg.slice(2));
  }
  return { parent: node, seg: p[p.length - 1]!, keys: listKeysAt(names) };
}

function step(node: Json, seg: string, keys: ListKeys | undefined): Json {
  if (isItem(seg)) return Array.isArray(node) ? node.find((x) => matches(x, seg, keys)) : undefined;
  return isPlainObject(node) ? node[seg.slice(2)] : undefined;
}

export function valueAt(obj: Json, p: FieldPath): Json {
  if (p.length === 0) return obj;
  const { parent, seg, keys } = parentAndStep(obj, p);
  return step(parent, seg, keys);
}

export function deleteAt(obj: Json, p: FieldPath): void {
  if (p.length === 0) return;
  const { parent, seg, keys } = parentAndStep(obj, p);
  if (isItem(seg)) {
    const i = Array.isArray(parent) ? parent.findIndex((x) => matches(x, seg, keys)) : -1;
    if (i >= 0) parent.splice(i, 1);
  } else if (isPlainObject(parent)) delete parent[seg.slice(2)];
}

/**
 * Fields whose value differs between two versions of an object (added, changed or removed). A list
 * item counts only when it appears or disappears; changes inside it are its fields' changes.
 */
export function changedPaths(before: Json, after: Json): FieldPath[] {
  const seen = new Map<string, FieldPath>();
  for (const p of [...leafPaths(before), ...leafPaths(after)]) seen.set(pathKey(p), p);
  return [...seen.values()].filter((p) => {
    const a = valueAt(before, p);
    const b = valueAt(after, p);
    return isItem(p[p.length - 1]) ? (a === undefined) !== (b === undefined) : JSON.stringify(a) !== JSON.stringify(b);
  });
}

/** A copy with defaulted key fields filled in (a port applied without protocol is the TCP port). */
export function withKeyDefaults(obj: Json, names: string[] = []): Json {
  const keys = listKeysAt(names);
  if (Array.isArray(obj)) {
    return obj.map((item) => {
      const filled = withKeyDefaults(item, names);
      if (!keys || !isPlainObject(filled)) return filled;
      for (const [k, v] of Object.entries(keys.defaults)) if (filled[k] === undefined || filled[k] === null) filled[k] = v;
      return filled;
    });
  }
  if (!isPlainObject(obj)) return obj;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, withKeyDefaults(v, [...names, k])]));
}
