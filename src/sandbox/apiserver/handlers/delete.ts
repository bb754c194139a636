// DELETE of one object or a collection. Namespaces only go Terminating here; the namespace controller
// empties and removes them later. Dependents (ownerReferences) are removed by the garbage collector.
import type { ServerResponse } from 'node:http';
import type { RequestInfo, ServerContext } from '../context.js';
import { errors } from '../errors.js';
import { sendJson } from '../http.js';
import { R, apiVersionOf, resourceKey, type ResourceDef } from '../resources.js';
import { deleteOrMark, hasFinalizers } from '../lifecycle.js';
import { isoSeconds } from '../store.js';
import type { KObject } from '../types.js';
import { listObjects, withType } from './read.js';

function deleteOne(ctx: ServerContext, def: ResourceDef, info: RequestInfo, live: KObject): KObject | Record<string, unknown> {
  const key = resourceKey(def);
  if (key === R.namespaces) {
    if (live.metadata.deletionTimestamp || info.dryRun) return withType(def, live);
    const terminating: KObject = {
      ...live,
      metadata: { ...live.metadata, deletionTimestamp: isoSeconds(Date.now()) },
      status: { ...live.status, phase: 'Terminating' },
    };
    ctx.store.simOf(live).deletionMs = Date.now();
    return withType(def, ctx.store.replace(key, terminating));
  }
  if (hasFinalizers(live)) {
    // Marked, not removed: the answer is the object itself, as the real server answers.
    if (info.dryRun)
      return withType(def, { ...live, metadata: { ...live.metadata, deletionTimestamp: live.metadata.deletionTimestamp ?? isoSeconds(Date.now()) } });
    return withType(def, deleteOrMark(ctx.store, key, live)!);
  }
  if (!info.dryRun) {
    if (info.query.get('propagationPolicy') === 'Orphan' || info.query.get('orphanDependents') === 'true') {
      ctx.orphans.add(live.metadata.uid ?? '');
    }
    ctx.store.remove(key, live.metadata.namespace, live.metadata.name);
  }
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: live.metadata.name, ...(def.group ? { group: def.group } : {}), kind: def.plural, uid: live.metadata.uid },
  };
}

export function handleDelete(ctx: ServerContext, def: ResourceDef, info: RequestInfo, res: ServerResponse): void {
  const live = ctx.store.get(resourceKey(def), info.namespace, info.name!);
  if (!live) throw errors.notFound(def.plural, def.group, info.name!);
  sendJson(res, 200, deleteOne(ctx, def, info, live));
}

export function handleDeleteCollection(ctx: ServerContext, def: ResourceDef, info: RequestInfo, res: ServerResponse): void {
  if (resourceKey(def) === R.namespaces) throw errors.methodNotAllowed();
  const { items, rv } = listObjects(ctx, def, info);
  for (const o of items) deleteOne(ctx, def, info, o);
  sendJson(res, 200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: { resourceVersion: rv }, items });
}
