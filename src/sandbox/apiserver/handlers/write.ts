// POST (create), PUT (update) and PATCH (apply, merge, strategic, JSON patch), including the /status
// subresource. Every write goes through the same checks, defaults and ownership bookkeeping.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestInfo, ServerContext } from '../context.js';
import { applyDefaults } from '../defaults.js';
import { ApiError, errors } from '../errors.js';
import { mediaType, parseBody, readBody, readObjectBody, sendJson } from '../http.js';
import { clone, isPlainObject, jsonPatch, mergePatch, strategicMergePatch } from '../merge.js';
import { R, apiVersionOf, resourceKey, type ResourceDef } from '../resources.js';
import { checkApplyFields, enforceFieldValidation, fieldValidationOf } from '../fieldcheck.js';
import { removeIfFinalized } from '../lifecycle.js';
import { admitPod } from '../quota.js';
import { recordUpdate, serverSideApply } from '../ssa.js';
import type { Json, KObject } from '../types.js';
import { validate } from '../validate.js';
import { withType } from './read.js';

/** Namespaced objects need a live namespace; a Terminating one accepts no new objects (403, as the real server). */
function checkNamespaceForCreate(ctx: ServerContext, def: ResourceDef, ns: string | undefined, name: string): void {
  if (!def.namespaced) return;
  const nsObj = ctx.store.get(R.namespaces, undefined, ns ?? '');
  if (!nsObj) throw errors.notFound('namespaces', '', ns ?? '');
  if (nsObj.metadata.deletionTimestamp) {
    const err = errors.forbidden(def.plural, def.group, name, `unable to create new content in namespace ${ns} because it is being terminated`);
    err.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }];
    throw err;
  }
}

/**
 * What the Job registry does on create (unless spec.manualSelector): the selector on the Job's own uid
 * and the same labels on the pod template, so pods and `kubectl logs/describe job` find each other.
 */
function defaultJobSelector(job: KObject): void {
  if (!isPlainObject(job.spec) || job.spec.manualSelector || job.spec.selector) return;
  const uid = (job.metadata.uid ??= randomUUID());
  const name = job.metadata.name;
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  job.spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  if (isPlainObject(job.spec.template)) {
    job.spec.template.metadata = { ...job.spec.template.metadata, labels: { ...job.spec.template.metadata?.labels, ...labels } };
  }
}

/** Normalizes a written object: identity from the URL, defaults, validation, server-owned status. */
function finish(ctx: ServerContext, def: ResourceDef, info: RequestInfo, obj: Json, live: KObject | undefined): KObject {
  if (!isPlainObject(obj)) throw errors.badRequest('the request body must be a JSON object');
  const key = resourceKey(def);
  const out = obj as KObject;
  out.apiVersion = apiVersionOf(def);
  out.kind = def.kind;
  out.metadata = isPlainObject(out.metadata) ? out.metadata : ({} as KObject['metadata']);
  if (info.namespace && out.metadata.namespace && out.metadata.namespace !== info.namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (def.namespaced) out.metadata.namespace = info.namespace;
  else delete out.metadata.namespace;
  if (info.subresource === 'status') {
    // Writes to /status change only status; everything else stays as stored.
    if (!live) throw errors.notFound(def.plural, def.group, info.name ?? '');
    return { ...clone(live), status: out.status };
  }
  if (def.status && key !== R.namespaces) out.status = live ? clone(live.status) : undefined;
  if (out.status === undefined) delete out.status;
  if (live?.metadata.deletionTimestamp) out.metadata.deletionTimestamp = live.metadata.deletionTimestamp;
  if (live?.metadata.deletionGracePeriodSeconds !== undefined) out.metadata.deletionGracePeriodSeconds = live.metadata.deletionGracePeriodSeconds;
  if (key === R.jobs && !live) defaultJobSelector(out);
  applyDefaults(key, out, ctx.allocateIp);
  if (key === R.namespaces && live) out.status = clone(live.status);
  checkFinalizers(def, out, live);
  validate(def, key, out);
  ctx.admit?.(def.kind, out);
  return out;
}

function commit(ctx: ServerContext, def: ResourceDef, info: RequestInfo, obj: KObject, live: KObject | undefined): KObject {
  const key = resourceKey(def);
  if (info.dryRun) return withType(def, live ? { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion } } : obj);
  const stored = live ? ctx.store.replace(key, obj) : ctx.store.create(key, obj);
  // The write that takes the last finalizer off an object being deleted completes the deletion.
  removeIfFinalized(ctx.store, key, stored);
  return withType(def, stored);
}

/** A Terminating object takes no new finalizers (the real server's validation). */
function checkFinalizers(def: ResourceDef, obj: KObject, live: KObject | undefined): void {
  if (!live?.metadata.deletionTimestamp) return;
  const before = new Set(live.metadata.finalizers ?? []);
  const added = (obj.metadata.finalizers ?? []).filter((f) => !before.has(f));
  if (added.length > 0) {
    throw errors.invalid(def.kind, def.group, obj.metadata.name, [
      {
        reason: 'FieldValueForbidden',
        field: 'metadata.finalizers',
        message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
      },
    ]);
  }
}

function checkResourceVersion(def: ResourceDef, body: Json, live: KObject): void {
  const want = body?.metadata?.resourceVersion;
  if (want !== undefined && want !== null && want !== '' && want !== live.metadata.resourceVersion) {
    throw errors.conflict(
      def.plural,
      def.group,
      live.metadata.name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  }
}

export async function handleCreate(ctx: ServerContext, def: ResourceDef, info: RequestInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readObjectBody(req);
  if (!isPlainObject(body)) throw errors.badRequest('the request body must be a JSON object');
  const meta = (body.metadata ??= {});
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomBytes(3).toString('hex').slice(0, 5)}`;
  if (!meta.name)
    throw errors.invalid(def.kind, def.group, '', [
      { reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  delete meta.resourceVersion;
  delete meta.uid;
  enforceFieldValidation(def, body, fieldValidationOf(info.query), res);
  const obj = finish(ctx, def, info, body, undefined);
  checkNamespaceForCreate(ctx, def, info.namespace, obj.metadata.name);
  if (ctx.store.get(resourceKey(def), info.namespace, obj.metadata.name)) throw errors.alreadyExists(def.plural, def.group, obj.metadata.name);
  if (resourceKey(def) === R.pods && !info.dryRun) admitPod(ctx.store, obj);
  const owned = recordUpdate(undefined, obj, { manager: info.manager, apiVersion: apiVersionOf(def) });
  sendJson(res, 201, commit(ctx, def, info, owned, undefined));
}

export async function handleUpdate(ctx: ServerContext, def: ResourceDef, info: RequestInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readObjectBody(req);
  if (body?.metadata?.name && body.metadata.name !== info.name) {
    throw errors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${info.name})`);
  }
  const live = ctx.store.get(resourceKey(def), info.namespace, info.name!);
  if (!live) throw errors.notFound(def.plural, def.group, info.name!);
  checkResourceVersion(def, body, live);
  enforceFieldValidation(def, body, fieldValidationOf(info.query), res);
  body.metadata = { ...body.metadata, name: info.name, managedFields: live.metadata.managedFields };
  const obj = finish(ctx, def, info, body, live);
  const owned = recordUpdate(live, obj, { manager: info.manager, apiVersion: apiVersionOf(def), subresource: info.subresource });
  sendJson(res, 200, commit(ctx, def, info, owned, live));
}

export async function handlePatch(ctx: ServerContext, def: ResourceDef, info: RequestInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = mediaType(req);
  const key = resourceKey(def);
  const text = await readBody(req);
  // Read the live object only after the body has arrived: nothing may write between read and commit.
  const live = ctx.store.get(key, info.namespace, info.name!);
  if (type === 'application/apply-patch+yaml') {
    if (!info.query.get('fieldManager')) throw errors.badRequest('PATCH requests with apply must set the fieldManager query parameter');
    const body = parseBody(text, true);
    if (!isPlainObject(body)) throw errors.badRequest('the apply configuration must be an object');
    if (body.metadata?.name && body.metadata.name !== info.name) {
      throw errors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${info.name})`);
    }
    if (live) checkResourceVersion(def, body, live);
    fieldValidationOf(info.query);
    checkApplyFields(def, body, info.namespace, info.name!);
    body.metadata = { ...body.metadata, name: info.name };
    delete body.metadata.managedFields;
    // The registry chooses the uid of a new object (store.create keeps one set here on purpose).
    if (!live) delete body.metadata.uid;
    if (!live) checkNamespaceForCreate(ctx, def, info.namespace, info.name!);
    const applied = finishApplyInput(def, info, body);
    const merged = serverSideApply(live, applied, {
      manager: info.manager,
      force: info.query.get('force') === 'true',
      apiVersion: apiVersionOf(def),
      plural: def.plural,
      group: def.group,
    });
    const obj = finish(ctx, def, info, merged, live);
    if (!live && resourceKey(def) === R.pods && !info.dryRun) admitPod(ctx.store, obj);
    sendJson(res, live ? 200 : 201, commit(ctx, def, info, obj, live));
    return;
  }
  if (!live) throw errors.notFound(def.plural, def.group, info.name!);
  const patch = parseBody(text, false);
  let patched: Json;
  try {
    if (type === 'application/merge-patch+json') patched = mergePatch(live, patch);
    else if (type === 'application/strategic-merge-patch+json') patched = strategicMergePatch(live, patch);
    else if (type === 'application/json-patch+json') patched = jsonPatch(live, patch);
    else throw errors.unsupportedMediaType(type);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(422, 'Invalid', (e as Error).message);
  }
  if (isPlainObject(patch)) checkResourceVersion(def, patch, live);
  enforceFieldValidation(def, patched, fieldValidationOf(info.query), res);
  patched.metadata = { ...patched.metadata, name: live.metadata.name, namespace: live.metadata.namespace, managedFields: live.metadata.managedFields };
  const obj = finish(ctx, def, info, patched, live);
  const owned = recordUpdate(live, obj, { manager: info.manager, apiVersion: apiVersionOf(def), subresource: info.subresource });
  sendJson(res, 200, commit(ctx, def, info, owned, live));
}

/** The applied configuration with the URL's namespace, so paths compare like the stored object's. */
function finishApplyInput(def: ResourceDef, info: RequestInfo, body: Json): KObject {
  const applied = clone(body) as KObject;
  applied.apiVersion = apiVersionOf(def);
  applied.kind = def.kind;
  if (def.namespaced) applied.metadata.namespace = info.namespace;
  if (def.status && info.subresource !== 'status') delete applied.status;
  return applied;
}
