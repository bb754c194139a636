// Clients over one KubeConfig whose requests honour the caller's AbortSignal. client-node 1.4.0 has
// no per-call signal for KubernetesObjectApi (and its discovery requests take no options at all), so
// the signal rides in AsyncLocalStorage and our authentication hook puts it on every request.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CoreV1Api,
  KubernetesObjectApi,
  ServerConfiguration,
  VersionApi,
  Watch,
  createConfiguration,
  type Configuration,
  type KubeConfig,
  type KubernetesObject,
  type RequestContext,
  type ResponseContext,
  type SecurityAuthentication,
} from '@kubernetes/client-node';

const currentSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `fn` so that every Kubernetes request it makes is cancelled by `signal`. */
export function withSignal<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  return currentSignal.run(signal, fn);
}

class SignalAwareAuth implements SecurityAuthentication {
  constructor(private readonly kc: KubeConfig) {}
  getName(): string {
    return 'lifesub';
  }
  async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await this.kc.applySecurityAuthentication(context);
    const signal = currentSignal.getStore();
    if (signal) context.setSignal(signal);
  }
}

/**
 * KubernetesObjectApi that returns the server's JSON as is (client-node would turn known kinds into
 * model classes with Date objects) and can name an object's collection path for watches.
 */
export class PlainObjectApi extends KubernetesObjectApi {
  constructor(configuration: Configuration, kc: KubeConfig) {
    super(configuration);
    this.setDefaultNamespace(kc);
  }

  get namespace(): string {
    return this.defaultNamespace;
  }

  /** "/api/v1/namespaces/ns/services" for a Service in ns (uses cached discovery). */
  collectionPath(apiVersion: string, kind: string, namespace: string | undefined): Promise<string> {
    return this.specUriPath({ apiVersion, kind, metadata: { namespace: namespace ?? this.defaultNamespace } }, 'list');
  }

  protected override async processResponse<T extends KubernetesObject>(response: ResponseContext, type?: string): Promise<T> {
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) return super.processResponse<T>(response, type);
    const text = await response.body.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
}

export interface KubeApis {
  objects: PlainObjectApi;
  core: CoreV1Api;
  version: VersionApi;
}

export function makeApis(kc: KubeConfig, server: string): KubeApis {
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(server, {}),
    authMethods: { default: new SignalAwareAuth(kc) },
  });
  return {
    objects: new PlainObjectApi(configuration, kc),
    core: new CoreV1Api(configuration),
    version: new VersionApi(configuration),
  };
}

export interface WatchHandle {
  watch: Pick<Watch, 'watch'>;
  /** Tears down the watch's connection, even one still waiting for the server's response headers. */
  destroy(): void;
}

/**
 * A Watch for one request. Watch.watch() hands back its AbortController only once the response
 * headers arrive, so a stalled server could hold the socket open after we gave up; client-node makes a
 * fresh agent per request, and destroying that agent closes the socket in every state.
 */
export function newWatch(kc: KubeConfig): WatchHandle {
  let agent: { destroy?: () => void } | undefined;
  const config = Object.create(kc) as KubeConfig;
  config.applyToFetchOptions = async (opts) => {
    const init = await kc.applyToFetchOptions(opts);
    agent = init.agent as { destroy?: () => void } | undefined;
    return init;
  };
  return { watch: new Watch(config), destroy: () => agent?.destroy?.() };
}
