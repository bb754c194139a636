// What the simulated apps answer once a request reaches a Ready pod: a Spring Boot backend (actuator
// health endpoints) or the nginx-served frontend (/health, /runtime-env.js, index.html).
import type { ServerResponse } from 'node:http';
import { isSpringBoot } from '../apiserver/controllers/pod-facts.js';
import { R } from '../apiserver/resources.js';
import type { Json, KObject } from '../apiserver/types.js';
import type { ClusterReader } from './backends.js';

const DEFAULT_RUNTIME_ENV = 'window.__runtime_config__ = {\n  MEMBER_URL: "",\n  MYSUB_URL: "",\n  RECOMMEND_URL: ""\n};\n';

const INDEX_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lifesub</title>' +
  '<script src="/runtime-env.js"></script></head><body><div id="root">lifesub</div></body></html>\n';

function send(res: ServerResponse, code: number, type: string, body: string): void {
  res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** The ConfigMap content mounted over …/runtime-env.js in the pod, if any. */
function runtimeEnv(cluster: ClusterReader, pod: KObject): string | undefined {
  for (const c of pod.spec?.containers ?? []) {
    for (const m of c.volumeMounts ?? []) {
      const mountPath = String(m.mountPath ?? '');
      if (!mountPath.endsWith('/runtime-env.js') && m.subPath !== 'runtime-env.js') continue;
      const vol = (pod.spec?.volumes ?? []).find((v: Json) => v.name === m.name);
      if (!vol?.configMap?.name) continue;
      const cm = cluster.get(R.configmaps, pod.metadata.namespace, vol.configMap.name);
      const key = m.subPath ?? (vol.configMap.items ?? []).find((i: Json) => i.path === 'runtime-env.js')?.key ?? 'runtime-env.js';
      const text = cm?.data?.[key];
      if (typeof text === 'string') return text;
    }
  }
  return undefined;
}

export function answerAsApp(cluster: ClusterReader, pod: KObject, method: string, pathAndQuery: string, res: ServerResponse): void {
  const path = pathAndQuery.split('?')[0] ?? '/';
  if (isSpringBoot(pod)) {
    if (method === 'GET' && ['/actuator/health', '/actuator/health/readiness', '/actuator/health/liveness'].includes(path.replace(/\/$/, ''))) {
      const body = path.startsWith('/actuator/health/') ? { status: 'UP' } : { status: 'UP', groups: ['liveness', 'readiness'] };
      return send(res, 200, 'application/vnd.spring-boot.actuator.v3+json', JSON.stringify(body));
    }
    return send(res, 404, 'application/json', JSON.stringify({ timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path }));
  }
  if (path === '/health') return send(res, 200, 'text/plain', 'OK');
  if (path === '/runtime-env.js') return send(res, 200, 'application/javascript', runtimeEnv(cluster, pod) ?? DEFAULT_RUNTIME_ENV);
  // The frontend is a single-page app: nginx serves index.html for every other path.
  return send(res, 200, 'text/html', INDEX_HTML);
}

export function nginxError(res: ServerResponse, code: 404 | 502 | 503): void {
  const title = { 404: '404 Not Found', 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable' }[code];
  send(res, code, 'text/html', `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`);
}
