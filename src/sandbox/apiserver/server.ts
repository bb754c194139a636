// The request pipeline: authentication, simulated latency, injected faults, then routing to handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestInfo, ServerContext } from './context.js';
import { SERVER_VERSION, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.js';
import { errors } from './errors.js';
import type { FaultInjector } from './faults.js';
import { handleDelete, handleDeleteCollection } from './handlers/delete.js';
import { handleLogs } from './handlers/logs.js';
import { SCALABLE, handleScale } from './handlers/scale.js';
import { handleGet, handleList, handleWatch } from './handlers/read.js';
import { handleCreate, handlePatch, handleUpdate } from './handlers/write.js';
import { sendError, sendJson } from './http.js';
import { negotiateOpenApiV2, openApiV3GroupVersion, openApiV3Root } from './openapi.js';
import { route, type Route } from './router.js';

export interface PipelineOptions {
  token: string;
  faults: FaultInjector;
  /** Simulated round-trip latency for this request, in ms. */
  latencyMs: () => number;
  serverAddress: () => string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms).unref() : resolve()));
}

/**
 * A request carrying credentials must carry the sandbox token. A request without any is let in as the
 * anonymous user: client-go (kubectl, helm) never sends credentials to a plain-http server — clientcmd
 * only merges a user's auth info when the transport is TLS — and the server listens on loopback only.
 */
function authenticated(header: string | undefined, token: string): boolean {
  return header === undefined || header === `Bearer ${token}`;
}

function managerOf(req: IncomingMessage, query: URLSearchParams): string {
  const explicit = query.get('fieldManager');
  if (explicit) return explicit;
  const agent = req.headers['user-agent'] ?? '';
  return agent.split('/')[0] || 'unknown';
}

export function createPipeline(ctx: ServerContext, opts: PipelineOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (!authenticated(req.headers.authorization, opts.token)) throw errors.unauthorized();
      await sleep(opts.latencyMs());
      const url = new URL(req.url ?? '/', 'http://sandbox');
      if (process.env.LIFESUB_SANDBOX_DEBUG) console.error(`[sandbox] ${req.method} ${req.url} accept=${req.headers.accept ?? ''}`);
      const r = route(url.pathname);
      const request =
        r.type === 'resource'
          ? {
              method: req.method ?? 'GET',
              def: r.def,
              namespace: r.namespace,
              name: r.name,
              watch: url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1',
            }
          : undefined;
      const decision = opts.faults.decide(url.pathname, r.type === 'discovery' || r.type === 'group' || r.type === 'resourceList', request);
      if (decision.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (decision.kind === 'status') throw decision.error;
      await dispatch(ctx, opts, r, url, req, res);
    } catch (err) {
      sendError(res, err);
    }
  };
}

async function dispatch(ctx: ServerContext, opts: PipelineOptions, r: Route, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  if (r.type !== 'resource' && method !== 'GET') throw errors.methodNotAllowed();
  switch (r.type) {
    case 'discovery':
      if (r.doc === 'version') return sendJson(res, 200, SERVER_VERSION);
      if (r.doc === 'api') return sendJson(res, 200, apiVersions(opts.serverAddress()));
      if (r.doc === 'apis') return sendJson(res, 200, apiGroupList());
      if (r.doc === 'openapi') {
        const path = url.pathname.replace(/\/$/, '');
        if (path === '/openapi/v2') {
          const { body, contentType } = negotiateOpenApiV2(req.headers.accept);
          res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
          return void res.end(body);
        }
        const doc = path === '/openapi/v3' ? openApiV3Root() : openApiV3GroupVersion(url.pathname);
        if (!doc) throw errors.pageNotFound();
        return sendJson(res, 200, doc);
      }
      if (r.doc === 'healthz') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return void res.end('ok');
      }
      throw errors.pageNotFound();
    case 'group': {
      const doc = apiGroup(r.group);
      if (!doc) throw errors.pageNotFound();
      return sendJson(res, 200, doc);
    }
    case 'resourceList': {
      const doc = apiResourceList(r.group, r.version);
      if (!doc) throw errors.pageNotFound();
      return sendJson(res, 200, doc);
    }
    case 'unknown':
      throw errors.pageNotFound();
    case 'resource':
      break;
  }
  const { def } = r;
  const info: RequestInfo = {
    namespace: r.namespace,
    name: r.name,
    subresource: r.subresource,
    query: url.searchParams,
    manager: managerOf(req, url.searchParams),
    dryRun: url.searchParams.getAll('dryRun').includes('All'),
    accept: req.headers.accept,
  };
  const watching = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  if (r.subresource) {
    if (r.subresource === 'log' && def.plural === 'pods' && method === 'GET') return handleLogs(ctx, info, res);
    if (r.subresource === 'scale' && SCALABLE.has(def.plural)) return handleScale(ctx, def, info, req, res);
    if (r.subresource !== 'status' || !def.status) throw errors.pageNotFound();
    if (method === 'GET') return handleGet(ctx, def, info, res);
    if (method === 'PUT') return handleUpdate(ctx, def, info, req, res);
    if (method === 'PATCH') return handlePatch(ctx, def, info, req, res);
    throw errors.methodNotAllowed();
  }
  if (!r.name) {
    if (method === 'GET') return watching ? handleWatch(ctx, def, info, res) : handleList(ctx, def, info, res);
    if (method === 'POST' && (r.namespace !== undefined || !def.namespaced)) return handleCreate(ctx, def, info, req, res);
    if (method === 'DELETE') return handleDeleteCollection(ctx, def, info, res);
    throw errors.methodNotAllowed();
  }
  if (method === 'GET') return watching ? handleWatch(ctx, def, info, res) : handleGet(ctx, def, info, res);
  if (method === 'PUT') return handleUpdate(ctx, def, info, req, res);
  if (method === 'PATCH') return handlePatch(ctx, def, info, req, res);
  if (method === 'DELETE') return handleDelete(ctx, def, info, res);
  throw errors.methodNotAllowed();
}
