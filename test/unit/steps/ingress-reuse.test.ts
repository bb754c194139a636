// An ingress-nginx that already serves IngressClass nginx is used wherever it is, whoever installed
// it; lifesub installs only when there is none, and never leaves behind an empty namespace it made.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { ingressAddressStep, ingressStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const selector = (release: string) => ({
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': release,
  'app.kubernetes.io/component': 'controller',
});

function ingressClass(release: string, namespace: string, controller = 'k8s.io/ingress-nginx'): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx', labels: selector(release), annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace } },
    spec: { controller },
  };
}

function service(release: string, namespace: string, name: string, type: string, ip?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: selector(release) },
    spec: { type },
    ...(ip ? { status: { loadBalancer: { ingress: [{ ip }] } } } : {}),
  };
}

describe('ingress: an existing controller', () => {
  test('installed by someone else under another release and namespace is used; nothing is installed', async () => {
    const { ctx, fakes, logs } = makeContext();
    fakes.kube.put(
      ingressClass('shared-nginx', 'platform'),
      service('shared-nginx', 'platform', 'shared-nginx-ingress-nginx-controller-admission', 'ClusterIP'),
      service('shared-nginx', 'platform', 'shared-nginx-ingress-nginx-controller-internal', 'LoadBalancer', '10.0.0.9'),
      service('shared-nginx', 'platform', 'shared-nginx-ingress-nginx-controller', 'LoadBalancer', '20.9.8.7'),
      service('other', 'elsewhere', 'other-ingress-nginx-controller', 'LoadBalancer', '20.1.1.1'),
    );
    expect(await ingressStep.run(ctx)).toEqual({
      skipped: 'using the existing controller: service shared-nginx-ingress-nginx-controller in platform, release shared-nginx (shared; left unchanged)',
    });
    expect(logs.join('\n')).toContain('IngressClass nginx is served by the ingress-nginx in namespace platform');
    expect(fakes.kube.calls.filter((c) => !c.startsWith('get') && !c.startsWith('list'))).toEqual([]);
    fakes.verify(); // no helm call at all

    expect(await ingressAddressStep.run(ctx)).toEqual({ message: 'ingress at 20.9.8.7 (service shared-nginx-ingress-nginx-controller in platform)' });
  });

  test('an IngressClass nginx of another controller is refused, naming it', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(ingressClass('nginx-inc', 'nginx-inc', 'nginx.org/ingress-controller'));
    const err = (await ingressStep.run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(/IngressClass nginx on this cluster belongs to controller nginx\.org\/ingress-controller/);
    fakes.verify();
  });

  test('the class without any LoadBalancer Service of its release is reported, not installed over', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(ingressClass('shared-nginx', 'platform'), service('shared-nginx', 'platform', 'x-admission', 'ClusterIP'));
    await expect(ingressStep.run(ctx)).rejects.toThrow(/no LoadBalancer Service labelled .* was found/);
    fakes.verify();
  });
});

describe('ingress: a failed install', () => {
  test('removes the namespace lifesub created when nothing was written into it', async () => {
    const { ctx, fakes, logs } = makeContext();
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script.expect('upgradeInstall').throws(new ToolError('helm: chart not found'));
    await expect(ingressStep.run(ctx)).rejects.toThrow('helm: chart not found');
    expect(fakes.kube.calls).toContain('delete Namespace ingress-basic');
    expect(fakes.kube.find('Namespace', 'ingress-basic')).toBeUndefined();
    expect(logs.join('\n')).toMatch(/removed namespace ingress-basic/);
  });

  test('keeps it when the install left objects in it (a re-run repairs them)', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script.expect('upgradeInstall').does(() => {
      fakes.kube.put({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sh.helm.release.v1.ingress-nginx.v1', namespace: 'ingress-basic' } });
      throw new ToolError('helm: timed out');
    });
    await expect(ingressStep.run(ctx)).rejects.toThrow('helm: timed out');
    expect(fakes.kube.calls).not.toContain('delete Namespace ingress-basic');
    expect(fakes.kube.find('Namespace', 'ingress-basic')).toBeDefined();
  });

  test('never removes a namespace it did not create', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-basic' } });
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script.expect('upgradeInstall').throws(new ToolError('helm: chart not found'));
    await expect(ingressStep.run(ctx)).rejects.toThrow('helm: chart not found');
    expect(fakes.kube.find('Namespace', 'ingress-basic')).toBeDefined();
  });
});
