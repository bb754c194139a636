// `lifesub status` judges a lab by the rules `up` waits for: Helm status `deployed`, rolled-out
// workloads (with the reason of each pod that is not), LoadBalancer addresses, and URLs that answer
// as the smoke check expects. In-memory cluster, scripted Helm and HTTP.
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, KubeObject } from '../../../src/adapters/types.js';
import { defaultApiBasePaths, frontendUrls, renderManifests, runtimeEnvScript, studentRoutes } from '../../../src/render/index.js';
import { collectStatus } from '../../../src/status/collect.js';
import { formatStatus } from '../../../src/status/format.js';
import { formatLabs, listLabs } from '../../../src/status/labs.js';
import { createFakes, type Fakes } from '../../fakes/adapters.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const ns = settings.namespace;
const INGRESS_IP = '20.0.0.1';
const WEB_IP = '20.0.0.2';
const signal = new AbortController().signal;
const labels = { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' };

const lb = (name: string, namespace: string, ip: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { type: 'LoadBalancer' },
  status: { loadBalancer: { ingress: [{ ip }] } },
});
const rolled = (kind: 'Deployment' | 'StatefulSet', name: string, selector: Record<string, string>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name, namespace: ns, generation: 1 },
  spec: { replicas: 1, selector: { matchLabels: selector } },
  status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1, readyReplicas: 1 },
});
const deployments = renderManifests({ settings }).filter((o) => o.kind === 'Deployment');

const controllerRelease = (status: string) => ({ name: 'ingress-nginx', namespace: 'ingress-basic', status, chart: 'ingress-nginx-4.12.1', revision: 1 });

/** A lab as a successful `up` leaves it. */
function healthyLab(): Fakes {
  const fakes = createFakes();
  fakes.kube.put(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } },
    lb(settings.config.ingress.service, settings.config.ingress.namespace, INGRESS_IP),
    lb('lifesub-web', ns, WEB_IP),
    ...deployments.map((d) => rolled('Deployment', d.metadata.name, { app: d.metadata.name })),
    ...['member', 'mysub', 'recommend'].map((db) => rolled('StatefulSet', `${db}-postgresql`, { 'app.kubernetes.io/instance': db })),
  );
  fakes.helm.script
    .expect('list', [ns])
    .returns(['member', 'mysub', 'recommend'].map((name) => ({ name, namespace: ns, status: 'deployed', chart: 'postgresql-14.3.2', revision: 1 })));
  fakes.helm.script.expect('list', ['ingress-basic']).returns([controllerRelease('deployed')]);
  const routes = studentRoutes(settings, INGRESS_IP);
  const env = runtimeEnvScript(frontendUrls(settings, routes, defaultApiBasePaths(settings)));
  fakes.http.script
    .expect('request')
    .always()
    .does(([req]) => answer(req as HttpRequest, env));
  return fakes;
}

/** The apps' contract (walkthrough.md): the page, runtime-env.js, and each probe route's own answer with CORS. */
function answer(req: HttpRequest, env: string): HttpResponse {
  if (req.url === `http://${WEB_IP}/`) return { status: 200, body: '<html></html>' };
  if (req.url === `http://${WEB_IP}/runtime-env.js`) return { status: 200, body: env };
  const service = settings.config.services.find((s) => s.smoke && req.url.includes(`${s.apiPath}${s.smoke.path}`));
  if (!service) return { status: 404, body: '<html>404</html>' };
  return { status: service.smoke!.expect[0]!, body: '{}', headers: { 'access-control-allow-origin': req.headers!.Origin! } };
}

describe('collectStatus', () => {
  it('a healthy lab is ready: releases deployed, workloads rolled out, addresses, every URL answers', async () => {
    const fakes = healthyLab();
    const s = await collectStatus(settings, fakes, signal);
    expect(s).toMatchObject({ found: true, namespaceState: 'active', ready: true, addresses: { ingress: INGRESS_IP, web: WEB_IP } });
    expect(s.releases.map((r) => [r.name, r.status])).toEqual([
      ['member', 'deployed'],
      ['mysub', 'deployed'],
      ['recommend', 'deployed'],
      ['ingress-nginx', 'deployed'],
    ]);
    expect(s.workloads.every((w) => w.rolledOut && w.ready === 1 && w.desired === 1)).toBe(true);
    expect(s.checks.map((c) => [c.name, c.ok])).toEqual([
      ['web', true],
      ['runtime-env.js', true],
      ['member', true],
      ['mysub', true],
      ['recommend', true],
    ]);
    expect(s.urls).toEqual({ web: `http://${WEB_IP}`, api: `http://alice.${INGRESS_IP}.nip.io` });
    fakes.verify();
  });

  it('a failed Helm release is not ready', async () => {
    const fakes = healthyLab();
    const failed = createFakes();
    failed.helm.script.expect('list', [ns]).returns([{ name: 'member', namespace: ns, status: 'failed', chart: 'postgresql-14.3.2', revision: 2 }]);
    failed.helm.script.expect('list', ['ingress-basic']).returns([controllerRelease('failed')]);
    const s = await collectStatus(settings, { ...fakes, helm: failed.helm }, signal);
    expect(s.ready).toBe(false);
    expect(s.releases.map((r) => [r.name, r.status])).toEqual([
      ['member', 'failed'],
      ['mysub', 'missing'],
      ['recommend', 'missing'],
      ['ingress-nginx', 'failed'],
    ]);
    expect(formatStatus(s, { sandbox: false })).toMatch(/✗ member\s+failed/);
  });

  it('a workload that has not rolled out names each pod that is not ready, its reason, and the fix', async () => {
    const fakes = healthyLab();
    const member = deployments.find((d) => d.metadata.name === 'member')!;
    fakes.kube.put({
      ...rolled('Deployment', 'member', { app: 'member' }),
      spec: { replicas: 2, selector: { matchLabels: { app: 'member' } } },
      status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, readyReplicas: 1 },
    });
    const pod = (name: string, waiting: { reason: string; message: string }): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels: { app: 'member' } },
      status: { phase: 'Pending', containerStatuses: [{ name: 'member', image: 'alicecr.azurecr.io/lifesub/member:1.0.0', state: { waiting } }] },
    });
    fakes.kube.put(
      pod('member-a', { reason: 'ImagePullBackOff', message: 'Back-off pulling image' }),
      pod('member-b', { reason: 'ContainerCreating', message: '' }),
    );
    const s = await collectStatus(settings, fakes, signal);
    expect(s.ready).toBe(false);
    const w = s.workloads.find((x) => x.name === member.metadata.name)!;
    expect(w).toMatchObject({ kind: 'Deployment', ready: 1, desired: 2, rolledOut: false });
    expect(w.pods).toEqual([
      { pod: 'member-a', reason: 'ImagePullBackOff', message: 'Back-off pulling image' },
      { pod: 'member-b', reason: 'ContainerCreating', message: '' },
    ]);
    expect(w.diagnosis?.summary).toBe('pod member-a ImagePullBackOff: Back-off pulling image');
    expect(w.diagnosis?.hint).toMatch(/check the image was pushed/);
    const text = formatStatus(s, { sandbox: false, context: 'aks-lab' });
    expect(text).toContain('pod member-a: ImagePullBackOff — Back-off pulling image');
    expect(text).toMatch(/✗ deployment member\s+1\/2 ready/);
    expect(text.split('\n').at(-1)).toMatch(/^not ready/);
  });

  it("a URL that does not answer as expected is not ready, with the smoke check's reason", async () => {
    const fakes = healthyLab();
    const http = createFakes().http;
    http.script
      .expect('request')
      .always()
      .does(([req]) => {
        const r = req as HttpRequest;
        return r.url.includes('/api/auth') ? { status: 503, body: 'Service Temporarily Unavailable' } : healthyLab().http.request(r, { signal, timeoutMs: 1 });
      });
    const s = await collectStatus(settings, { ...fakes, http }, signal);
    expect(s.ready).toBe(false);
    const member = s.checks.find((c) => c.name === 'member')!;
    expect(member).toMatchObject({ ok: false, status: 503 });
    expect(member.problem).toMatch(/no ready backend behind the route/);
  });

  it('an ID with no namespace is "nothing found"', async () => {
    const fakes = createFakes();
    const s = await collectStatus(settings, fakes, signal);
    expect(s).toMatchObject({ found: false, namespaceState: 'absent', ready: false });
    expect(formatStatus(s, { sandbox: false, context: 'aks-lab' })).toBe(
      'nothing found for ID alice in context aks-lab: no namespace alice-lifesub-ns (never set up, or removed). Check the ID with `lifesub list`, or run `lifesub up --id alice`.',
    );
    fakes.verify();
  });
});

describe('listLabs', () => {
  it('lists every lifesub-labelled namespace with age, readiness and web URL, one helm list for all', async () => {
    const fakes = healthyLab();
    const created = '2026-01-01T10:00:00Z';
    fakes.kube.put(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels, creationTimestamp: created } },
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'bob-lifesub-ns', labels: { ...labels, 'lifesub.io/id': 'bob' }, creationTimestamp: '2026-01-01T11:58:00Z' },
      },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'somebody-else', labels: { team: 'x' } } },
    );
    const helm = createFakes().helm;
    helm.script
      .expect('list', [undefined])
      .returns(['member', 'mysub', 'recommend'].map((name) => ({ name, namespace: ns, status: 'deployed', chart: 'postgresql-14.3.2', revision: 1 })));
    const labs = await listLabs(settings, { ...fakes, helm }, signal, Date.parse('2026-01-01T12:00:00Z'));
    expect(labs).toEqual([
      { id: 'alice', namespace: ns, created, ageS: 7200, ready: true, terminating: false, web: `http://${WEB_IP}` },
      { id: 'bob', namespace: 'bob-lifesub-ns', created: '2026-01-01T11:58:00Z', ageS: 120, ready: false, terminating: false },
    ]);
    expect(helm.script.calls).toHaveLength(1);
    expect(fakes.http.script.calls, 'list does not ask URLs').toEqual([]);
    expect(formatLabs(labs).split('\n')).toEqual([
      'ID      NAMESPACE          AGE   READY   WEB',
      `alice   alice-lifesub-ns   2h    yes     http://${WEB_IP}`,
      'bob     bob-lifesub-ns     2m    no      -',
    ]);
    expect(formatLabs([], 'aks-lab')).toBe('no lifesub labs on this cluster (context aks-lab)');
  });
});
