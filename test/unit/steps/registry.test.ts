import { describe, expect, test } from 'vitest';
import { ToolError } from '../../../src/core/errors.js';
import { renderPullSecret } from '../../../src/render/index.js';
import { dockerLoginStep, pullSecretStep, registryLoginStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const PASSWORD = 's3cr3t-Registry+Pass/word==';
const credential = { loginServer: 'alicecr.azurecr.io', username: 'alicecr', password: PASSWORD, method: 'admin' as const };

function expectNoPassword(texts: unknown[]): void {
  const all = JSON.stringify(texts);
  expect(all).not.toContain(PASSWORD);
  expect(all).not.toContain(Buffer.from(PASSWORD).toString('base64'));
}

describe('registry-login', () => {
  test('gets the credentials and keeps the password only in facts; docker login is not its job', async () => {
    const { ctx, fakes, logs } = makeContext();
    fakes.registry.script.expect('credentials', ['alicecr']).returns(credential);
    const outcome = await registryLoginStep.run(ctx);
    expect(outcome).toEqual({ message: 'alicecr.azurecr.io as alicecr (admin user)' });
    expect(ctx.facts.registryLogin).toEqual({ loginServer: 'alicecr.azurecr.io', username: 'alicecr', method: 'admin' });
    expect(ctx.facts.registryPassword).toBe(PASSWORD);
    expectNoPassword([outcome, logs, ctx.facts.registryLogin]);
    expect(fakes.docker.script.calls).toEqual([]);
    fakes.verify();
  });

  test('token logins say so, and a mismatching login server is warned about without the password', async () => {
    const { ctx, fakes, logs } = makeContext();
    fakes.registry.script
      .expect('credentials')
      .returns({ ...credential, loginServer: 'AliceCR.azurecr.io', username: '00000000-0000-0000-0000-000000000000', method: 'token' });
    const outcome = await registryLoginStep.run(ctx);
    expect(outcome?.message).toContain('Azure AD token');
    expect(logs).toEqual([]); // only case differs: no warning
    expectNoPassword([outcome, logs]);
  });

  test('a registry lookup failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.registry.script.expect('credentials').throws(new ToolError('registry alicecr not found'));
    await expect(registryLoginStep.run(ctx)).rejects.toThrow('registry alicecr not found');
  });
});

describe('docker-login', () => {
  const facts = () => ({ registryLogin: { loginServer: 'alicecr.azurecr.io', username: 'alicecr', method: 'admin' as const }, registryPassword: PASSWORD });
  const all = { member: 'sha256:a', mysub: 'sha256:b', recommend: 'sha256:c', 'lifesub-web': 'sha256:d' };

  test('logs docker in (password on stdin, via the adapter) when an image has to be pushed', async () => {
    const { member: _missing, ...inRegistry } = all;
    const { ctx, fakes, logs } = makeContext({ facts: { ...facts(), imagesInRegistry: inRegistry } });
    fakes.docker.script.expect('login', ['alicecr.azurecr.io', 'alicecr', PASSWORD]);
    const outcome = await dockerLoginStep.run(ctx);
    expect(outcome).toEqual({ message: 'alicecr.azurecr.io (to push member)' });
    expectNoPassword([outcome, logs]);
    fakes.verify();
  });

  test('does not log in when the registry already has every image', async () => {
    const { ctx, fakes } = makeContext({ facts: { ...facts(), imagesInRegistry: all } });
    expect(await dockerLoginStep.run(ctx)).toEqual({ skipped: 'nothing to push' });
    expect(fakes.docker.script.calls).toEqual([]);
  });

  test('a failed login propagates without the password', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: facts() });
    fakes.docker.script.expect('login').throws(new ToolError('docker login failed: unauthorized'));
    const err = await dockerLoginStep.run(ctx).catch((e: unknown) => e);
    expect((err as Error).message).toBe('docker login failed: unauthorized');
    expectNoPassword([(err as Error).message, logs]);
  });
});

describe('pull-secret', () => {
  test('applies the rendered dockerconfigjson Secret; the password appears nowhere in output', async () => {
    const facts = { registryLogin: { loginServer: 'alicecr.azurecr.io', username: 'alicecr', method: 'admin' as const }, registryPassword: PASSWORD };
    const { ctx, fakes, logs } = makeContext({ facts });
    const outcome = await pullSecretStep.run(ctx);
    expect(outcome).toEqual({ message: 'Secret lifesub-registry for alicecr.azurecr.io' });
    expect(fakes.kube.calls).toEqual(['get Secret alice-lifesub-ns/lifesub-registry', 'apply Secret alice-lifesub-ns/lifesub-registry']);
    const expected = renderPullSecret(ctx.settings, { loginServer: 'alicecr.azurecr.io', username: 'alicecr', password: PASSWORD });
    expect(fakes.kube.find('Secret', 'lifesub-registry', 'alice-lifesub-ns')).toMatchObject({ data: expected.data });
    expectNoPassword([outcome, logs]);
  });

  test('with a short-lived ACR token (admin user disabled) it warns how to keep pulls working', async () => {
    const facts = {
      registryLogin: { loginServer: 'alicecr.azurecr.io', username: '00000000-0000-0000-0000-000000000000', method: 'token' as const },
      registryPassword: PASSWORD,
    };
    const { ctx, logs } = makeContext({ facts });
    const outcome = await pullSecretStep.run(ctx);
    expect(outcome?.message).toMatch(/short-lived token/);
    expect(logs.join('\n')).toMatch(/expires in about 3 hours.*--attach-acr alicecr/);
    expectNoPassword([outcome, logs]);
  });

  test('an apply failure propagates', async () => {
    const facts = { registryLogin: { loginServer: 'a', username: 'u', method: 'admin' as const }, registryPassword: PASSWORD };
    const { ctx, fakes } = makeContext({ facts });
    fakes.kube.failOn('apply', new ToolError('forbidden'));
    const err = await pullSecretStep.run(ctx).catch((e: unknown) => e);
    expect((err as Error).message).toBe('forbidden');
  });
});
