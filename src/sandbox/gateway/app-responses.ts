// What a pod answers when a connection reaches one of its ports: the simulated lab app (src/sandbox/apps)
// when the image is one of the lab's, or a generic stand-in for any other image (a Spring Boot-looking
// pod answers actuator health; anything else answers like a plain nginx serving a single-page app).
import type { ServerResponse } from 'node:http';
import { isPodReady } from '../apiserver/controllers/workload-pods.js';
import type { Json, KObject } from '../apiserver/types.js';
import { appFor } from '../apps/index.js';
import { mountedFile } from '../apps/frontend.js';
import type { AppRequest, AppResponse, World } from '../apps/world.js';

const parse = <T>(raw: unknown): T | undefined => (typeof raw === 'string' ? (JSON.parse(raw) as T) : undefined);

/** The pod's answer, or `refused` when nothing listens on that port. */
export function podAnswer(world: World, pod: KObject, req: AppRequest): AppResponse | 'refused' {
  const app = appFor(pod);
  if (!app) return genericAnswer(world, pod, req);
  const sim = world.simOf(pod);
  const boot = parse<{ ok: boolean; port?: number }>(sim.appBoot);
  if (!boot?.ok || boot.port !== req.port) return 'refused';
  const env = parse<Record<string, string>>(sim.appEnv) ?? {};
  const res = app.serve({ world, pod, env, isReady: isPodReady, now: Date.now() }, req);
  return res.status === 0 ? 'refused' : res;
}

const INDEX_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title>' +
  '<script src="/runtime-env.js"></script></head><body><div id="root"></div></body></html>\n';

function genericAnswer(world: World, pod: KObject, req: AppRequest): AppResponse {
  const json = (status: number, body: unknown, type = 'application/json'): AppResponse => ({
    status,
    headers: { 'Content-Type': type },
    body: JSON.stringify(body),
  });
  const springBoot = (pod.spec?.containers ?? []).some((c: Json) =>
    [c.readinessProbe, c.startupProbe, c.livenessProbe].some((p) => String(p?.httpGet?.path ?? '').startsWith('/actuator')),
  );
  if (springBoot) {
    if (req.method === 'GET' && req.path.startsWith('/actuator/health')) return json(200, { status: 'UP' }, 'application/vnd.spring-boot.actuator.v3+json');
    return json(404, { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path: req.path });
  }
  if (req.path === '/health') return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'OK' };
  const file = mountedFile(world, pod, `/usr/share/nginx/html${req.path}`);
  if (file !== undefined) return { status: 200, headers: { 'Content-Type': 'application/javascript' }, body: file };
  return { status: 200, headers: { 'Content-Type': 'text/html' }, body: INDEX_HTML };
}

export function send(res: ServerResponse, r: AppResponse, head = false): void {
  res.writeHead(r.status, { ...r.headers, 'Content-Length': Buffer.byteLength(r.body) });
  res.end(head ? undefined : r.body);
}

/** The error pages ingress-nginx (and its default backend) send. */
export function nginxError(res: ServerResponse, code: 404 | 502 | 503): void {
  const title = { 404: '404 Not Found', 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable' }[code];
  send(res, {
    status: code,
    headers: { 'Content-Type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  });
}
