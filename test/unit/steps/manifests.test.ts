import type { KubeObject } from '../../../src/adapters/types.js';
import { describe, expect, test } from 'vitest';
import { ToolError } from '../../../src/core/errors.js';
import { generateCredentials, renderManifests } from '../../../src/render/index.js';
import { applyServiceStep, applyStep, configStep } from '../../../src/steps/index.js';
import { APPLIED_DIGEST_ANNOTATION, describeCount } from '../../../src/steps/manifests.js';
import { makeContext, testSettings } from '../../fakes/context.js';

const settings = testSettings();
const credentials = generateCredentials(settings);
const facts = () => ({
  credentials,
  ingressAddress: '20.1.2.3',
  webAddress: '20.4.5.6',
  apiBasePaths: { member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' },
});
const applyLine = (o: { kind: string; metadata: { name: string } }) => `apply ${o.kind} alice-lifesub-ns/${o.metadata.name}`;
const getLine = (o: { kind: string; metadata: { name: string } }) => `get ${o.kind} alice-lifesub-ns/${o.metadata.name}`;
const applies = (calls: string[]) => calls.filter((c) => c.startsWith('apply '));
const service = (name: string) => settings.config.services.find((s) => s.name === name)!;

describe('config', () => {
  test('applies only the ConfigMaps and Secrets, in render order, and records the URLs', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    const expected = renderManifests({ settings, credentials, ingressAddress: '20.1.2.3', webAddress: '20.4.5.6' }).filter(
      (o) => o.kind === 'ConfigMap' || o.kind === 'Secret',
    );
    expect(await configStep.run(ctx)).toEqual({ message: `${expected.length} ConfigMaps and Secrets applied` });
    expect(fakes.kube.calls).toEqual(expected.flatMap((o) => [getLine(o), applyLine(o)]));
    expect(fakes.kube.calls).toContain('apply ConfigMap alice-lifesub-ns/common-config');
    expect(fakes.kube.calls.some((c) => c.includes('Deployment'))).toBe(false);
    const common = fakes.kube.find('ConfigMap', 'common-config', 'alice-lifesub-ns');
    expect(JSON.stringify(common)).toContain('http://20.4.5.6');
    // Each backend's base as runtime-env.js gives it to the frontend (the bare root answers 404).
    expect(ctx.facts.urls).toEqual({
      web: 'http://20.4.5.6',
      api: 'http://alice.20.1.2.3.nip.io',
      apis: {
        member: 'http://alice.20.1.2.3.nip.io/api/auth',
        mysub: 'http://alice.20.1.2.3.nip.io/api/mysub',
        recommend: 'http://alice.20.1.2.3.nip.io/api/recommend',
      },
    });
  });

  test('a second run sends no apply: every live object already carries the digest of what would be applied', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    await configStep.run(ctx);
    const first = applies(fakes.kube.calls).length;
    expect(fakes.kube.find('ConfigMap', 'common-config', 'alice-lifesub-ns')?.metadata.annotations?.[APPLIED_DIGEST_ANNOTATION]).toMatch(/^[0-9a-f]{24}$/);
    const again = makeContext({ facts: facts(), fakes });
    expect(await configStep.run(again.ctx)).toEqual({ message: `0 ConfigMaps and Secrets applied, ${first} unchanged` });
    expect(applies(fakes.kube.calls)).toHaveLength(first);
  });

  test('a changed object is applied again, the others are not', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    await configStep.run(ctx);
    const before = applies(fakes.kube.calls).length;
    const moved = makeContext({ facts: { ...facts(), webAddress: '20.7.7.7' }, fakes });
    await configStep.run(moved.ctx);
    expect(applies(fakes.kube.calls).slice(before)).toEqual(['apply ConfigMap alice-lifesub-ns/common-config']);
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

describe('apply:<service>', () => {
  test("applies the service's own Deployment and Service with its pushed image, nothing else", async () => {
    const images = { member: 'alicecr.azurecr.io/lifesub/member:1.0.0', mysub: 'x/mysub:1', recommend: 'x/recommend:1', 'lifesub-web': 'x/web:1' };
    const { ctx, fakes } = makeContext({ facts: { ...facts(), images } });
    fakes.kube.put(readyDatabase('mysub'));
    expect(await applyServiceStep(service('mysub')).run(ctx)).toEqual({ message: '2 objects applied' });
    expect(describeCount({ applied: 1, unchanged: 1 })).toBe('1 object applied, 1 unchanged');
    expect(applies(fakes.kube.calls)).toEqual(['apply Deployment alice-lifesub-ns/mysub', 'apply Service alice-lifesub-ns/mysub']);
    expect(JSON.stringify(fakes.kube.find('Deployment', 'mysub', 'alice-lifesub-ns'))).toContain('x/mysub:1');
    const again = makeContext({ facts: { ...facts(), images }, fakes });
    expect(await applyServiceStep(service('mysub')).run(again.ctx)).toEqual({ skipped: 'already as desired' });
    expect(applies(fakes.kube.calls)).toHaveLength(2);
  });

  test('a backend is not applied before its database is ready (Spring Boot would stop at start-up)', async () => {
    const images = { member: 'x/member:1', mysub: 'x/mysub:1', recommend: 'x/recommend:1', 'lifesub-web': 'x/web:1' };
    const { ctx, fakes } = makeContext({ facts: { ...facts(), images } });
    fakes.kube.put({ ...readyDatabase('mysub'), status: { replicas: 1, readyReplicas: 0 } });
    fakes.kube.waitLimitMs = 50;
    await expect(applyServiceStep(service('mysub')).run(ctx)).rejects.toThrow(/database alice-lifesub-ns\/mysub-postgresql to be ready/);
    expect(applies(fakes.kube.calls)).toEqual([]);
  });
  test('the database wait stops early when the ResourceQuota refuses the database pod, naming it (no logs of a pod that does not exist)', async () => {
    const images = { member: 'x/member:1', mysub: 'x/mysub:1', recommend: 'x/recommend:1', 'lifesub-web': 'x/web:1' };
    const { ctx, fakes } = makeContext({ facts: { ...facts(), images } });
    const message =
      'create Pod mysub-postgresql-0 in StatefulSet mysub-postgresql failed error: pods "mysub-postgresql-0" is forbidden: exceeded quota: lifesub-budget, requested: pods=1, used: pods=11, limited: pods=11';
    fakes.kube.put(
      {
        ...readyDatabase('mysub'),
        metadata: { name: 'mysub-postgresql', namespace: 'alice-lifesub-ns', uid: 'sts-1' },
        spec: { replicas: 1, selector: { matchLabels: { 'app.kubernetes.io/instance': 'mysub' } } },
        status: { replicas: 0, readyReplicas: 0 },
      },
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'mysub-postgresql.1807c4a2b6f0e1d3', namespace: 'alice-lifesub-ns' },
        involvedObject: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'mysub-postgresql', namespace: 'alice-lifesub-ns', uid: 'sts-1' },
        reason: 'FailedCreate',
        type: 'Warning',
        message,
        count: 1,
      },
    );
    fakes.kube.waitLimitMs = 2_000; // the old behaviour: wait this out, then "timed out … to be ready"
    const err = (await applyServiceStep(service('mysub'), { firstCheckMs: 0, checkEveryMs: 5, refusalGraceMs: 0 })
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe(`database alice-lifesub-ns/mysub-postgresql is not ready: statefulset mysub-postgresql FailedCreate: ${message}`);
    expect(err.hint).toContain('kubectl describe resourcequota lifesub-budget -n alice-lifesub-ns');
    expect(err.hint).not.toContain('kubectl logs');
    expect(applies(fakes.kube.calls)).toEqual([]);
  });
});

/** StatefulSet `<db>-postgresql` as bitnami/postgresql makes it, with one ready replica. */
function readyDatabase(db: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: `${db}-postgresql`, namespace: 'alice-lifesub-ns' },
    status: { replicas: 1, readyReplicas: 1 },
  };
}

describe('apply', () => {
  test('applies what no service owns and is not configuration: the Ingress, once the controller is installed', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    await applyStep(settings.config.services).run(ctx);
    expect(applies(fakes.kube.calls)).toEqual(['apply Ingress alice-lifesub-ns/backend-ingress']);
  });

  test('an apply failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.kube.failOn('apply', new ToolError('the server could not find the requested resource'), { match: /Ingress/ });
    await expect(applyStep(settings.config.services).run(ctx)).rejects.toThrow('could not find the requested resource');
    expect(fakes.kube.all()).toEqual([]);
  });
});
