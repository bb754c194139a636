// Server-side apply, simplified: the applied configuration is merged into the live object (maps merge
// recursively, lists and scalars replace), fields the manager applied before but no longer applies are
// removed unless another manager owns them, and managedFields records who owns which leaves.
// Conflicts with other managers are reported unless `force` is set — as the real server does.
import { ApiError } from './errors.js';
import {
  changedPaths,
  deleteAt,
  fromFieldsV1,
  leafPaths,
  overlaps,
  pathKey,
  pathText,
  toFieldsV1,
  valueAt,
  type FieldPath,
} from './fieldpaths.js';
import { clone, deepEqual, isPlainObject } from './merge.js';
import type { Json, KObject, ManagedFieldsEntry } from './types.js';

interface Owned {
  entry: ManagedFieldsEntry;
  paths: FieldPath[];
}

function applyMerge(live: Json, applied: Json): Json {
  if (!isPlainObject(applied)) return clone(applied);
  const out: Record<string, Json> = isPlainObject(live) ? clone(live) : {};
  for (const [k, v] of Object.entries(applied)) {
    if (v === null || v === undefined) continue;
    out[k] = applyMerge(out[k], v);
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
  applied: KObject,
  opts: { manager: string; force: boolean; apiVersion: string; plural: string; group: string },
): KObject {
  const mine = leafPaths(applied);
  const others = owners(live).filter((o) => !(o.entry.manager === opts.manager && o.entry.operation === 'Apply'));
  const previous = owners(live).find((o) => o.entry.manager === opts.manager && o.entry.operation === 'Apply');

  const conflicts: Array<{ manager: string; path: FieldPath }> = [];
  if (live) {
    for (const o of others) {
      for (const p of mine) {
        const hit = o.paths.find((q) => overlaps(p, q));
        if (hit && JSON.stringify(valueAt(live, p)) !== JSON.stringify(valueAt(applied, p))) {
          conflicts.push({ manager: o.entry.manager, path: p });
        }
      }
    }
  }
  if (conflicts.length > 0 && !opts.force) throw conflictError(conflicts, opts);

  const result = applyMerge(live ?? {}, applied) as KObject;
  // Fields this manager dropped from its configuration go away unless someone else still owns them.
  for (const p of previous?.paths ?? []) {
    const stillMine = mine.some((q) => overlaps(p, q));
    const ownedElsewhere = others.some((o) => o.paths.some((q) => overlaps(p, q)));
    if (!stillMine && !ownedElsewhere) deleteAt(result, p);
  }

  const time = nowIso();
  const taken = new Set(conflicts.map((c) => pathKey(c.path)));
  const next: ManagedFieldsEntry[] = [];
  for (const o of others) {
    const kept = o.paths.filter((q) => !mine.some((p) => taken.has(pathKey(p)) && overlaps(p, q)));
    if (kept.length > 0) next.push({ ...o.entry, fieldsV1: toFieldsV1(kept) });
  }
  next.push(entry(opts.manager, 'Apply', opts.apiVersion, mine, time));
  result.metadata = { ...result.metadata, managedFields: withStableTimes(next, live?.metadata.managedFields ?? []) };
  return result;
}

/** Ownership bookkeeping for PUT and non-apply patches: the writer takes the fields it changed. */
export function recordUpdate(
  live: KObject | undefined,
  updated: KObject,
  opts: { manager: string; apiVersion: string; subresource?: string },
): KObject {
  const changed = changedPaths(stripMeta(live), stripMeta(updated)).filter((p) => valueAt(updated, p) !== undefined);
  const prev = live?.metadata.managedFields ?? [];
  if (changed.length === 0) {
    return { ...updated, metadata: { ...updated.metadata, managedFields: prev } };
  }
  const next: ManagedFieldsEntry[] = [];
  let mineFound = false;
  for (const o of owners(live)) {
    const isMine = o.entry.manager === opts.manager && o.entry.operation === 'Update' && o.entry.subresource === opts.subresource;
    let paths = o.paths.filter((q) => !changed.some((p) => overlaps(p, q)) || isMine);
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

function conflictError(
  conflicts: Array<{ manager: string; path: FieldPath }>,
  opts: { apiVersion: string; plural: string; group: string },
): ApiError {
  const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${opts.apiVersion}: ${pathText(c.path)}`);
  const n = conflicts.length;
  return new ApiError(409, 'Conflict', `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${lines.join('\n')}`, {
    ...(opts.group ? { group: opts.group } : {}),
    kind: opts.plural,
    causes: conflicts.map((c, i) => ({ reason: 'FieldManagerConflict', message: lines[i]!, field: pathText(c.path) })),
  });
}
