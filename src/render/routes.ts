// Where a student's API lives on the shared ingress controller, and the URLs the frontend gets.
//   host mode (default, the lab's own design): host `<id>.<ingress-ip>.<domain>`; Prefix paths
//     `/api/auth` → member … with no rewrite, so http://<host>/api/auth/login reaches member:/api/auth/login.
//   path mode (no wildcard DNS): no host; regex paths `/<id>(/api/auth(/|$).*)` rewritten to `$1`, so
//     http://<ingress>/<id>/api/auth/login reaches member:/api/auth/login.
// Either way a URL `<root><apiPath><route>` reaches `<route>` under the service's apiPath, and the
// frontend's base URL is `<root>` + the path its API client expects (frontend-contract.ts).
import { UserError } from '../core/errors.js';
import type { Settings } from '../config/schema.js';
import { INGRESS_ADDRESS_PLACEHOLDER } from './constants.js';
import type { ApiBasePaths } from './frontend-contract.js';
import { backendServices, envStem } from './services.js';

export interface StudentRoutes {
  mode: 'host' | 'path';
  /** host mode: the virtual host the Ingress claims (no port). */
  host?: string;
  /** What the browser puts before an API path: `http://<host>[:port]` or `http://<ingress>/<id>`. */
  root: string;
  /** host[:port] to connect to: the ingress controller's LoadBalancer address. */
  connect: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The student's routes for an ingress address `host[:port]`. Throws UserError in host mode when the
 * address is a DNS name rather than an IPv4 address (nip.io/sslip.io can only encode an IP).
 */
export function studentRoutes(settings: Settings, ingressAddress: string): StudentRoutes {
  const { mode, domain } = settings.config.routing;
  if (mode === 'path') return { mode, root: `http://${ingressAddress}/${settings.id}`, connect: ingressAddress };
  const [ip = '', port] = ingressAddress.split(':');
  if (!IPV4.test(ip) && ingressAddress !== INGRESS_ADDRESS_PLACEHOLDER) {
    throw new UserError(
      `the ingress controller's address ${ingressAddress} is not an IPv4 address, so no ${domain} host can point at it`,
      'set routing.mode: path in a --config file (routes under /<id>/ on the address), or routing.domain to a domain with wildcard DNS for it',
    );
  }
  const host = `${settings.id}.${ip}.${domain}`;
  return { mode, host, root: `http://${host}${port ? `:${port}` : ''}`, connect: ingressAddress };
}

/** `<root>` + base path for each backend, keyed by the env stem (MEMBER, MYSUB, …): runtime-env.js. */
export function frontendUrls(settings: Settings, routes: StudentRoutes, basePaths: ApiBasePaths): Array<[stem: string, url: string]> {
  return backendServices(settings).map((s) => {
    const base = basePaths[s.name];
    if (base === undefined) throw new Error(`internal: no API base path for ${s.name}`);
    return [envStem(s.name), `${routes.root}${base}`];
  });
}

/**
 * The convention when lifesub-web was not read (`lifesub render`): today's lab (bases end in apiPath),
 * unless the configuration overrides it.
 */
export function defaultApiBasePaths(settings: Settings): ApiBasePaths {
  return Object.fromEntries(backendServices(settings).map((s) => [s.name, settings.config.frontend.apiBasePaths?.[s.name] ?? s.apiPath]));
}

/** The Ingress path for a service's apiPath: Prefix in host mode, an `/<id>`-prefixed regex in path mode. */
export function ingressPath(settings: Settings, apiPath: string): { path: string; pathType: 'Prefix' | 'ImplementationSpecific' } {
  if (settings.config.routing.mode === 'host') return { path: apiPath, pathType: 'Prefix' };
  return { path: `/${settings.id}(${escapeRegex(apiPath)}(/|$).*)`, pathType: 'ImplementationSpecific' };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
