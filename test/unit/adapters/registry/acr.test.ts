import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { TokenCredential } from '@azure/identity';
import { DockerCli } from '../../../../src/adapters/docker.js';
import { AcrRegistry } from '../../../../src/adapters/registry/acr.js';
import { AbortedError, UserError } from '../../../../src/core/errors.js';
import { ScriptedRunner } from '../../../fakes/runner.js';

// The SDK client is replaced by a scripted one; what it is constructed with is recorded.
const arm = vi.hoisted(() => ({
  registries: [] as Array<Record<string, unknown>>,
  listCredentials: [] as Array<[string, string]>,
  constructed: [] as unknown[][],
  removed: [] as string[],
  added: [] as string[],
}));

vi.mock('@azure/arm-containerregistry', () => ({
  ContainerRegistryManagementClient: class {
    constructor(...args: unknown[]) {
      arm.constructed.push(args);
    }
    pipeline = {
      removePolicy: ({ name }: { name: string }) => arm.removed.push(name),
      addPolicy: ({ name }: { name: string }) => arm.added.push(name),
    };
    registries = {
      async *list() {
        yield* arm.registries;
      },
      async listCredentials(rg: string, name: string) {
        arm.listCredentials.push([rg, name]);
        return {
          username: 'democr',
          passwords: [
            { name: 'password', value: 'admin-Pa55' },
            { name: 'password2', value: 'other' },
          ],
        };
      },
    };
  },
}));

const SUB = '11111111-2222-3333-4444-555555555555';
const signal = new AbortController().signal;
const credential: TokenCredential = { getToken: async () => ({ token: 'aad-token-xyz', expiresOnTimestamp: Date.now() + 60_000 }) };

function registry(name: string, adminUserEnabled: boolean) {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/rg-${name}/providers/Microsoft.ContainerRegistry/registries/${name}`,
    name,
    loginServer: `${name}.azurecr.io`,
    adminUserEnabled,
  };
}

beforeEach(() => {
  arm.registries = [registry('othercr', true), registry('democr', true)];
  arm.listCredentials = [];
  arm.constructed = [];
  arm.removed = [];
  arm.added = [];
});

describe('AcrRegistry', () => {
  test('admin user: finds the registry case-insensitively and lists its credentials', async () => {
    const acr = new AcrRegistry({ credential, subscriptionId: SUB });
    const cred = await acr.credentials('DemoCR', signal);
    expect(cred).toEqual({ loginServer: 'democr.azurecr.io', username: 'democr', password: 'admin-Pa55', method: 'admin' });
    expect(arm.listCredentials).toEqual([['rg-democr', 'democr']]);
    expect(arm.constructed[0]).toEqual([credential, SUB]);
  });

  test('no admin user: exchanges an AAD token for an ACR refresh token', async () => {
    arm.registries = [registry('democr', false)];
    const fetchFn = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify({ refresh_token: 'acr-refresh-789' }), { status: 200 }),
    );
    const acr = new AcrRegistry({ credential, subscriptionId: SUB, fetch: fetchFn as unknown as typeof fetch });
    const cred = await acr.credentials('democr', signal);
    expect(cred).toEqual({ loginServer: 'democr.azurecr.io', username: '00000000-0000-0000-0000-000000000000', password: 'acr-refresh-789', method: 'token' });
    expect(arm.listCredentials).toEqual([]);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('https://democr.azurecr.io/oauth2/exchange');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(String(init?.body));
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'access_token', service: 'democr.azurecr.io', access_token: 'aad-token-xyz' });
  });

  test('a refused exchange says which role is missing', async () => {
    arm.registries = [registry('democr', false)];
    const fetchFn = async () => new Response('{}', { status: 401 });
    const acr = new AcrRegistry({ credential, subscriptionId: SUB, fetch: fetchFn as unknown as typeof fetch });
    await expect(acr.credentials('democr', signal)).rejects.toMatchObject({
      message: expect.stringContaining('HTTP 401'),
      hint: expect.stringContaining('AcrPush'),
    });
  });

  test('registry not found: UserError naming the subscription and listing what exists', async () => {
    const err = await new AcrRegistry({ credential, subscriptionId: SUB }).credentials('alicecr', signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`registry alicecr not found in subscription ${SUB}`);
    expect((err as UserError).hint).toContain('othercr, democr');

    arm.registries = [];
    const err2 = await new AcrRegistry({ credential, subscriptionId: SUB }).credentials('alicecr', signal).catch((e: unknown) => e);
    expect((err2 as UserError).hint).toContain('az acr create -n alicecr');
  });

  test('resolves the subscription lazily and once', async () => {
    const resolve = vi.fn(async () => SUB);
    const acr = new AcrRegistry({ credential, resolveSubscription: resolve });
    await acr.credentials('democr', signal);
    await acr.credentials('democr', signal);
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(arm.constructed[0]![1]).toBe(SUB);
  });

  test('sandbox endpoint: insecure connection, SDK bearer policy replaced by our own', async () => {
    await new AcrRegistry({ credential, subscriptionId: SUB, endpoint: 'http://127.0.0.1:9', allowInsecure: true }).credentials('democr', signal);
    expect(arm.constructed[0]![2]).toEqual({ endpoint: 'http://127.0.0.1:9', allowInsecureConnection: true });
    expect(arm.removed).toEqual(['bearerTokenAuthenticationPolicy']);
    expect(arm.added).toEqual(['lifesubInsecureBearer']);
  });

  test('an aborted call rejects with AbortedError', async () => {
    arm.registries = [registry('democr', false)];
    const controller = new AbortController();
    const fetchFn = async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    };
    const acr = new AcrRegistry({ credential, subscriptionId: SUB, fetch: fetchFn as unknown as typeof fetch });
    await expect(acr.credentials('democr', controller.signal)).rejects.toBeInstanceOf(AbortedError);
  });

  test('the password/token never reaches argv on the way to docker login', async () => {
    for (const admin of [true, false]) {
      arm.registries = [registry('democr', admin)];
      const fetchFn = async () => new Response(JSON.stringify({ refresh_token: 'acr-refresh-789' }));
      const cred = await new AcrRegistry({ credential, subscriptionId: SUB, fetch: fetchFn as unknown as typeof fetch }).credentials('democr', signal);
      const runner = new ScriptedRunner([{ file: 'docker', args: () => true }]);
      await new DockerCli(runner).login(cred.loginServer, cred.username, cred.password, { signal });
      for (const call of runner.calls) {
        expect(call.args.join('\n')).not.toContain(cred.password);
        expect(call.input).toBe(cred.password);
      }
      expect(runner.calls[0]!.args).toEqual(['login', 'democr.azurecr.io', '-u', cred.username, '--password-stdin']);
    }
  });
});
