// Whether the lab's URLs answer, asked the way `up`'s smoke check asks (smoke-checks.ts): the page and
// runtime-env.js must answer 200, and each backend's probe route, called through the URL runtime-env.js
// gives with the page's Origin, must answer as the service's own code would. One try each, no retries:
// `status` reports the moment, it does not wait.
import type { Http, HttpRequest, HttpResponse } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { isAbort, messageOf } from '../core/errors.js';
import { defaultApiBasePaths, studentRoutes, type ApiBasePaths } from '../render/index.js';
import { backendServices, envStem } from '../render/services.js';
import { apiChecks, judge, parseRuntimeEnv } from '../steps/smoke-checks.js';

export interface UrlCheck {
  /** "web", "runtime-env.js" or the backend service's name. */
  name: string;
  /** e.g. "GET http://20.1.2.3/" */
  request: string;
  ok: boolean;
  /** The HTTP status, when an answer came. */
  status?: number;
  /** What is wrong and its likely cause (smoke-checks.ts wording); absent when ok. */
  problem?: string;
}

/** Per-request limit, in ms. */
export const PROBE_TIMEOUT_MS = 5_000;

export async function probeUrls(settings: Settings, http: Http, addresses: { web: string; ingress: string }, signal: AbortSignal): Promise<UrlCheck[]> {
  const origin = `http://${addresses.web}`;
  const ask = async (name: string, request: HttpRequest, verdict: (res: HttpResponse) => string | undefined) => {
    const label = `${request.method} ${request.url}`;
    try {
      const res = await http.request(request, { signal, timeoutMs: PROBE_TIMEOUT_MS });
      const problem = verdict(res);
      return { check: { name, request: label, ok: !problem, status: res.status, ...(problem ? { problem } : {}) }, body: res.body };
    } catch (err) {
      if (isAbort(err) || signal.aborted) throw err;
      return { check: { name, request: label, ok: false, problem: `no answer: ${messageOf(err)}` }, body: undefined };
    }
  };
  const page = (path: string) =>
    ask(path === '/' ? 'web' : path.slice(1), { method: 'GET', url: `${origin}${path}` }, (r) =>
      r.status === 200 ? undefined : `status ${r.status}, expected 200`,
    );
  const [index, env] = await Promise.all([page('/'), page('/runtime-env.js')]);
  const checks: UrlCheck[] = [index.check, env.check];
  if (env.body === undefined || !env.check.ok) return checks;

  let routes: ReturnType<typeof studentRoutes>;
  try {
    routes = studentRoutes(settings, addresses.ingress);
  } catch (err) {
    return [...checks, { name: 'routes', request: '', ok: false, problem: messageOf(err) }];
  }
  const runtimeEnv = parseRuntimeEnv(env.body);
  const { checks: api, problems } = apiChecks(settings, runtimeEnv, basePathsOf(settings, runtimeEnv, routes.root), origin, {
    host: routes.host,
    address: routes.connect,
  });
  checks.push(...problems.map((problem): UrlCheck => ({ name: 'runtime-env.js', request: env.check.request, ok: false, problem })));
  const answers = await Promise.all(
    api.map(async (c) => {
      const { check } = await ask(c.service, c.request, (res) => judge(c, res, origin));
      return check;
    }),
  );
  return [...checks, ...answers];
}

/**
 * The base path each backend's URL in runtime-env.js ends with (what `up` configured), read back from
 * the URL itself; the configured convention when a URL is not under the student's root.
 */
function basePathsOf(settings: Settings, runtimeEnv: Record<string, string>, root: string): ApiBasePaths {
  const fallback = defaultApiBasePaths(settings);
  return Object.fromEntries(
    backendServices(settings).map((s) => {
      const url = runtimeEnv[`${envStem(s.name)}_URL`]?.replace(/\/+$/, '');
      return [s.name, url !== undefined && url.startsWith(root) ? url.slice(root.length) : (fallback[s.name] ?? s.apiPath)];
    }),
  );
}
