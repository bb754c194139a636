// The scale subresource (`kubectl scale`): an autoscaling/v1 Scale view of spec.replicas.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestInfo, ServerContext } from '../context.js';
import { errors } from '../errors.js';
import { mediaType, parseBody, readBody, readObjectBody, sendJson } from '../http.js';
import { jsonPatch, mergePatch } from '../merge.js';
import { resourceKey, type ResourceDef } from '../resources.js';
import { recordUpdate } from '../ssa.js';
import type { KObject } from '../types.js';

export const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets']);

function toScale(o: KObject): unknown {
  const selector = Object.entries(o.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 1 },
    status: { replicas: o.status?.replicas ?? 0, selector },
  };
}

export async function handleScale(ctx: ServerContext, def: ResourceDef, info: RequestInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const key = resourceKey(def);
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'PUT' && method !== 'PATCH') throw errors.methodNotAllowed();
  // PUT carries a whole Scale (JSON only, 415 otherwise); PATCH a JSON or merge patch.
  const body = method === 'GET' ? undefined : method === 'PUT' ? await readObjectBody(req) : parseBody(await readBody(req), false);
  const live = ctx.store.get(key, info.namespace, info.name!);
  if (!live) throw errors.notFound(def.plural, def.group, info.name!);
  if (method === 'GET') return sendJson(res, 200, toScale(live));
  const current = toScale(live);
  const next = method === 'PUT' ? body : mediaType(req) === 'application/json-patch+json' ? jsonPatch(current, body) : mergePatch(current, body);
  const replicas = next?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw errors.invalid('Scale', 'autoscaling', info.name!, [
      { reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` },
    ]);
  }
  const wanted = body?.metadata?.resourceVersion;
  if (wanted && wanted !== live.metadata.resourceVersion) {
    throw errors.conflict(def.plural, def.group, info.name!, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  const updated = recordUpdate(
    live,
    { ...live, spec: { ...live.spec, replicas } },
    { manager: info.manager, apiVersion: 'autoscaling/v1', subresource: 'scale' },
  );
  const stored = info.dryRun ? updated : ctx.store.replace(key, updated);
  sendJson(res, 200, toScale(stored));
}
