import { describe, expect, test } from 'vitest';
import { ToolError } from '../../../src/core/errors.js';
import { generateCredentials, renderManifests } from '../../../src/render/index.js';
import { applyStep, configStep } from '../../../src/steps/index.js';
import { makeContext, testSettings } from '../../fakes/context.js';

const settings = testSettings();
const credentials = generateCredentials(settings);
const facts = () => ({ credentials, ingressAddress: '20.1.2.3', webAddress: '20.4.5.6', apiBasePaths: { member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' } });
const applyLine = (o: { kind: string; metadata: { name: string } }) => `apply ${o.kind} alice-lifesub-ns/${o.metadata.name}`;

describe('config', () => {
  test('applies only the ConfigMaps and Secrets, in render order, and records the URLs', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    const expected = renderManifests({ settings, credentials, ingressAddress: '20.1.2.3', webAddress: '20.4.5.6' }).filter(
      (o) => o.kind === 'ConfigMap' || o.kind === 'Secret',
    );
    expect(await configStep.run(ctx)).toEqual({ message: `${expected.length} ConfigMaps and Secrets` });
    expect(fakes.kube.calls).toEqual(expected.map(applyLine));
    expect(fakes.kube.calls).toContain('apply ConfigMap alice-lifesub-ns/common-config');
    expect(fakes.kube.calls.some((c) => c.includes('Deployment'))).toBe(false);
    const common = fakes.kube.find('ConfigMap', 'common-config', 'alice-lifesub-ns');
    expect(JSON.stringify(common)).toContain('http://20.4.5.6');
    expect(ctx.facts.urls).toEqual({ web: 'http://20.4.5.6', api: 'http://alice.20.1.2.3.nip.io' });
  });

  test('never logs a secret value', async () => {
    const { ctx, logs } = makeContext({ facts: facts() });
    await configStep.run(ctx);
    const text = logs.join('\n');
    for (const secret of [credentials.jwtSecret, credentials.postgresPassword, ...Object.values(credentials.userPasswords)]) {
      expect(text).not.toContain(secret);
    }
  });

  test('an apply failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.failOn('apply', new ToolError('admission webhook denied'), { match: /mysub-config/ });
    await expect(configStep.run(ctx)).rejects.toThrow('admission webhook denied');
  });
});

describe('apply', () => {
  test('needs config, the pull secret, every push and every database', () => {
    expect(applyStep(settings.config.services).needs).toEqual([
      'config',
      'pull-secret',
      'push:member',
      'push:mysub',
      'push:recommend',
      'push:lifesub-web',
      'database:member',
      'database:mysub',
      'database:recommend',
    ]);
  });

  test('applies everything but ConfigMaps and Secrets, in render order, with the pushed images', async () => {
    const images = { member: 'alicecr.azurecr.io/lifesub/member:1.0.0', mysub: 'x/mysub:1', recommend: 'x/recommend:1', 'lifesub-web': 'x/web:1' };
    const { ctx, fakes } = makeContext({ facts: { ...facts(), images } });
    await applyStep(settings.config.services).run(ctx);
    expect(fakes.kube.calls).toEqual([
      'apply Ingress alice-lifesub-ns/backend-ingress',
      'apply Deployment alice-lifesub-ns/member',
      'apply Deployment alice-lifesub-ns/mysub',
      'apply Deployment alice-lifesub-ns/recommend',
      'apply Service alice-lifesub-ns/member',
      'apply Service alice-lifesub-ns/mysub',
      'apply Service alice-lifesub-ns/recommend',
      'apply Deployment alice-lifesub-ns/lifesub-web',
      'apply Service alice-lifesub-ns/lifesub-web',
    ]);
    expect(JSON.stringify(fakes.kube.find('Deployment', 'mysub', 'alice-lifesub-ns'))).toContain('x/mysub:1');
  });

  test('an apply failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.failOn('apply', new ToolError('the server could not find the requested resource'), { match: /Ingress/ });
    await expect(applyStep(settings.config.services).run(ctx)).rejects.toThrow('could not find the requested resource');
    expect(fakes.kube.all()).toEqual([]);
  });
});
