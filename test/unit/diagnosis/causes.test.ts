// The pattern → fix mapping of src/diagnosis, on the wordings the kubelet, the API server and the tools
// use (the failure table runs the same through the real steps); here the choices a hint must get right.
import { describe, expect, test } from 'vitest';
import { ToolError, withHint } from '../../../src/core/errors.js';
import {
  apiRefusalCause,
  apiserverRefusalOf,
  imagePullCause,
  namespaceTerminatingCause,
  podCreationCause,
  pullFailureOf,
  toolOutputCause,
} from '../../../src/diagnosis/index.js';
import { pullFailedMessage } from '../../../src/sandbox/apiserver/controllers/pod-stage.js';

const ctx = (image: string) => ({ image, loginServer: 'alicecr.azurecr.io', namespace: 'alice-lifesub-ns', pullSecret: 'lifesub-registry' });

describe('image pulls', () => {
  test.each([
    ['unauthorized', 'unauthorized'],
    ['notFound', 'not-found'],
    ['noSuchHost', 'no-such-host'],
  ] as const)('the sandbox kubelet wording for %s is recognised', (kind, expected) => {
    expect(pullFailureOf(pullFailedMessage('alicecr.azurecr.io/lifesub/member:1.0', kind))).toBe(expected);
  });

  test('--attach-acr only for a 401 from an Azure registry', () => {
    const acr = imagePullCause([pullFailedMessage('alicecr.azurecr.io/lifesub/member:1.0', 'unauthorized')], ctx('alicecr.azurecr.io/lifesub/member:1.0'));
    expect(acr?.hint).toContain('--attach-acr alicecr');
    const hub = imagePullCause([pullFailedMessage('docker.io/someone/private:1', 'unauthorized')], ctx('docker.io/someone/private:1'));
    expect(hub?.hint).not.toMatch(/attach-acr/);
    const missing = imagePullCause([pullFailedMessage('alicecr.azurecr.io/lifesub/member:1.0', 'notFound')], ctx('alicecr.azurecr.io/lifesub/member:1.0'));
    expect(missing?.hint).not.toMatch(/attach-acr/);
  });

  test('a missing public image is gone upstream, never "push it"; a missing own image is not pushed', () => {
    const gone = imagePullCause([pullFailedMessage('bitnami/postgresql:14.3.2-debian-11-r0', 'notFound')], ctx('bitnami/postgresql:14.3.2-debian-11-r0'));
    expect(gone?.hint).toMatch(/no longer exists on docker\.io/);
    expect(gone?.hint).not.toMatch(/push/i);
    const own = imagePullCause([pullFailedMessage('alicecr.azurecr.io/lifesub/member:1.0', 'notFound')], ctx('alicecr.azurecr.io/lifesub/member:1.0'));
    expect(own?.hint).toMatch(/not in your registry/);
    expect(own?.hint).toMatch(/push/);
  });

  test('nothing known in the events: no cause (the generic hint stays)', () => {
    expect(imagePullCause(['Back-off pulling image "x"'], ctx('x'))).toBeUndefined();
  });
});

test('a namespace that is merely Terminating without conditions has no cause yet', () => {
  expect(
    namespaceTerminatingCause({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', deletionTimestamp: '2026-01-01T00:00:00Z' } }),
  ).toBeUndefined();
  expect(namespaceTerminatingCause({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } })).toBeUndefined();
});

test('a 403 is a permission with verb and resource; a webhook that cannot be reached is named', () => {
  const rbac = apiRefusalCause(
    'ingresses.networking.k8s.io "x" is forbidden: User "bob" cannot create resource "ingresses" in API group "networking.k8s.io" in the namespace "ns"',
  );
  expect(rbac?.hint).toMatch(/^this is a permission, not an expired login: bob may not create ingresses\.networking\.k8s\.io in ns/);
  expect(rbac?.hint).not.toMatch(/refresh|credentials/);
  const unreachable = apiRefusalCause(
    'Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": failed to call webhook: Post "https://ingress-nginx-controller-admission.ingress-basic.svc:443/networking/v1/ingresses?timeout=10s": dial tcp 10.0.1.2:443: connect: connection refused',
  );
  expect(unreachable?.kind).toBe('admission-unreachable');
  expect(unreachable?.hint).toContain('validate.nginx.ingress.kubernetes.io');
});

test('helm ownership without annotations: installed by something other than Helm', () => {
  const c = toolOutputCause(
    'Error: INSTALLATION FAILED: Unable to continue with install: IngressClass "nginx" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "ingress-nginx"',
  );
  expect(c?.summary).toBe('IngressClass "nginx" is owned by something installed without Helm (or by another tool) (invalid ownership metadata)');
});

test("a stated cause wins over the step's and the adapter's hint and reaches the message", () => {
  const err = new ToolError('docker build exited with code 1', 'adapter hint', {
    details: 'ERROR: failed to solve: write /var/lib/docker/x: no space left on device',
  });
  withHint(err, 'step hint');
  expect(err.message).toBe('docker build exited with code 1: no space left on device');
  expect(err.hint).toMatch(/^the disk is full/);
  const plain = new ToolError('helm exited with code 1', undefined, { details: 'Error: something else' });
  withHint(plain, 'step hint');
  expect([plain.message, plain.hint]).toEqual(['helm exited with code 1', 'step hint']);
});

describe('pods the cluster refused to create (FailedCreate)', () => {
  const at = { namespace: 'hank-lifesub-ns', owner: 'replicaset member-6d4f8b7c9' };
  const exceeded = 'pods "member-6d4f8b7c9-x7k2p" is forbidden: exceeded quota: lifesub-budget, requested: pods=1, used: pods=3, limited: pods=3';

  test("the controllers' wrappings (ReplicaSet, StatefulSet, the recorder's aggregation) are taken off to find the apiserver's words", () => {
    expect(apiserverRefusalOf(`Error creating: ${exceeded}`)).toBe(exceeded);
    expect(apiserverRefusalOf(`create Pod m-0 in StatefulSet m failed error: ${exceeded}`)).toBe(exceeded);
    expect(apiserverRefusalOf(`(combined from similar events): Error creating: ${exceeded}`)).toBe(exceeded);
  });

  test('an exceeded quota names the quota, quotes the event and points at the class budget, never at pod logs', () => {
    const c = podCreationCause(`Error creating: ${exceeded}`, at);
    expect(c).toMatchObject({ kind: 'quota-exceeded', quote: `Error creating: ${exceeded}` });
    expect(c.hint).toContain('kubectl describe resourcequota lifesub-budget -n hank-lifesub-ns');
    expect(c.hint).toContain('`budget:`');
    expect(c.hint).not.toContain('kubectl logs');
  });

  test('a quota that wants declared limits, an admission webhook and Pod Security each get their own fix; anything else is still quoted', () => {
    const unspecified = podCreationCause('Error creating: pods "m-1" is forbidden: failed quota: lifesub-budget: must specify limits.cpu,limits.memory', at);
    expect(unspecified.kind).toBe('quota-unspecified');
    expect(unspecified.hint).toMatch(/declare limits\.cpu,limits\.memory.*LimitRange/);
    const webhook = podCreationCause(
      'Error creating: admission webhook "validate.kyverno.svc-fail" denied the request: policy require-labels: label team is required',
      at,
    );
    expect(webhook.kind).toBe('webhook-denied');
    expect(webhook.hint).toContain('the admission webhook validate.kyverno.svc-fail refused the pod');
    const psa = podCreationCause('Error creating: pods "m-1" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false', at);
    expect(psa.kind).toBe('pod-security');
    const other = podCreationCause('Error creating: Internal error occurred: resource quota evaluation timed out', at);
    expect(other).toMatchObject({ kind: 'create-refused', quote: 'Error creating: Internal error occurred: resource quota evaluation timed out' });
    expect(other.hint).toContain('kubectl describe replicaset member-6d4f8b7c9 -n hank-lifesub-ns');
  });
});
