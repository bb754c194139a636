// The LoadBalancer gateway: one real HTTP listener on 127.0.0.1 per LoadBalancer Service, answering
// what a browser would get from that address — ingress-nginx routing for the ingress controller's
// Service, the app itself for any other (e.g. lifesub-web).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadBalancerPorts } from '../apiserver/controllers/context.js';
import { R } from '../apiserver/resources.js';
import { answerAsApp, nginxError } from './app-responses.js';
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

  constructor(private cluster: ClusterReader) {}

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
    await Promise.all([...this.servers.keys()].map((k) => {
      const [ns = '', name = ''] = k.split('/');
      return this.release(ns, name).catch(() => undefined);
    }));
  }

  private handle(namespace: string, name: string, req: IncomingMessage, res: ServerResponse): void {
    const svc = this.cluster.get(R.services, namespace, name);
    const pathAndQuery = req.url ?? '/';
    if (!svc || readyPodsOf(this.cluster, svc).length === 0) return nginxError(res, 503);
    if (!isIngressControllerService(svc)) {
      return answerAsApp(this.cluster, readyPodsOf(this.cluster, svc)[0]!, req.method ?? 'GET', pathAndQuery, res);
    }
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const match = routeIngress(this.cluster.list(R.ingresses), host, pathAndQuery);
    if (!match) return nginxError(res, 404);
    const backend = this.cluster.get(R.services, match.namespace, match.service);
    const pods = backend ? readyPodsOf(this.cluster, backend) : [];
    if (pods.length === 0) return nginxError(res, 503);
    answerAsApp(this.cluster, pods[0]!, req.method ?? 'GET', match.path, res);
  }
}
