// Field paths for managedFields: which leaves of an object a manager sets, encoded as FieldsV1
// ({"f:spec":{"f:replicas":{}}}). Lists are treated as atomic leaves (a simplification of SSA's
// associative lists) — good enough to tell who owns what and to detect conflicts.
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

export function leafPaths(obj: Json, includeStatus = false): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (v: Json, path: FieldPath): void => {
    if (isPlainObject(v) && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v)) {
        if (child === undefined || child === null) continue;
        if (path.length === 0 && IGNORED_TOP.has(k) && !(includeStatus && k === 'status')) continue;
        if (path.length === 1 && path[0] === 'metadata' && IGNORED_META.has(k)) continue;
        walk(child, [...path, k]);
      }
    } else if (path.length > 0) out.push(path);
  };
  walk(obj, []);
  return out;
}

export const pathKey = (p: FieldPath): string => JSON.stringify(p);
export const pathText = (p: FieldPath): string => `.${p.join('.')}`;

export function toFieldsV1(paths: FieldPath[]): Json {
  const root: Record<string, Json> = {};
  for (const p of paths) {
    let node = root;
    for (const k of p) node = node[`f:${k}`] ??= {};
  }
  return root;
}

export function fromFieldsV1(fields: Json): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (node: Json, path: FieldPath): void => {
    const keys = isPlainObject(node) ? Object.keys(node).filter((k) => k.startsWith('f:')) : [];
    if (keys.length === 0) {
      if (path.length > 0) out.push(path);
      return;
    }
    for (const k of keys) walk(node[k], [...path, k.slice(2)]);
  };
  walk(fields, []);
  return out;
}

/** True when one path is the other or an ancestor of it (they touch the same field). */
export function overlaps(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function valueAt(obj: Json, p: FieldPath): Json {
  return p.reduce((d, k) => (isPlainObject(d) ? d[k] : undefined), obj);
}

export function deleteAt(obj: Json, p: FieldPath): void {
  const parent = valueAt(obj, p.slice(0, -1));
  if (isPlainObject(parent)) delete parent[p[p.length - 1]!];
}

/** Leaves whose value differs between two versions of an object (added, changed or removed). */
export function changedPaths(before: Json, after: Json): FieldPath[] {
  const seen = new Map<string, FieldPath>();
  for (const p of [...leafPaths(before), ...leafPaths(after)]) seen.set(pathKey(p), p);
  return [...seen.values()].filter((p) => JSON.stringify(valueAt(before, p)) !== JSON.stringify(valueAt(after, p)));
}
