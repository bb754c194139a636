// What the smoke check asks, and what a wrong answer most likely means. Pure: smoke.ts does the I/O.
// The checks replay the browser: load the page, load runtime-env.js, then call one real route of each
// backend through the URL runtime-env.js gives, with the page's Origin (facts: walkthrough.md,
// "The applications": Spring Security refuses an unmapped or unauthenticated path with 403, the CORS
// filter refuses a foreign Origin with 403 "Invalid CORS request"; ingress-nginx answers 404 for no
// route and 503 when the Service has no ready endpoint).
import type { HttpRequest, HttpResponse } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { frontendCallPath } from '../render/index.js';
import { backendServices, envStem } from '../render/services.js';

export interface ApiCheck {
  service: string;
  /** e.g. "POST <MEMBER_URL>/login" */
  route: string;
  request: HttpRequest;
  expect: number[];
}

/** The frontend's runtime-env.js values: `MEMBER_URL` → URL. Single, double or back quotes. */
export function parseRuntimeEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/\b([A-Z][A-Z0-9_]*_URL)\s*:\s*(['"`])(.*?)\2/g)) out[m[1]!] = m[3]!;
  return out;
}

/**
 * One check per backend with a `smoke` probe: `<URL from runtime-env.js>` + what the frontend appends
 * for the probe's route (frontend-contract.ts). Returns the problem instead when runtime-env.js lacks
 * a URL. `connectTo` is applied to URLs whose host is the student's own (not resolvable without DNS).
 */
export function apiChecks(
  settings: Settings,
  runtimeEnv: Record<string, string>,
  basePaths: Record<string, string>,
  webOrigin: string,
  connect: { host?: string; address: string },
): { checks: ApiCheck[]; problems: string[] } {
  const checks: ApiCheck[] = [];
  const problems: string[] = [];
  for (const s of backendServices(settings)) {
    if (!s.smoke) continue;
    const variable = `${envStem(s.name)}_URL`;
    const base = runtimeEnv[variable];
    if (!base) {
      problems.push(`runtime-env.js served by the frontend has no ${variable}: the ConfigMap is not mounted over it, or the page is an old cached build`);
      continue;
    }
    const url = `${base.replace(/\/+$/, '')}${frontendCallPath(s.apiPath, basePaths[s.name] ?? '', s.smoke.path)}`;
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      problems.push(`${variable} in runtime-env.js is not a URL: ${base}`);
      continue;
    }
    checks.push({
      service: s.name,
      route: `${s.smoke.method} <${variable}>${url.slice(base.replace(/\/+$/, '').length)}`,
      request: {
        method: s.smoke.method,
        url,
        headers: { Origin: webOrigin, Accept: 'application/json', ...(s.smoke.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(s.smoke.body !== undefined ? { body: s.smoke.body } : {}),
        ...(connect.host && host.toLowerCase() === connect.host.toLowerCase() ? { connectTo: connect.address } : {}),
      },
      expect: s.smoke.expect,
    });
  }
  return { checks, problems };
}

/** Whether the answer lets the page read it: the CORS header names the page's origin (or *). */
export function corsAllows(res: HttpResponse, origin: string): boolean {
  const allowed = res.headers?.['access-control-allow-origin'];
  return allowed === origin || allowed === '*';
}

/** undefined when the answer proves the route works; else what is wrong and its likely cause. */
export function judge(check: ApiCheck, res: HttpResponse, origin: string): string | undefined {
  const ok = check.expect.includes(res.status);
  const cors = corsAllows(res, origin);
  if (ok && cors) return undefined;
  const status = `status ${res.status}`;
  if (/Invalid CORS request/i.test(res.body) || (ok && !cors)) {
    return `${status} without Access-Control-Allow-Origin ${origin}: CORS refuses the page's origin — ALLOWED_ORIGINS in ConfigMap common-config must contain ${origin}`;
  }
  const html = /<html/i.test(res.body);
  switch (true) {
    case res.status === 403:
      return `${status}: the request reached ${check.service} on a path it does not map (Spring Security refuses those with 403) — the base URL convention is wrong; set frontend.apiBasePaths`;
    case res.status === 404 && html:
      return `${status} from the ingress controller: no ingress route for this host and path — check Ingress backend-ingress and that the host resolves to the ingress address`;
    case res.status === 404:
      return `${status} from ${check.service}: the path is not one of its routes — the base URL convention is wrong; set frontend.apiBasePaths`;
    case res.status === 503:
      return `${status}: no ready backend behind the route — check \`kubectl get pods,endpoints\` for ${check.service}`;
    case res.status === 502 || res.status === 504:
      return `${status}: the ingress could not get an answer from ${check.service} — is it crashing?`;
    case res.status >= 500:
      return `${status}: ${check.service} failed on the request — see its logs`;
    default:
      return `${status}, expected ${check.expect.join(' or ')}`;
  }
}
