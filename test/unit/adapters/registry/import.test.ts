// The ACR adapter's server-side import, through the real @azure/arm-containerregistry client (its
// long-running-operation poller included) against the sandbox's fake ARM.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AcrRegistry } from '../../../../src/adapters/registry/acr.js';
import { ToolError, UserError } from '../../../../src/core/errors.js';
import { SANDBOX_SUBSCRIPTION, startArmServer, type ArmServerHandle } from '../../../../src/sandbox/arm/server.js';
import { RegistryStore } from '../../../../src/sandbox/registry/store.js';

let store: RegistryStore;
let arm: ArmServerHandle;
const signal = new AbortController().signal;
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, config: { digest: 'sha256:abc' }, layers: [] }));

beforeEach(async () => {
  store = RegistryStore.load();
  store.ensure('sourcecr');
  store.ensure('alicecr');
  store.ensure('bobcr');
  store.putManifest(store.get('sourcecr')!, 'lifesub/member', '1.0.0-abc', 'application/vnd.oci.image.manifest.v1+json', manifest);
  arm = await startArmServer({ store, token: 'arm-token', importRefused: () => ['bobcr'] });
});
afterEach(() => arm.close());

function registry(): AcrRegistry {
  const credential = { getToken: async () => ({ token: 'arm-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  return new AcrRegistry({ credential, subscriptionId: SANDBOX_SUBSCRIPTION, endpoint: arm.url, allowInsecure: true, pollIntervalMs: 5 });
}

describe('AcrRegistry.importImage against the fake ARM', () => {
  test('copies the manifest into the target registry under the target tag (same digest)', async () => {
    await registry().importImage(
      { sourceRegistry: 'sourcecr', targetRegistry: 'alicecr', sourceImage: 'lifesub/member:1.0.0-abc', targetTags: ['lifesub/member:1.0.0-abc'] },
      signal,
    );
    const copied = store.getManifest(store.get('alicecr')!, 'lifesub/member', '1.0.0-abc');
    expect(copied?.digest).toBe(store.getManifest(store.get('sourcecr')!, 'lifesub/member', '1.0.0-abc')?.digest);
  });

  test("a missing source image is refused with ACR's InvalidParameters, naming the image", async () => {
    const err = await registry()
      .importImage({ sourceRegistry: 'sourcecr', targetRegistry: 'alicecr', sourceImage: 'lifesub/member:nope', targetTags: ['lifesub/member:nope'] }, signal)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toMatch(/HTTP 400.*Image 'lifesub\/member:nope' not found/);
    expect(store.getManifest(store.get('alicecr')!, 'lifesub/member', 'nope')).toBeUndefined();
  });

  test('a registry that does not exist is a user error naming it; the list shows the others', async () => {
    const err = await registry()
      .importImage({ sourceRegistry: 'sourcecr', targetRegistry: 'nosuchcr', sourceImage: 'lifesub/member:1.0.0-abc', targetTags: ['x:y'] }, signal)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('registry nosuchcr not found');
    expect(await registry().registryNames(signal)).toEqual(['sourcecr', 'alicecr', 'bobcr']);
  });

  test('a refused import (no role on the target registry) is an Azure access error', async () => {
    const err = await registry()
      .importImage(
        { sourceRegistry: 'sourcecr', targetRegistry: 'bobcr', sourceImage: 'lifesub/member:1.0.0-abc', targetTags: ['lifesub/member:1.0.0-abc'] },
        signal,
      )
      .catch((e: unknown) => e);
    expect((err as Error).message).toContain('Azure refused access (HTTP 403 AuthorizationFailed)');
  });
});
