// "Is this tag in the registry?" over real HTTP against a local registry that behaves like ACR: Basic
// for the admin user, an access token from /oauth2/token (refresh token + repository scope) otherwise.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manifestDigest } from '../../../../src/adapters/registry/manifests.js';
import { ToolError } from '../../../../src/core/errors.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const seen: Array<{ method: string; path: string; auth?: string; body: string; accept?: string }> = [];
let server: Server;
let host = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({ method: req.method ?? '', path, auth: req.headers.authorization, body, accept: req.headers.accept });
      if (path === '/oauth2/token' && req.method === 'POST') {
        const form = new URLSearchParams(body);
        const ok =
          form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'rt-123' && form.get('scope') === 'repository:lifesub/member:pull';
        res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(ok ? { access_token: 'at-456' } : { errors: [] }));
      }
      const authorized =
        req.headers.authorization === 'Bearer at-456' || req.headers.authorization === `Basic ${Buffer.from('democr:adm1n').toString('base64')}`;
      if (!authorized) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="x"' });
        return res.end();
      }
      if (req.method === 'HEAD' && path === '/v2/lifesub/member/manifests/1.0.0-abc') {
        res.writeHead(200, { 'Docker-Content-Digest': DIGEST });
        return res.end();
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('manifestDigest', () => {
  const signal = new AbortController().signal;
  const admin = () => ({ loginServer: host, username: 'democr', password: 'adm1n', method: 'admin' as const });
  const token = () => ({ loginServer: host, username: '00000000-0000-0000-0000-000000000000', password: 'rt-123', method: 'token' as const });

  test('admin user: one HEAD with Basic auth; the digest when the tag exists, undefined when not', async () => {
    seen.length = 0;
    expect(await manifestDigest(admin(), 'lifesub/member', '1.0.0-abc', signal, { insecure: true })).toBe(DIGEST);
    expect(await manifestDigest(admin(), 'lifesub/member', '1.0.0-other', signal, { insecure: true })).toBeUndefined();
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /v2/lifesub/member/manifests/1.0.0-abc', 'HEAD /v2/lifesub/member/manifests/1.0.0-other']);
    expect(seen[0]?.accept).toContain('application/vnd.oci.image.index.v1+json');
  });

  test('token login: trades the refresh token for a pull-scoped access token, then HEADs with it', async () => {
    seen.length = 0;
    expect(await manifestDigest(token(), 'lifesub/member', '1.0.0-abc', signal, { insecure: true })).toBe(DIGEST);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token', 'HEAD /v2/lifesub/member/manifests/1.0.0-abc']);
    expect(seen[1]?.auth).toBe('Bearer at-456');
  });

  test('a refused credential is a ToolError that does not echo the secret', async () => {
    const err = (await manifestDigest({ ...admin(), password: 'wrong-secret' }, 'lifesub/member', '1.0.0-abc', signal, { insecure: true }).catch(
      (e: unknown) => e,
    )) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain('HTTP 401');
    expect(`${err.message} ${err.hint}`).not.toContain('wrong-secret');
  });
});
