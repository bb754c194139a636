// A tiny fake Kubernetes API for the helm shim's tests: stores what is applied, answers GET/list/
// DELETE on the same paths, and records every request so tests can check field manager and order.
import { createServer, type Server } from 'node:http';
import type { KubeObject } from '../../../../src/adapters/types.js';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType?: string;
  auth?: string;
}

export interface FakeKube {
  url: string;
  requests: Recorded[];
  objects: Map<string, KubeObject>;
  /** Seeds an object at its REST path (e.g. a namespace or a secret). */
  put(path: string, obj: KubeObject): void;
  close(): Promise<void>;
}

export async function startFakeKube(token: string): Promise<FakeKube> {
  const objects = new Map<string, KubeObject>();
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        contentType: req.headers['content-type'],
        auth: req.headers.authorization,
      });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { kind: 'Status', message: 'Unauthorized' });
      const path = url.pathname;
      if (req.method === 'PATCH') {
        const obj = JSON.parse(body) as KubeObject;
        objects.set(path, obj);
        return send(200, obj);
      }
      if (req.method === 'DELETE') {
        const existed = objects.delete(path);
        return existed ? send(200, { kind: 'Status', status: 'Success' }) : send(404, { kind: 'Status', message: 'not found' });
      }
      const one = objects.get(path);
      if (one) return send(200, one);
      const selector = url.searchParams.get('labelSelector');
      if (selector !== null) {
        const wanted = selector.split(',').map((p) => p.split('=') as [string, string]);
        const items = [...objects.entries()]
          .filter(([p]) => inCollection(p, path))
          .map(([, o]) => o)
          .filter((o) => wanted.every(([k, v]) => o.metadata.labels?.[k] === v));
        return send(200, { kind: 'List', items });
      }
      send(404, { kind: 'Status', message: `${path} not found` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    objects,
    put: (path, obj) => objects.set(path, obj),
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** `/api/v1/namespaces/ns/secrets/x` is in `/api/v1/namespaces/ns/secrets` and in `/api/v1/secrets`. */
function inCollection(objectPath: string, listPath: string): boolean {
  const collection = objectPath.slice(0, objectPath.lastIndexOf('/'));
  if (collection === listPath) return true;
  const m = /^(.*)\/namespaces\/[^/]+\/([^/]+)$/.exec(collection);
  return m !== null && `${m[1]}/${m[2]}` === listPath;
}
