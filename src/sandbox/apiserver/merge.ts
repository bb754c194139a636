// JSON helpers: deep equality, cloning, RFC 7386 merge patch and a simplified strategic merge patch.
import type { Json } from './types.js';

export function isPlainObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** JSON with sorted keys: a stable basis for hashes (pod-template-hash, revisions). */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** RFC 7386: null deletes, objects merge recursively, everything else (lists too) replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, Json> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * Strategic merge patch, simplified: `$patch`/`$setElementOrder`/`$retainKeys`/`$deleteFromPrimitiveList`
 * directives are dropped and the rest is a merge patch. Lists of named items (containers, env, ports,
 * volumes) merge by name as the real server does for the common cases.
 */
export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, Json> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v) && Array.isArray(out[k]) && v.every((x) => isPlainObject(x) && mergeKeyOf(x))) {
      out[k] = mergeNamedList(out[k] as Json[], v);
    } else out[k] = strategicMergePatch(out[k], v);
  }
  return out;
}

function mergeKeyOf(item: Record<string, Json>): string | undefined {
  if (typeof item.name === 'string') return 'name';
  if (typeof item.containerPort === 'number') return 'containerPort';
  if (typeof item.mountPath === 'string') return 'mountPath';
  return undefined;
}

function mergeNamedList(current: Json[], patch: Json[]): Json[] {
  const out = clone(current);
  for (const item of patch) {
    const key = mergeKeyOf(item)!;
    const i = out.findIndex((x) => isPlainObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMergePatch(out[i], item);
    else out.push(strategicMergePatch({}, item));
  }
  return out;
}

/** RFC 6902 JSON patch (add, remove, replace, test; copy/move for completeness). */
export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new Error('a JSON patch must be a list of operations');
  let doc = clone(target);
  for (const op of ops) {
    const path = parsePointer(String(op.path ?? ''));
    switch (op.op) {
      case 'add':
      case 'replace':
        doc = setAt(doc, path, clone(op.value), op.op === 'add');
        break;
      case 'remove':
        doc = removeAt(doc, path);
        break;
      case 'test':
        if (!deepEqual(getAt(doc, path), op.value)) throw new Error(`test operation failed at ${op.path}`);
        break;
      case 'copy':
      case 'move': {
        const from = parsePointer(String(op.from ?? ''));
        const v = clone(getAt(doc, from));
        if (op.op === 'move') doc = removeAt(doc, from);
        doc = setAt(doc, path, v, true);
        break;
      }
      default:
        throw new Error(`unknown JSON patch operation ${String(op.op)}`);
    }
  }
  return doc;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: Json, path: string[]): Json {
  return path.reduce((d, k) => (d == null ? undefined : d[k]), doc);
}

function setAt(doc: Json, path: string[], value: Json, insert: boolean): Json {
  if (path.length === 0) return value;
  const parent = getAt(doc, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (insert) parent.splice(i, 0, value);
    else parent[i] = value;
  } else if (isPlainObject(parent)) parent[last] = value;
  else throw new Error(`path /${path.join('/')} does not exist`);
  return doc;
}

function removeAt(doc: Json, path: string[]): Json {
  const parent = getAt(doc, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isPlainObject(parent) && last in parent) delete parent[last];
  else throw new Error(`path /${path.join('/')} does not exist`);
  return doc;
}
