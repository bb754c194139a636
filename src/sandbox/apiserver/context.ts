// What request handlers share.
import type { Store } from './store.js';
import type { KObject } from './types.js';
import type { WatchHub } from './watch.js';

export interface RequestInfo {
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  /** Field manager from ?fieldManager= or the client's User-Agent, as the real server derives it. */
  manager: string;
  dryRun: boolean;
  accept?: string;
}

export interface ServerContext {
  store: Store;
  hub: WatchHub;
  allocateIp(): string;
  /** Uids deleted with propagationPolicy=Orphan: the garbage collector leaves their dependents alone. */
  orphans: Set<string>;
  /** Validating admission (webhooks): throws the API server's refusal for an object it will not admit. */
  admit?(kind: string, obj: KObject): void;
  /** Log lines of a pod's container (honours previous= for crashed containers). */
  podLogs(pod: KObject, container: string | undefined, previous: boolean): string[];
}

/** A cluster IP in 10.0.0.0/16 not used by another Service. */
export function clusterIpAllocator(store: Store): () => string {
  return () => {
    const used = new Set(store.list('services').map((s) => s.spec?.clusterIP));
    for (;;) {
      const ip = `10.0.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
      if (!used.has(ip)) return ip;
    }
  };
}
