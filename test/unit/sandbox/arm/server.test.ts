// Drives the real Azure SDK client (as lifesub's ACR adapter does) against the fake ARM endpoint.
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SANDBOX_RESOURCE_GROUP, SANDBOX_SUBSCRIPTION, startArmServer, type ArmServerHandle } from '../../../../src/sandbox/arm/server.js';
import { RegistryStore } from '../../../../src/sandbox/registry/store.js';

let store: RegistryStore;
let arm: ArmServerHandle;

beforeEach(async () => {
  store = RegistryStore.load();
  store.ensure('democr');
  arm = await startArmServer({ store, token: 'arm-token' });
});
afterEach(() => arm.close());

function client(token: string, subscription = SANDBOX_SUBSCRIPTION): ContainerRegistryManagementClient {
  const credential = { getToken: async () => ({ token: 'unused', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const c = new ContainerRegistryManagementClient(credential, subscription, { endpoint: arm.url, allowInsecureConnection: true });
  // Bearer auth refuses plain http; send the sandbox token with our own policy instead.
  c.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
  c.pipeline.addPolicy({
    name: 'sandboxAuth',
    sendRequest: (request, next) => {
      request.headers.set('Authorization', `Bearer ${token}`);
      return next(request);
    },
  });
  return c;
}

describe('fake ARM with the real SDK client', () => {
  test('lists registries with login server, admin flag and resource group in the id', async () => {
    const found = [];
    for await (const r of client('arm-token').registries.list()) found.push(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      name: 'democr',
      loginServer: 'democr.azurecr.io',
      adminUserEnabled: true,
      location: 'koreacentral',
      sku: { name: 'Basic' },
    });
    expect(found[0]?.id).toBe(
      `/subscriptions/${SANDBOX_SUBSCRIPTION}/resourceGroups/${SANDBOX_RESOURCE_GROUP}/providers/Microsoft.ContainerRegistry/registries/democr`,
    );
  });

  test('listCredentials returns the admin user and both passwords', async () => {
    const creds = await client('arm-token').registries.listCredentials(SANDBOX_RESOURCE_GROUP, 'democr');
    const record = store.get('democr')!;
    expect(creds.username).toBe('democr');
    expect(creds.passwords?.map((p) => p.value)).toEqual(record.passwords);
    expect(creds.passwords?.[0]?.name).toBe('password');
  });

  test('get returns one registry; unknown registries are ResourceNotFound', async () => {
    const one = await client('arm-token').registries.get(SANDBOX_RESOURCE_GROUP, 'democr');
    expect(one.loginServer).toBe('democr.azurecr.io');
    await expect(client('arm-token').registries.listCredentials(SANDBOX_RESOURCE_GROUP, 'nosuchcr')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  test('a wrong token or subscription fails like ARM', async () => {
    await expect(client('wrong').registries.get(SANDBOX_RESOURCE_GROUP, 'democr')).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
    const other = client('arm-token', '11111111-1111-4111-8111-111111111111');
    await expect(other.registries.get(SANDBOX_RESOURCE_GROUP, 'democr')).rejects.toMatchObject({ statusCode: 404, code: 'SubscriptionNotFound' });
  });

  test('PUT creates a registry (idempotent)', async () => {
    const put = (name: string) =>
      fetch(
        `${arm.url}/subscriptions/${SANDBOX_SUBSCRIPTION}/resourceGroups/${SANDBOX_RESOURCE_GROUP}/providers/Microsoft.ContainerRegistry/registries/${name}?api-version=2025-11-01`,
        {
          method: 'PUT',
          headers: { authorization: 'Bearer arm-token', 'content-type': 'application/json' },
          body: '{}',
        },
      );
    expect((await put('alicecr')).status).toBe(201);
    expect((await put('alicecr')).status).toBe(200);
    expect((await put('bad-name')).status).toBe(400);
    expect(store.get('alicecr')?.username).toBe('alicecr');
  });
});

describe('fault registryMissing', () => {
  test('a stored registry named missing is neither listed nor found', async () => {
    const faulted = await startArmServer({ store, token: 'arm-token', missing: ['DemoCR'] });
    try {
      const credential = { getToken: async () => ({ token: 'unused', expiresOnTimestamp: Date.now() + 3_600_000 }) };
      const c = new ContainerRegistryManagementClient(credential, SANDBOX_SUBSCRIPTION, { endpoint: faulted.url, allowInsecureConnection: true });
      c.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
      c.pipeline.addPolicy({ name: 'sandboxAuth', sendRequest: (request, next) => (request.headers.set('Authorization', 'Bearer arm-token'), next(request)) });
      const found = [];
      for await (const r of c.registries.list()) found.push(r.name);
      expect(found).toEqual([]);
      await expect(c.registries.get(SANDBOX_RESOURCE_GROUP, 'democr')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    } finally {
      await faulted.close();
    }
  });
});
