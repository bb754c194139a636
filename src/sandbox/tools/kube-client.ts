// The helm shim's way to the cluster: the kubeconfig's server and bearer token, plain fetch, REST
// paths for the handful of kinds the simulated charts create, and server-side apply.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { KubeObject } from '../../adapters/types.js';
import { ToolExit } from './runtime.js';

const RESOURCES: Record<string, { plural: string; namespaced: boolean }> = {
  Namespace: { plural: 'namespaces', namespaced: false },
  Secret: { plural: 'secrets', namespaced: true },
  ConfigMap: { plural: 'configmaps', namespaced: true },
  Service: { plural: 'services', namespaced: true },
  PersistentVolumeClaim: { plural: 'persistentvolumeclaims', namespaced: true },
  Deployment: { plural: 'deployments', namespaced: true },
  StatefulSet: { plural: 'statefulsets', namespaced: true },
  IngressClass: { plural: 'ingressclasses', namespaced: false },
};

/** client-go's rest.Request default (maxRetries: 10). */
const CLIENT_GO_MAX_RETRIES = 10;

export interface Target {
  server: string;
  token: string;
}

interface KubeconfigShape {
  'current-context'?: string;
  contexts?: Array<{ name: string; context: { cluster: string; user: string } }>;
  clusters?: Array<{ name: string; cluster: { server: string } }>;
  users?: Array<{ name: string; user: { token?: string } }>;
}

/** Server URL and token of a kubeconfig context, with helm's wording when something is missing. */
export function loadTarget(file: string | undefined, context: string | undefined): Target {
  if (!file) throw new ToolExit(1, 'Error: kubernetes cluster unreachable: no kubeconfig (set --kubeconfig or KUBECONFIG)');
  let config: KubeconfigShape;
  try {
    config = (parse(readFileSync(file, 'utf8')) ?? {}) as KubeconfigShape;
  } catch (err) {
    throw new ToolExit(1, `Error: kubernetes cluster unreachable: ${(err as Error).message}`);
  }
  const name = context ?? config['current-context'];
  const ctx = config.contexts?.find((c) => c.name === name);
  if (!ctx) throw new ToolExit(1, `Error: kubernetes cluster unreachable: context "${name ?? ''}" does not exist`);
  const cluster = config.clusters?.find((c) => c.name === ctx.context.cluster);
  const user = config.users?.find((u) => u.name === ctx.context.user);
  if (!cluster) throw new ToolExit(1, `Error: kubernetes cluster unreachable: cluster "${ctx.context.cluster}" does not exist`);
  return { server: cluster.cluster.server.replace(/\/$/, ''), token: user?.user.token ?? '' };
}

export class KubeRequestError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function pathOf(apiVersion: string, kind: string, namespace: string | undefined, name?: string): string {
  const resource = RESOURCES[kind];
  if (!resource) throw new Error(`no REST mapping for kind ${kind}`);
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const ns = resource.namespaced ? `/namespaces/${namespace ?? 'default'}` : '';
  return `${base}${ns}/${resource.plural}${name ? `/${name}` : ''}`;
}

export class KubeClient {
  constructor(
    private readonly target: Target,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * One API call, retried the way client-go's rest.Request does (it is what real helm uses): up to 10
   * times when the server answers 429 or 5xx *with* Retry-After (after waiting that long), and for GETs
   * when the connection was reset or closed. Anything else reaches helm's caller as an error.
   */
  async request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: unknown }> {
    for (let retries = 0; ; retries++) {
      let res: { status: number; json: unknown; retryAfter: string | null };
      try {
        res = await this.requestOnce(method, path, body, contentType);
      } catch (err) {
        if (retries < CLIENT_GO_MAX_RETRIES && method === 'GET' && err instanceof ToolExit && / EOF$/.test(err.message)) continue;
        throw err;
      }
      const seconds = res.retryAfter === null ? NaN : Number(res.retryAfter);
      if (retries < CLIENT_GO_MAX_RETRIES && (res.status === 429 || res.status >= 500) && Number.isFinite(seconds)) {
        await new Promise((r) => setTimeout(r, Math.max(0, seconds) * 1000));
        if (this.signal.aborted) throw this.signal.reason;
        continue;
      }
      return { status: res.status, json: res.json };
    }
  }

  private async requestOnce(method: string, path: string, body: unknown, contentType: string): Promise<{ status: number; json: unknown; retryAfter: string | null }> {
    let res: Response;
    try {
      res = await fetch(this.target.server + path, {
        method,
        headers: {
          authorization: `Bearer ${this.target.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: this.signal,
      });
    } catch (err) {
      if (this.signal.aborted) throw err;
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      // A connection the server dropped mid-request: Go's net/http says `Get "<url>": EOF`.
      if (cause === 'UND_ERR_SOCKET' || cause === 'ECONNRESET') {
        throw new ToolExit(1, `Error: ${method.charAt(0)}${method.slice(1).toLowerCase()} "${this.target.server}${path}": EOF`);
      }
      const url = new URL(this.target.server);
      throw new ToolExit(1, `Error: Kubernetes cluster unreachable: Get "${this.target.server}/version": dial tcp ${url.host}: ${cause === 'ECONNREFUSED' ? 'connect: connection refused' : cause}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json, retryAfter: res.headers.get('retry-after') };
  }

  /** The object, or undefined on 404. */
  async get(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    const res = await this.request('GET', pathOf(apiVersion, kind, namespace, name));
    if (res.status === 404) return undefined;
    return this.check(res) as KubeObject;
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined, labelSelector: string): Promise<KubeObject[]> {
    const path = namespace === undefined ? pathOf(apiVersion, kind, undefined).replace('/namespaces/default', '') : pathOf(apiVersion, kind, namespace);
    const res = await this.request('GET', `${path}?labelSelector=${encodeURIComponent(labelSelector)}`);
    return ((this.check(res) as { items?: KubeObject[] }).items ?? []);
  }

  /** Server-side apply with field manager "helm". */
  async apply(obj: KubeObject): Promise<KubeObject> {
    const path = pathOf(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
    const res = await this.request('PATCH', `${path}?fieldManager=helm&force=true`, obj, 'application/apply-patch+yaml');
    return this.check(res) as KubeObject;
  }

  /** True when something was deleted, false when it was already gone. */
  async delete(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<boolean> {
    const res = await this.request('DELETE', pathOf(apiVersion, kind, namespace, name), { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    if (res.status === 404) return false;
    this.check(res);
    return true;
  }

  private check(res: { status: number; json: unknown }): unknown {
    if (res.status >= 200 && res.status < 300) return res.json;
    const message = (res.json as { message?: string } | undefined)?.message ?? `the server responded with status ${res.status}`;
    throw new KubeRequestError(res.status, message);
  }
}
