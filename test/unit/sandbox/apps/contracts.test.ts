// The lab apps' contracts as pure functions: the kubelet's environment (envFrom + key references),
// Spring's CORS decisions, the frontend's files and nginx headers, and an image's build args reaching
// the cluster through the registry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { KObject } from '../../../../src/sandbox/apiserver/types.js';
import { applyCors } from '../../../../src/sandbox/apps/cors.js';
import { containerEnv } from '../../../../src/sandbox/apps/env.js';
import { frontendFiles, serveFrontend } from '../../../../src/sandbox/apps/frontend.js';
import type { AppRequest, World } from '../../../../src/sandbox/apps/world.js';
import { manifestFor } from '../../../../src/sandbox/tools/docker-push.js';
import { saveImage } from '../../../../src/sandbox/tools/docker-images.js';
import { RegistryStore, StoreImageCatalog } from '../../../../src/sandbox/registry/index.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function worldWith(objects: KObject[]): World {
  const key = (r: string, ns: string | undefined, n: string) => `${r}/${ns ?? ''}/${n}`;
  const byKey = new Map(objects.map((o) => [key(o.kind === 'ConfigMap' ? 'configmaps' : 'secrets', o.metadata.namespace, o.metadata.name), o]));
  const sims = new Map<string, Record<string, string | number | undefined>>();
  return {
    get: (r, ns, n) => byKey.get(key(r, ns, n)),
    list: () => [],
    simOf: (o) => sims.get(o.metadata.name) ?? sims.set(o.metadata.name, {}).get(o.metadata.name)!,
  };
}

const cm = (name: string, data: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'lab' }, data });
const secret = (name: string, data: Record<string, string>): KObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'lab' },
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
});
const pod = (container: any, volumes: any[] = []): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'lab' },
  spec: { containers: [container], volumes },
});

test('envFrom in order, then env overriding it; Secrets are decoded; missing objects and keys are worded like the kubelet', () => {
  const world = worldWith([
    cm('common-config', { ALLOWED_ORIGINS: 'http://a', SERVER_PORT: '1' }),
    cm('member-config', { SERVER_PORT: '8081' }),
    secret('member-secret', { POSTGRES_PASSWORD: 'Passw0rd' }),
  ]);
  const c = {
    name: 'member',
    envFrom: [{ configMapRef: { name: 'common-config' } }, { configMapRef: { name: 'member-config' } }, { secretRef: { name: 'member-secret' } }],
    env: [{ name: 'POSTGRES_HOST', value: 'member-postgresql' }],
  };
  expect(containerEnv(world, pod(c), c)).toEqual({
    vars: { ALLOWED_ORIGINS: 'http://a', SERVER_PORT: '8081', POSTGRES_PASSWORD: 'Passw0rd', POSTGRES_HOST: 'member-postgresql' },
  });
  const missing = { name: 'x', envFrom: [{ secretRef: { name: 'common-secret' } }] };
  expect(containerEnv(world, pod(missing), missing)).toEqual({ error: 'secret "common-secret" not found' });
  const noKey = { name: 'x', env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'member-secret', key: 'password' } } }] };
  expect(containerEnv(world, pod(noKey), noKey)).toEqual({ error: "couldn't find key password in Secret lab/member-secret" });
  const optional = { name: 'x', env: [{ name: 'P', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } }] };
  expect(containerEnv(world, pod(optional), optional)).toEqual({ vars: {} });
});

const req = (headers: Record<string, string>, method = 'GET'): AppRequest => ({
  method,
  path: '/api/auth/login',
  query: new URLSearchParams(),
  headers: { host: '20.1.2.3', ...headers },
  body: '',
  port: 8081,
});

test('CORS: origins are split on "," and NOT trimmed — " http://b" never matches; a trailing "/" and case do not matter', () => {
  const origins = 'http://a, http://b,HTTP://C/'.split(',');
  expect(applyCors(origins, req({ origin: 'http://a' }))).toMatchObject({
    headers: { 'Access-Control-Allow-Origin': 'http://a', 'Access-Control-Allow-Credentials': 'true' },
  });
  expect(applyCors(origins, req({ origin: 'http://b' }))).toEqual({ reject: expect.objectContaining({ status: 403, body: 'Invalid CORS request' }) });
  expect(applyCors(origins, req({ origin: 'http://c' }))).toMatchObject({ headers: { 'Access-Control-Allow-Origin': 'http://c' } });
  const pre = applyCors(origins, req({ origin: 'http://a', 'access-control-request-method': 'PATCH' }, 'OPTIONS'));
  expect(pre).toHaveProperty('reject');
  // No Origin: not a CORS request, only the Vary headers.
  expect(applyCors(origins, req({}))).toEqual({
    headers: { Vary: ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'] },
    preflight: false,
  });
});

test("the frontend: runtime-env.js from the image's build args, a subPath ConfigMap replacing it, nginx's /health and one-year caching of *.js", () => {
  const get = (files: Record<string, string>, path: string) =>
    serveFrontend(files, { method: 'GET', path, query: new URLSearchParams(), headers: {}, body: '', port: 18080 }, Date.UTC(2026, 0, 1));
  const built = frontendFiles(worldWith([]), pod({ name: 'web' }), {
    REACT_APP_MEMBER_URL: 'http://20.1.2.3/member',
    REACT_APP_MYSUB_URL: 'http://20.1.2.3/mysub',
    REACT_APP_RECOMMEND_URL: 'http://20.1.2.3/recommend',
  });
  const js = get(built, '/runtime-env.js');
  expect(js.body).toBe(
    "window.__runtime_config__ = {     MEMBER_URL: 'http://20.1.2.3/member',     MYSUB_URL: 'http://20.1.2.3/mysub',     RECOMMEND_URL: 'http://20.1.2.3/recommend' }\n",
  );
  expect(js.headers['Cache-Control']).toEqual(['max-age=31536000', 'public, no-transform']);
  expect(js.headers.Expires).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
  const mounted = frontendFiles(
    worldWith([cm('runtime-env', { 'runtime-env.js': 'window.__runtime_config__ = { MEMBER_URL: "http://x/api/auth" };' })]),
    pod({ name: 'web', volumeMounts: [{ name: 'env', mountPath: '/usr/share/nginx/html/runtime-env.js', subPath: 'runtime-env.js' }] }, [
      { name: 'env', configMap: { name: 'runtime-env' } },
    ]),
    { REACT_APP_MEMBER_URL: 'http://20.1.2.3/member' },
  );
  expect(get(mounted, '/runtime-env.js').body).toContain('http://x/api/auth');
  expect(get(built, '/health')).toMatchObject({ status: 200, body: 'healthy\n' });
  expect(get(built, '/static/js/missing.js').status).toBe(404);
  expect(get(built, '/some/route')).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/html' } });
});

test("the cluster learns an image's build args from the pushed manifest's config digest", () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifesub-images-'));
  try {
    const store = RegistryStore.load();
    const reg = store.ensure('democr');
    const id = `sha256:${'a'.repeat(64)}`;
    saveImage(dir, {
      ref: 'democr.azurecr.io/lifesub/lifesub-web:1.0.0',
      id,
      created: '2026-01-01T00:00:00Z',
      size: 1,
      buildArgs: { REACT_APP_MEMBER_URL: 'http://20.1.2.3/member' },
    });
    const catalog = new StoreImageCatalog(store, dir);
    expect(catalog.buildArgs('democr.azurecr.io/lifesub/lifesub-web:1.0.0')).toBeUndefined(); // not pushed yet
    store.putManifest(reg, 'lifesub/lifesub-web', '1.0.0', 'application/vnd.docker.distribution.manifest.v2+json', Buffer.from(manifestFor(id, 1).text));
    expect(catalog.buildArgs('democr.azurecr.io/lifesub/lifesub-web:1.0.0')).toEqual({ REACT_APP_MEMBER_URL: 'http://20.1.2.3/member' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
