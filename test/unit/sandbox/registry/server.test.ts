import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  RegistryStore,
  StoreImageCatalog,
  digestOf,
  startRegistryServer,
  TOKEN_USER,
  type RegistryServerHandle,
} from '../../../../src/sandbox/registry/index.js';

const HOST = 'democr.azurecr.io';
let store: RegistryStore;
let server: RegistryServerHandle;

beforeEach(async () => {
  store = RegistryStore.load();
  store.ensure('democr');
  server = await startRegistryServer({ store, armToken: 'arm-token' });
});
afterEach(() => server.close());

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function call(path: string, init: { method?: string; auth?: string; host?: string; body?: string; type?: string } = {}) {
  // fetch() forbids setting Host, so go through node:http.
  return import('node:http').then(
    (http) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
        const req = http.request(server.url + path, {
          method: init.method ?? 'GET',
          headers: {
            host: init.host ?? HOST,
            ...(init.auth ? { authorization: init.auth } : {}),
            ...(init.type ? { 'content-type': init.type } : {}),
          },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end(init.body);
      }),
  );
}

const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: {}, layers: [] });

describe('sandbox registry', () => {
  test('GET /v2/ asks for Basic credentials and accepts the admin user', async () => {
    const anonymous = await call('/v2/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const record = store.get('democr')!;
    expect((await call('/v2/', { auth: basic('democr', 'wrong') })).status).toBe(401);
    expect((await call('/v2/', { auth: basic('democr', record.passwords[0]) })).status).toBe(200);
    expect((await call('/v2/', { auth: basic('democr', record.passwords[1]) })).status).toBe(200);
  });

  test('an unknown virtual host is reported as such', async () => {
    const res = await call('/v2/', { host: 'nosuchcr.azurecr.io' });
    expect(res.status).toBe(404);
    expect(res.headers['x-sandbox-unknown-host']).toBe('1');
  });

  test('push and fetch a manifest by tag and by digest', async () => {
    const auth = basic('democr', store.get('democr')!.passwords[0]);
    const put = await call('/v2/lifesub/member/manifests/1.0.0', {
      method: 'PUT',
      auth,
      body: manifest,
      type: 'application/vnd.docker.distribution.manifest.v2+json',
    });
    expect(put.status).toBe(201);
    expect(put.headers['docker-content-digest']).toBe(digestOf(manifest));
    const head = await call('/v2/lifesub/member/manifests/1.0.0', { method: 'HEAD', auth });
    expect(head.status).toBe(200);
    expect(head.headers['docker-content-digest']).toBe(digestOf(manifest));
    const byDigest = await call(`/v2/lifesub/member/manifests/${digestOf(manifest)}`, { auth });
    expect(byDigest.body).toBe(manifest);
    const tags = await call('/v2/lifesub/member/tags/list', { auth });
    expect(JSON.parse(tags.body)).toEqual({ name: 'lifesub/member', tags: ['1.0.0'] });
    expect((await call('/v2/lifesub/member/manifests/2.0.0', { method: 'HEAD', auth })).status).toBe(404);
    expect((await call('/v2/lifesub/member/manifests/1.0.0', { method: 'HEAD' })).status).toBe(401);
  });

  test('rejects invalid manifests and repository names', async () => {
    const auth = basic('democr', store.get('democr')!.passwords[0]);
    expect((await call('/v2/lifesub/member/manifests/1', { method: 'PUT', auth, body: 'not json' })).status).toBe(400);
    expect((await call('/v2/LifeSub/manifests/1', { method: 'PUT', auth, body: manifest })).status).toBe(400);
  });

  test('hasImage: public images always, sandbox images only once pushed', () => {
    const catalog = new StoreImageCatalog(store);
    expect(catalog.hasImage('registry.k8s.io/ingress-nginx/controller:v1.12.1')).toBe(true);
    expect(catalog.hasImage('docker.io/bitnami/postgresql:16.2.0')).toBe(true);
    expect(catalog.hasImage('nginx')).toBe(true);
    expect(catalog.hasImage('democr.azurecr.io/lifesub/member:1.0.0')).toBe(false);
    expect(catalog.hasImage('othercr.azurecr.io/lifesub/member:1.0.0')).toBe(false);
    const record = store.get('democr')!;
    const digest = store.putManifest(record, 'lifesub/member', '1.0.0', 'application/json', Buffer.from(manifest));
    expect(catalog.hasImage('democr.azurecr.io/lifesub/member:1.0.0')).toBe(true);
    expect(catalog.hasImage(`democr.azurecr.io/lifesub/member@${digest}`)).toBe(true);
    expect(catalog.hasImage('democr.azurecr.io/lifesub/member:2.0.0')).toBe(false);
  });

  test('ACR token flow: exchange the ARM token, log in as the token user, get an access token', async () => {
    const bad = await call('/oauth2/exchange', { method: 'POST', body: 'grant_type=access_token&service=democr.azurecr.io&access_token=nope' });
    expect(bad.status).toBe(401);
    const ex = await call('/oauth2/exchange', { method: 'POST', body: 'grant_type=access_token&service=democr.azurecr.io&access_token=arm-token' });
    const refresh = (JSON.parse(ex.body) as { refresh_token: string }).refresh_token;
    expect((await call('/v2/', { auth: basic(TOKEN_USER, refresh) })).status).toBe(200);
    const tok = await call('/oauth2/token', {
      method: 'POST',
      body: `grant_type=refresh_token&service=democr.azurecr.io&scope=repository:lifesub/member:pull&refresh_token=${refresh}`,
    });
    const access = (JSON.parse(tok.body) as { access_token: string }).access_token;
    expect((await call('/v2/', { auth: `Bearer ${access}` })).status).toBe(200);
    expect((await call('/v2/', { auth: 'Bearer forged' })).status).toBe(401);
  });

  test('persists registries and manifests across loads', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/lifesub-reg-`);
    const file = `${dir}/registry.json`;
    const first = RegistryStore.load(file);
    const record = first.ensure('democr');
    first.putManifest(record, 'lifesub/web', '1.0.0', 'application/json', Buffer.from(manifest));
    const second = RegistryStore.load(file);
    expect(second.get('democr')?.passwords).toEqual(record.passwords);
    expect(new StoreImageCatalog(second).hasImage('democr.azurecr.io/lifesub/web:1.0.0')).toBe(true);
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  });
});
