// A tiny Kubernetes API server for the KubeClient tests: discovery, CRUD on a flat store, list with
// selectors, and newline-delimited watch streams. Records every request; faults are scripted.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType?: string;
  auth?: string;
  body: string;
}

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; [k: string]: unknown };
  [k: string]: unknown;
};

const CORE = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'v1',
  resources: [
    { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['get', 'list', 'watch', 'create', 'delete', 'patch'] },
    { name: 'services', singularName: 'service', namespaced: true, kind: 'Service', verbs: ['get', 'list', 'watch', 'create', 'delete', 'patch'] },
    { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['get', 'list', 'watch', 'create', 'delete', 'patch'] },
    { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list', 'watch'] },
  ],
};
const APPS = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'apps/v1',
  resources: [
    { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['get', 'list', 'watch', 'create', 'delete', 'patch'] },
  ],
};

interface Watcher {
  collection: string;
  name?: string;
  res: ServerResponse;
}

export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  /** Responses to serve instead of the normal ones, consumed one per non-discovery request. */
  readonly faults: Array<{ status: number; message?: string } | 'hang'> = [];
  /** Close each watch stream after this many ms (simulates the server ending watches). */
  closeWatchesAfterMs?: number;
  readonly logs = new Map<string, string>();
  private readonly store = new Map<string, Obj>();
  private readonly watchers = new Set<Watcher>();
  private rv = 100;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers) w.res.end();
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /** Puts an object at its REST path ("/api/v1/namespaces/ns/services/x") and notifies watchers. */
  put(path: string, obj: Obj): Obj {
    const existed = this.store.has(path);
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } };
    this.store.set(path, stored);
    this.notify(path, existed ? 'MODIFIED' : 'ADDED', stored);
    return stored;
  }

  remove(path: string): void {
    const obj = this.store.get(path);
    if (!obj) return;
    this.store.delete(path);
    this.notify(path, 'DELETED', obj);
  }

  object(path: string): Obj | undefined {
    return this.store.get(path);
  }

  private notify(path: string, type: string, obj: Obj): void {
    const collection = path.slice(0, path.lastIndexOf('/'));
    for (const w of this.watchers) {
      if (w.collection === collection && (!w.name || w.name === obj.metadata.name)) w.res.write(`${JSON.stringify({ type, object: obj })}\n`);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const body = Buffer.concat(chunks).toString('utf8');
    this.requests.push({
      method: req.method ?? '',
      path,
      query: url.searchParams,
      contentType: req.headers['content-type'],
      auth: req.headers.authorization,
      body,
    });
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const status = (code: number, reason: string, message: string) =>
      send(code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, message, code });

    if (path === '/api/v1' && req.method === 'GET') return send(200, CORE);
    if (path === '/apis/apps/v1' && req.method === 'GET') return send(200, APPS);
    const fault = this.faults.shift();
    if (fault === 'hang') return; // never answers
    if (fault) return status(fault.status, 'Fault', fault.message ?? `injected ${fault.status}`);
    if (path === '/version') return send(200, { major: '1', minor: '30', gitVersion: 'v1.30.4' });

    const log = /\/pods\/([^/]+)\/log$/.exec(path);
    if (log) {
      const text = this.logs.get(log[1]!);
      if (text === undefined) return status(404, 'NotFound', `pods "${log[1]}" not found`);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(text);
      return;
    }

    const isCollection = this.isCollection(path);
    if (req.method === 'GET' && isCollection && url.searchParams.get('watch') === 'true') {
      this.watch(path, url.searchParams, res);
      return;
    }
    if (req.method === 'GET' && isCollection) {
      const name = /^metadata\.name=(.+)$/.exec(url.searchParams.get('fieldSelector') ?? '')?.[1];
      const items = [...this.store.entries()].filter(([p, o]) => p.startsWith(`${path}/`) && (!name || o.metadata.name === name)).map(([, o]) => o);
      return send(200, {
        kind: 'List',
        apiVersion: 'v1',
        metadata: { resourceVersion: String(this.rv) },
        items: items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
      });
    }
    if (req.method === 'POST' && isCollection) {
      const obj = JSON.parse(body) as Obj;
      const at = `${path}/${obj.metadata.name}`;
      if (this.store.has(at)) return status(409, 'AlreadyExists', `"${obj.metadata.name}" already exists`);
      return send(201, this.put(at, obj));
    }
    const existing = this.store.get(path);
    if (req.method === 'GET') return existing ? send(200, existing) : status(404, 'NotFound', `${path} not found`);
    if (req.method === 'PATCH') return send(200, this.put(path, { ...(JSON.parse(body) as Obj), status: existing?.status }));
    if (req.method === 'DELETE') {
      if (!existing) return status(404, 'NotFound', `${path} not found`);
      this.remove(path);
      return send(200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
    }
    status(405, 'MethodNotAllowed', 'no');
  }

  private isCollection(path: string): boolean {
    const parts = path.split('/').filter(Boolean);
    const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
    return rest[0] === 'namespaces' ? rest.length === 1 || rest.length === 3 : rest.length === 1;
  }

  private watch(collection: string, query: URLSearchParams, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const name = /^metadata\.name=(.+)$/.exec(query.get('fieldSelector') ?? '')?.[1];
    const watcher: Watcher = { collection, name, res };
    this.watchers.add(watcher);
    // Without a resourceVersion a real server first sends the current state as ADDED events; with one,
    // it replays what changed since (here: the current state when it is newer).
    const since = Number(query.get('resourceVersion') ?? '0');
    for (const [p, o] of this.store) {
      if (!p.startsWith(`${collection}/`) || (name && o.metadata.name !== name)) continue;
      if (Number(o.metadata.resourceVersion) > since) res.write(`${JSON.stringify({ type: since ? 'MODIFIED' : 'ADDED', object: o })}\n`);
    }
    res.on('close', () => this.watchers.delete(watcher));
    if (this.closeWatchesAfterMs !== undefined) setTimeout(() => res.end(), this.closeWatchesAfterMs);
  }

  get openWatches(): number {
    return this.watchers.size;
  }
}

export function kubeconfigYaml(server: string, token: string, contexts = ['lab']): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: fake',
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: student',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    ...contexts.flatMap((c) => [`- name: ${c}`, '  context:', '    cluster: fake', '    user: student', '    namespace: alice-lifesub-ns']),
    `current-context: ${contexts[0]}`,
    '',
  ].join('\n');
}
