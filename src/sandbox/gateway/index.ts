// The LoadBalancer gateway: one real HTTP listener on 127.0.0.1 per LoadBalancer Service, answering
// what a browser would get from that address — ingress-nginx routing for the ingress controller's
// Service, the app itself for any other (e.g. lifesub-web).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadBalancerPorts } from '../apiserver/controllers/context.js';
import { R } from '../apiserver/resources.js';
import type { ImageCatalog } from '../contract.js';
import { servicePortToPod } from '../apps/ports.js';
import type { AppRequest, World } from '../apps/world.js';
import { nginxError, podAnswer, send } from './app-responses.js';
import { isIngressControllerService, readyPodsOf, type ClusterReader } from './backends.js';
import { routeIngress } from './ingress-routing.js';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export class Gateway implements LoadBalancerPorts {
  private servers = new Map<string, Promise<{ server: Server; port: number }>>();

  private world: World;

  /** `images` lets the frontend know the build args its image was built with. */
  constructor(
    private cluster: ClusterReader,
    images?: ImageCatalog,
  ) {
    this.world = {
      get: (r, ns, n) => cluster.get(r, ns, n),
      list: (r, ns) => cluster.list(r, ns),
      simOf: (o) => cluster.simOf(o),
      imageBuildArgs: (ref) => images?.buildArgs?.(ref),
    };
  }

  ensure(namespace: string, name: string, preferredPort?: number): Promise<number> {
    const key = `${namespace}/${name}`;
    let entry = this.servers.get(key);
    if (!entry) {
      entry = this.open(namespace, name, preferredPort);
      this.servers.set(key, entry);
      entry.catch(() => this.servers.delete(key));
    }
    return entry.then((e) => e.port);
  }

  private async open(namespace: string, name: string, preferredPort?: number): Promise<{ server: Server; port: number }> {
    const server = createServer((req, res) => this.handle(namespace, name, req, res));
    let port: number;
    try {
      port = await listen(server, preferredPort ?? 0);
    } catch (err) {
      // The remembered port is taken (another process?): any free port will do.
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !preferredPort) throw err;
      port = await listen(server, 0);
    }
    return { server, port };
  }

  async release(namespace: string, name: string): Promise<void> {
    const key = `${namespace}/${name}`;
    const entry = this.servers.get(key);
    if (!entry) return;
    this.servers.delete(key);
    const { server } = await entry;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.servers.keys()].map((k) => {
        const [ns = '', name = ''] = k.split('/');
        return this.release(ns, name).catch(() => undefined);
      }),
    );
  }

  private handle(namespace: string, name: string, req: IncomingMessage, res: ServerResponse): void {
    readBody(req)
      .then((body) => this.route(namespace, name, req, body, res))
      .catch(() => res.destroy());
  }

  private route(namespace: string, name: string, req: IncomingMessage, body: string, res: ServerResponse): void {
    const svc = this.cluster.get(R.services, namespace, name);
    // A cloud load balancer with no healthy backend drops the connection.
    const front = svc ? readyPodsOf(this.cluster, svc) : [];
    if (!svc || front.length === 0) return void res.destroy();
    const url = req.url ?? '/';
    if (!isIngressControllerService(svc)) {
      const pod = front[0]!;
      const port = servicePortToPod(svc, pod, svc.spec?.ports?.[0]?.port);
      const answer = port === undefined ? 'refused' : podAnswer(this.world, pod, appRequest(req, url, body, port));
      if (answer === 'refused') return void res.destroy();
      return send(res, answer, req.method === 'HEAD');
    }
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const match = routeIngress(this.cluster, this.cluster.list(R.ingresses), host, url);
    if (!match) return nginxError(res, 404);
    const backend = this.cluster.get(R.services, match.namespace, match.service);
    const pods = backend ? readyPodsOf(this.cluster, backend) : [];
    // An upstream without endpoints (no such Service or port, nothing Ready) is a 503 from nginx.
    const pod = pods[0];
    const port = backend && pod ? servicePortToPod(backend, pod, match.port) : undefined;
    if (!backend || !pod || port === undefined) return nginxError(res, 503);
    const answer = podAnswer(this.world, pod, appRequest(req, match.path, body, port));
    if (answer === 'refused') return nginxError(res, 502);
    send(res, answer, req.method === 'HEAD');
  }
}

function appRequest(req: IncomingMessage, pathAndQuery: string, body: string, port: number): AppRequest {
  const [path = '/', query = ''] = pathAndQuery.split(/\?(.*)/s, 2);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { method: req.method ?? 'GET', path, query: new URLSearchParams(query), headers, body, port };
}

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
