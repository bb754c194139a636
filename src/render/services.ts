// Lookups in the configured services table; rendering is driven by it, not by hard-coded names.
import type { ServiceConfig, Settings } from '../config/schema.js';

export type BackendService = ServiceConfig & { module: string; jar: string; database: string; apiPath: string };

export function backendServices(settings: Settings): BackendService[] {
  return settings.config.services.filter((s): s is BackendService => s.kind === 'backend');
}

/** The one frontend service (the configuration loader checks there is exactly one). */
export function frontendService(settings: Settings): ServiceConfig {
  const web = settings.config.services.find((s) => s.kind === 'frontend');
  if (!web) throw new Error('internal: the configuration has no frontend service');
  return web;
}

export function findService(settings: Settings, name: string): ServiceConfig {
  const service = settings.config.services.find((s) => s.name === name);
  if (!service) throw new Error(`internal: no service named '${name}' in the configuration`);
  return service;
}

export function findBackend(settings: Settings, name: string): BackendService {
  const service = findService(settings, name);
  if (service.kind !== 'backend') throw new Error(`internal: '${name}' is not a backend service`);
  return service as BackendService;
}

/** `member` → `MEMBER`, `my-svc` → `MY_SVC`: the stem of the frontend's URL variables. */
export function envStem(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** `http://<address>/<service>` for each backend, keyed by the env stem (MEMBER, MYSUB, …). */
export function backendUrls(settings: Settings, ingressAddress: string): Array<[stem: string, url: string]> {
  return backendServices(settings).map((s) => [envStem(s.name), `http://${ingressAddress}/${s.name}`]);
}
