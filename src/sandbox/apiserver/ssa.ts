// Server-side apply as structured-merge-diff does it, for the common cases: the applied configuration
// is merged into the live object (maps merge recursively, associative lists — containers, ports, env,
// volumes… see listkeys.ts — merge item by item, other lists and scalars replace), fields the manager
// applied before but no longer applies are removed unless another manager owns them, and
// managedFields records who owns which field. Applying a different value for a field another manager
// owns is a conflict unless `force` is set; applying the same value shares ownership.
import { ApiError } from './errors.js';
import {
  changedPaths,
  deleteAt,
  fromFieldsV1,
  isItem,
  isPrefix,
  leafPaths,
  pathKey,
  pathText,
  toFieldsV1,
  touches,
  valueAt,
  withKeyDefaults,
  type FieldPath,
} from './fieldpaths.js';
import { itemKey, keySegment, keyedItems, listKeysAt } from './listkeys.js';
import { clone, deepEqual, isPlainObject } from './merge.js';
import type { Json, KObject, ManagedFieldsEntry } from './types.js';

interface Owned {
  entry: ManagedFieldsEntry;
  paths: FieldPath[];
}

function applyMerge(live: Json, applied: Json, names: string[]): Json {
  if (Array.isArray(applied)) {
    const keys = listKeysAt(names);
    if (!keyedItems(applied, keys) || !keyedItems(live, keys)) return clone(applied);
    // Items merge by key: live items keep their place (and server-filled fields), new ones are appended.
    const out: Json[] = clone(live);
    for (const item of applied) {
      const seg = keySegment(itemKey(item, keys!)!);
      const i = out.findIndex((x) => keySegment(itemKey(x, keys!)!) === seg);
      if (i >= 0) out[i] = applyMerge(out[i], item, names);
      else out.push(clone(item));
    }
    return out;
  }
  if (!isPlainObject(applied)) return clone(applied);
  const out: Record<string, Json> = isPlainObject(live) ? clone(live) : {};
  for (const [k, v] of Object.entries(applied)) {
    if (v === null || v === undefined) continue;
    out[k] = applyMerge(out[k], v, [...names, k]);
  }
  return out;
}

function owners(obj: KObject | undefined): Owned[] {
  return (obj?.metadata.managedFields ?? []).map((entry) => ({ entry, paths: fromFieldsV1(entry.fieldsV1) }));
}

function entry(manager: string, operation: 'Apply' | 'Update', apiVersion: string, paths: FieldPath[], time: string, subresource?: string): ManagedFieldsEntry {
  return {
    manager,
    operation,
    apiVersion,
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(paths),
    ...(subresource ? { subresource } : {}),
  };
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Keeps each manager's previous `time` when its fields did not change (so a no-op stays a no-op). */
function withStableTimes(next: ManagedFieldsEntry[], prev: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return next.map((e) => {
    const old = prev.find((p) => p.manager === e.manager && p.operation === e.operation && p.subresource === e.subresource);
    return old && deepEqual(old.fieldsV1, e.fieldsV1) ? { ...e, time: old.time } : e;
  });
}

export function serverSideApply(
  live: KObject | undefined,
  appliedInput: KObject,
  opts: { manager: string; force: boolean; apiVersion: string; plural: string; group: string },
): KObject {
  const applied = withKeyDefaults(appliedInput) as KObject;
  const mine = leafPaths(applied);
  const isMyApply = (o: Owned): boolean => o.entry.manager === opts.manager && o.entry.operation === 'Apply' && !o.entry.subresource;
  const others = owners(live).filter((o) => !isMyApply(o));
  const previous = owners(live).find(isMyApply);

  const result = applyMerge(live ?? {}, applied, []) as KObject;
  // A conflict is a field another manager owns that this apply would change. Fields nobody applied
  // (server defaults), fields applied with the value they already have, and maps the apply merges into
  // without changing them (`spec: {}` owns nothing another manager set below it) are not conflicts.
  const conflicts: Array<{ manager: string; path: FieldPath }> = [];
  if (live) {
    for (const p of mine) {
      if (isItem(p[p.length - 1]) || deepEqual(valueAt(live, p), valueAt(result, p))) continue;
      for (const o of others) {
        if (o.paths.some((q) => touches(p, q)) && !conflicts.some((c) => c.manager === o.entry.manager && pathKey(c.path) === pathKey(p))) {
          conflicts.push({ manager: o.entry.manager, path: p });
        }
      }
    }
  }
  if (conflicts.length > 0 && !opts.force) throw conflictError(conflicts, opts);

  // Fields this manager dropped from its configuration go away unless someone else still owns them.
  for (const p of previous?.paths ?? []) {
    const stillMine = mine.some((q) => isPrefix(p, q));
    const ownedElsewhere = others.some((o) => o.paths.some((q) => touches(p, q)));
    if (!stillMine && !ownedElsewhere) deleteAt(result, p);
  }

  const time = nowIso();
  const taken = conflicts.map((c) => c.path);
  // Entries keep their order (a re-apply must not reshuffle managedFields); a new applier goes last.
  const next: ManagedFieldsEntry[] = [];
  for (const o of owners(live)) {
    if (isMyApply(o)) {
      next.push(entry(opts.manager, 'Apply', opts.apiVersion, mine, time));
      continue;
    }
    const kept = o.paths.filter((q) => !taken.some((p) => touches(p, q)));
    if (kept.length > 0) next.push({ ...o.entry, fieldsV1: toFieldsV1(kept) });
  }
  if (!previous) next.push(entry(opts.manager, 'Apply', opts.apiVersion, mine, time));
  result.metadata = { ...result.metadata, managedFields: withStableTimes(next, live?.metadata.managedFields ?? []) };
  return result;
}

/** Ownership bookkeeping for PUT and non-apply patches: the writer takes the fields it changed. */
export function recordUpdate(live: KObject | undefined, updated: KObject, opts: { manager: string; apiVersion: string; subresource?: string }): KObject {
  const changed = changedPaths(stripMeta(live), stripMeta(updated)).filter((p) => valueAt(updated, p) !== undefined);
  const prev = live?.metadata.managedFields ?? [];
  if (changed.length === 0) {
    return { ...updated, metadata: { ...updated.metadata, managedFields: prev } };
  }
  const next: ManagedFieldsEntry[] = [];
  let mineFound = false;
  for (const o of owners(live)) {
    const isMine = o.entry.manager === opts.manager && o.entry.operation === 'Update' && o.entry.subresource === opts.subresource;
    let paths = o.paths.filter((q) => !changed.some((p) => touches(p, q)) || isMine);
    if (isMine) {
      mineFound = true;
      paths = dedupe([...paths, ...changed]);
    }
    if (paths.length > 0) next.push({ ...o.entry, fieldsV1: toFieldsV1(paths), ...(isMine ? { time: nowIso() } : {}) });
  }
  if (!mineFound) next.push(entry(opts.manager, 'Update', opts.apiVersion, changed, nowIso(), opts.subresource));
  return { ...updated, metadata: { ...updated.metadata, managedFields: next } };
}

function stripMeta(obj: KObject | undefined): Json {
  if (!obj) return {};
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}

function dedupe(paths: FieldPath[]): FieldPath[] {
  return [...new Map(paths.map((p) => [pathKey(p), p])).values()];
}

function conflictError(conflicts: Array<{ manager: string; path: FieldPath }>, opts: { apiVersion: string; plural: string; group: string }): ApiError {
  const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${opts.apiVersion}: ${pathText(c.path)}`);
  const n = conflicts.length;
  return new ApiError(409, 'Conflict', `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${lines.join('\n')}`, {
    ...(opts.group ? { group: opts.group } : {}),
    kind: opts.plural,
    causes: conflicts.map((c, i) => ({ reason: 'FieldManagerConflict', message: lines[i]!, field: pathText(c.path) })),
  });
}
