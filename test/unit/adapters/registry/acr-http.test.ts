// The real SDK (not mocked) against a local fake ARM + registry token endpoint: proves the insecure
// sandbox wiring sends our own Authorization header and that the token exchange goes over the wire.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TokenCredential } from '@azure/identity';
import { AcrRegistry } from '../../../../src/adapters/registry/acr.js';
import { ToolError } from '../../../../src/core/errors.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const credential: TokenCredential = { getToken: async () => ({ token: 'arm-tok', expiresOnTimestamp: Date.now() + 60_000 }) };
const requests: Array<{ method: string; path: string; auth?: string; body: string }> = [];
let server: Server;
let endpoint = '';
let host = '';
let admin = true;
let armStatus = 200;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, auth: req.headers.authorization, body });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (armStatus !== 200) return json(armStatus, { error: { code: 'AuthorizationFailed', message: 'no access' } });
    if (path === `/subscriptions/${SUB}/providers/Microsoft.ContainerRegistry/registries`) {
      return json(200, {
        value: [
          {
            id: `/subscriptions/${SUB}/resourceGroups/lab-rg/providers/Microsoft.ContainerRegistry/registries/democr`,
            name: 'democr',
            location: 'koreacentral',
            properties: { loginServer: host, adminUserEnabled: admin },
          },
        ],
      });
    }
    if (path.endsWith('/registries/democr/listCredentials') && req.method === 'POST') {
      return json(200, { username: 'democr', passwords: [{ name: 'password', value: 'adm1n-pw' }] });
    }
    if (path === '/oauth2/exchange' && req.method === 'POST') return json(200, { refresh_token: 'rt-123' });
    json(404, { error: { code: 'NotFound', message: path } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint = `http://${host}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('AcrRegistry with the real SDK against a local fake ARM', () => {
  const signal = new AbortController().signal;

  test('admin path: every ARM request carries our bearer token', async () => {
    requests.length = 0;
    admin = true;
    const acr = new AcrRegistry({ credential, subscriptionId: SUB, endpoint, allowInsecure: true });
    expect(await acr.credentials('democr', signal)).toEqual({ loginServer: host, username: 'democr', password: 'adm1n-pw', method: 'admin' });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(requests[1]!.path).toBe(`/subscriptions/${SUB}/resourceGroups/lab-rg/providers/Microsoft.ContainerRegistry/registries/democr/listCredentials`);
    for (const r of requests) expect(r.auth).toBe('Bearer arm-tok');
  });

  test('token path: form-encoded exchange over http in the sandbox', async () => {
    requests.length = 0;
    admin = false;
    const acr = new AcrRegistry({ credential, subscriptionId: SUB, endpoint, allowInsecure: true });
    const cred = await acr.credentials('democr', signal);
    expect(cred).toEqual({ loginServer: host, username: '00000000-0000-0000-0000-000000000000', password: 'rt-123', method: 'token' });
    const exchange = requests.find((r) => r.path === '/oauth2/exchange')!;
    expect(new URLSearchParams(exchange.body).get('access_token')).toBe('arm-tok');
  });

  test("token path with the subscription's tenant: every AAD token is for that tenant and the exchange names it", async () => {
    requests.length = 0;
    admin = false;
    const TENANT = '99999999-8888-7777-6666-555555555555';
    const tenants: Array<string | undefined> = [];
    const recording: TokenCredential = {
      getToken: async (_scopes, options) => {
        tenants.push(options?.tenantId);
        return { token: 'arm-tok', expiresOnTimestamp: Date.now() + 60_000 };
      },
    };
    const acr = new AcrRegistry({
      credential: recording,
      resolveAccount: async () => ({ subscriptionId: SUB, tenantId: TENANT }),
      endpoint,
      allowInsecure: true,
    });
    expect((await acr.credentials('democr', signal)).password).toBe('rt-123');
    const form = new URLSearchParams(requests.find((r) => r.path === '/oauth2/exchange')!.body);
    expect(form.get('tenant')).toBe(TENANT);
    expect(form.get('grant_type')).toBe('access_token');
    expect(tenants.length).toBeGreaterThanOrEqual(2); // ARM list + the exchange
    expect(new Set(tenants)).toEqual(new Set([TENANT]));
  });

  test('without a known tenant the exchange sends no tenant field', async () => {
    requests.length = 0;
    admin = false;
    await new AcrRegistry({ credential, subscriptionId: SUB, endpoint, allowInsecure: true }).credentials('democr', signal);
    expect(new URLSearchParams(requests.find((r) => r.path === '/oauth2/exchange')!.body).has('tenant')).toBe(false);
  });

  test('403 from ARM → ToolError with a hint and without the token', async () => {
    armStatus = 403;
    try {
      const err = await new AcrRegistry({ credential, subscriptionId: SUB, endpoint, allowInsecure: true })
        .credentials('democr', signal)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ToolError);
      expect((err as ToolError).message).toMatch(/HTTP 403/);
      expect((err as ToolError).hint).toMatch(/az login/);
      expect(JSON.stringify(err)).not.toContain('arm-tok');
    } finally {
      armStatus = 200;
    }
  });
});
