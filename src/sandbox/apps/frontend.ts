// The lifesub-web container: nginx:stable-alpine with the repository's nginx.conf (identical in
// deployment/ and deployment/container/): listens on 18080, `location /health` returns 'healthy\n'
// (nginx sends default_type application/octet-stream AND the added text/plain), `try_files … /index.html`
// for the single-page app, and `location ~* \.(jpg|…|css|js)$` with `expires 1y` + `Cache-Control
// "public, no-transform"` — runtime-env.js included. The Dockerfile writes runtime-env.js from the
// REACT_APP_* build args; a ConfigMap mounted over it (subPath) replaces the file.
import { R } from '../apiserver/resources.js';
import type { Json, KObject } from '../apiserver/types.js';
import type { AppRequest, AppResponse, World } from './world.js';

export const WEB_ROOT = '/usr/share/nginx/html';
export const NGINX_PORT = 18080;

const INDEX_HTML =
  '<!doctype html><html lang="ko"><head><meta charset="utf-8"/><link rel="icon" href="/favicon.ico"/>' +
  '<meta name="viewport" content="width=device-width,initial-scale=1"/><script src="/runtime-env.js"></script>' +
  '<title>마이구독</title><script defer="defer" src="/static/js/main.js"></script></head>' +
  '<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>';

const MAIN_JS = '/* lifesub-web bundle (simulated) */\n';

/**
 * runtime-env.js as the image's Dockerfile writes it: a `RUN echo "…"` whose backslash continuations the
 * Dockerfile parser joins, so the file is one line. Build args the image was not given are empty.
 */
export function runtimeEnvFromBuildArgs(args: Record<string, string> | undefined): string {
  const a = args ?? {};
  return `window.__runtime_config__ = {     MEMBER_URL: '${a.REACT_APP_MEMBER_URL ?? ''}',     MYSUB_URL: '${a.REACT_APP_MYSUB_URL ?? ''}',     RECOMMEND_URL: '${a.REACT_APP_RECOMMEND_URL ?? ''}' }\n`;
}

/** A file mounted from a ConfigMap at `path` (a subPath mount or a directory mount), if any. */
export function mountedFile(world: World, pod: KObject, path: string): string | undefined {
  for (const c of pod.spec?.containers ?? []) {
    for (const m of c.volumeMounts ?? []) {
      const mountPath = String(m.mountPath ?? '').replace(/\/$/, '');
      const vol = (pod.spec?.volumes ?? []).find((v: Json) => v.name === m.name);
      if (!vol?.configMap?.name) continue;
      let key: string | undefined;
      if (m.subPath !== undefined && mountPath === path) {
        // subPath names a file of the volume: an item's path, or a key when items are not listed.
        const items: Json[] | undefined = vol.configMap.items;
        key = items ? items.find((i) => i.path === m.subPath)?.key : m.subPath;
      } else if (m.subPath === undefined && path.startsWith(`${mountPath}/`)) {
        const rel = path.slice(mountPath.length + 1);
        const items: Json[] | undefined = vol.configMap.items;
        key = items ? items.find((i) => i.path === rel)?.key : rel;
      }
      if (key === undefined) continue;
      const text = world.get(R.configmaps, pod.metadata.namespace, vol.configMap.name)?.data?.[key];
      if (typeof text === 'string') return text;
    }
  }
  return undefined;
}

const httpDate = (ms: number): string => new Date(ms).toUTCString();

function nginxPage(status: 404 | 405, title: string): AppResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/html' },
    body: `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** Answers one request as the lifesub-web nginx does. `files` maps web-root paths to contents. */
export function serveFrontend(files: Record<string, string>, req: AppRequest, now: number): AppResponse {
  if (req.path === '/health' || req.path.startsWith('/health')) {
    return { status: 200, headers: { 'Content-Type': ['application/octet-stream', 'text/plain'] }, body: 'healthy\n' };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return nginxPage(405, 'Not Allowed');
  if (/\.(jpg|jpeg|png|gif|ico|css|js)$/i.test(req.path)) {
    // The nested regex location has no try_files: a missing asset is a plain 404.
    const body = files[req.path];
    if (body === undefined) return nginxPage(404, 'Not Found');
    const type = req.path.endsWith('.js') ? 'application/javascript' : req.path.endsWith('.css') ? 'text/css' : 'image/x-icon';
    return {
      status: 200,
      headers: { 'Content-Type': type, Expires: httpDate(now + 365 * 86400_000), 'Cache-Control': ['max-age=31536000', 'public, no-transform'] },
      body,
    };
  }
  return { status: 200, headers: { 'Content-Type': 'text/html' }, body: files['/index.html'] ?? INDEX_HTML };
}

/** The files the running container serves: the image's, with ConfigMap mounts laid over them. */
export function frontendFiles(world: World, pod: KObject, buildArgs: Record<string, string> | undefined): Record<string, string> {
  const files: Record<string, string> = { '/index.html': INDEX_HTML, '/static/js/main.js': MAIN_JS, '/runtime-env.js': runtimeEnvFromBuildArgs(buildArgs) };
  for (const p of Object.keys(files)) {
    const over = mountedFile(world, pod, `${WEB_ROOT}${p}`);
    if (over !== undefined) files[p] = over;
  }
  return files;
}
