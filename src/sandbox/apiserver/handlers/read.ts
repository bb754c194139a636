// GET of one object, LIST and WATCH of a collection, with selectors and Table output for kubectl.
import type { ServerResponse } from 'node:http';
import type { RequestInfo, ServerContext } from '../context.js';
import { errors } from '../errors.js';
import { sendJson } from '../http.js';
import { apiVersionOf, resourceKey, type ResourceDef } from '../resources.js';
import { parseFieldSelector, parseLabelSelector } from '../selectors.js';
import { toTable, wantsTable } from '../table.js';
import type { KObject } from '../types.js';

/** Objects as the wire shows them: kind and apiVersion set. */
export function withType(def: ResourceDef, o: KObject): KObject {
  return { ...o, apiVersion: apiVersionOf(def), kind: def.kind };
}

export function getObject(ctx: ServerContext, def: ResourceDef, info: RequestInfo): KObject {
  const obj = ctx.store.get(resourceKey(def), info.namespace, info.name!);
  if (!obj) throw errors.notFound(def.plural, def.group, info.name!);
  return withType(def, obj);
}

export function handleGet(ctx: ServerContext, def: ResourceDef, info: RequestInfo, res: ServerResponse): void {
  const obj = getObject(ctx, def, info);
  if (wantsTable(info.accept)) {
    sendJson(res, 200, toTable(resourceKey(def), [obj], obj.metadata.resourceVersion ?? '', info.query.get('includeObject')));
  } else sendJson(res, 200, obj);
}

function selected(ctx: ServerContext, def: ResourceDef, info: RequestInfo): KObject[] {
  const label = parseLabelSelector(info.query.get('labelSelector'));
  const field = parseFieldSelector(info.query.get('fieldSelector'));
  return ctx.store
    .list(resourceKey(def), info.namespace)
    .filter((o) => label(o) && field(o))
    .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
}

export function listObjects(ctx: ServerContext, def: ResourceDef, info: RequestInfo): { items: KObject[]; rv: string } {
  return { items: selected(ctx, def, info), rv: String(ctx.store.rv) };
}

export function handleList(ctx: ServerContext, def: ResourceDef, info: RequestInfo, res: ServerResponse): void {
  const { items, rv } = listObjects(ctx, def, info);
  if (wantsTable(info.accept)) {
    sendJson(res, 200, toTable(resourceKey(def), items, rv, info.query.get('includeObject')));
    return;
  }
  // Like the real server, items of a typed list carry no kind/apiVersion of their own.
  const bare = items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  sendJson(res, 200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: { resourceVersion: rv }, items: bare });
}

export function handleWatch(ctx: ServerContext, def: ResourceDef, info: RequestInfo, res: ServerResponse): void {
  const label = parseLabelSelector(info.query.get('labelSelector'));
  let field = parseFieldSelector(info.query.get('fieldSelector'));
  // GET …/<name>?watch=1 is the older spelling of a watch on one object.
  if (info.name) {
    const name = info.name;
    const f = field;
    field = (o) => o.metadata.name === name && f(o);
  }
  const rvText = info.query.get('resourceVersion');
  const sendInitialEvents = info.query.get('sendInitialEvents') === 'true';
  const allowBookmarks = info.query.get('allowWatchBookmarks') === 'true';
  checkWatchList(def, info, sendInitialEvents, allowBookmarks);
  // sendInitialEvents with a resourceVersion: the state "not older than" it, i.e. the current state.
  const sinceRv = rvText && rvText !== '0' && !sendInitialEvents ? Number(rvText) : undefined;
  if (sinceRv !== undefined && !Number.isInteger(sinceRv)) throw errors.badRequest(`invalid resourceVersion: ${rvText}`);
  const timeout = Number(info.query.get('timeoutSeconds') ?? '');
  const key = resourceKey(def);
  const table = wantsTable(info.accept);
  const includeObject = info.query.get('includeObject');
  ctx.hub.serve(res, {
    filter: { resource: key, namespace: info.namespace, label, field },
    sinceRv,
    initial: sinceRv === undefined ? ctx.store.list(key, info.namespace).filter((o) => label(o) && field(o)) : undefined,
    timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    encode: (o) => (table ? toTable(key, [o], o.metadata.resourceVersion ?? '', includeObject) : withType(def, o)),
    bookmarks:
      allowBookmarks && !table
        ? { apiVersion: apiVersionOf(def), kind: def.kind, currentRv: () => ctx.store.rv, initialEventsEnd: sendInitialEvents }
        : undefined,
  });
}

/** The checks the real server makes on a streaming list (WatchList, KEP-3157) request. */
function checkWatchList(def: ResourceDef, info: RequestInfo, sendInitialEvents: boolean, allowBookmarks: boolean): void {
  if (!info.query.has('sendInitialEvents')) return;
  const causes = [];
  if (info.query.get('resourceVersionMatch') !== 'NotOlderThan') {
    causes.push({
      reason: 'FieldValueForbidden',
      field: 'resourceVersionMatch',
      message: 'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
    });
  }
  if (sendInitialEvents && !allowBookmarks) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'allowWatchBookmarks',
      message: 'Required value: sendInitialEvents requires setting allowWatchBookmarks to true',
    });
  }
  if (causes.length > 0) throw errors.invalid('ListOptions', 'meta.k8s.io', '', causes);
}
