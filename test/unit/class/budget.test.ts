// The default namespace budget is computed from the lab's own manifests and database values, and the
// simulated API server's quota admission — the same rules as the real apiserver — admits exactly that lab.
import { describe, expect, test } from 'vitest';
import { budgetProblems, labBudget, quantityValue, renderBudget } from '../../../src/class/budget.js';
import { sharedFacts, sharedSteps, studentSteps } from '../../../src/class/graph.js';
import type { Facts } from '../../../src/graph/step.js';
import { validateGraph } from '../../../src/graph/validate.js';
import { admitPod } from '../../../src/sandbox/apiserver/quota.js';
import { Store } from '../../../src/sandbox/apiserver/store.js';
import type { KObject } from '../../../src/sandbox/apiserver/types.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const ns = settings.namespace;

function pod(name: string, resources?: Record<string, Record<string, string>>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns },
    spec: { containers: [{ name: 'app', image: 'x', ...(resources ? { resources } : {}) }] },
  } as KObject;
}
const app = { requests: { cpu: '256m', memory: '256Mi' }, limits: { cpu: '1024m', memory: '1024Mi' } };
const db = { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } };

function storeWithBudget(): Store {
  const store = new Store();
  store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as KObject);
  for (const o of renderBudget(settings)) store.create(o.kind === 'ResourceQuota' ? 'resourcequotas' : 'limitranges', o as KObject);
  return store;
}

describe('class budget', () => {
  test('the default is the lab: 4 Deployments (+1 surge pod each) at 256m/256Mi..1024m/1Gi and 3 databases at 500m/512Mi..1/1Gi', () => {
    expect(labBudget(settings)).toEqual({
      'requests.cpu': '3548m', // 8 × 256m + 3 × 500m
      'requests.memory': '3584Mi', // 8 × 256Mi + 3 × 512Mi
      'limits.cpu': '11192m', // 8 × 1024m + 3 × 1
      'limits.memory': '11Gi', // 8 × 1Gi + 3 × 1Gi
      pods: '11',
      persistentvolumeclaims: '3',
      'requests.storage': '30Gi',
    });
  });

  test('class and student overrides replace single keys, in that order', () => {
    const [quota] = renderBudget(settings, { pods: '20', 'limits.cpu': '12' }, { pods: '15' });
    expect((quota!.spec as { hard: Record<string, string> }).hard).toMatchObject({ pods: '15', 'limits.cpu': '12', 'requests.cpu': '3548m' });
    expect(quota!.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': settings.id });
  });

  test('the sandbox admits the whole lab under the default budget and refuses the twelfth pod like the apiserver', () => {
    const store = storeWithBudget();
    for (let i = 0; i < 8; i++) store.create('pods', (admitPod(store, pod(`app-${i}`, app)), pod(`app-${i}`, app)));
    for (let i = 0; i < 3; i++) store.create('pods', (admitPod(store, pod(`db-${i}`, db)), pod(`db-${i}`, db)));
    expect(() => admitPod(store, pod('one-more', app))).toThrow(
      'pods "one-more" is forbidden: exceeded quota: lifesub-budget, requested: limits.cpu=1024m,limits.memory=1Gi,pods=1,requests.cpu=256m,requests.memory=256Mi, ' +
        'used: limits.cpu=11192m,limits.memory=11Gi,pods=11,requests.cpu=3548m,requests.memory=3584Mi, ' +
        'limited: limits.cpu=11192m,limits.memory=11Gi,pods=11,requests.cpu=3548m,requests.memory=3584Mi',
    );
  });

  test('LimitRange defaults fill a container that declares nothing, so the quota counts it instead of refusing it', () => {
    const store = storeWithBudget();
    const bare = pod('bare');
    admitPod(store, bare);
    expect((bare.spec as { containers: Array<{ resources: unknown }> }).containers[0]!.resources).toEqual({
      requests: { cpu: '256m', memory: '256Mi' },
      limits: { cpu: '1024m', memory: '1Gi' },
    });
    store.remove('limitranges', ns, 'lifesub-limits');
    expect(() => admitPod(store, pod('bare2'))).toThrow(/failed quota: lifesub-budget: must specify limits.cpu,limits.memory,requests.cpu,requests.memory/);
  });

  test('the class graphs are valid cuts of up: no student builds or pushes; pods wait for the budget', () => {
    const shared = sharedSteps(settings);
    validateGraph(shared);
    expect(shared.filter((s) => s.name.startsWith('image:'))).toHaveLength(4);
    const images = { sourceRegistry: 'alicecr', refs: {} };
    const student = studentSteps(settings, images);
    // A student's run starts with what the shared run found (class/graph.ts sharedFacts).
    validateGraph(
      student,
      Object.keys(sharedFacts({ repoDirs: {}, apiBasePaths: {}, frontendBasePaths: {}, ingressController: {}, ingressAddress: '' } as Facts)),
    );
    expect(() => validateGraph(student), 'without them, a student graph reads facts nobody wrote').toThrow(/reads fact/);
    const names = student.map((s) => s.name);
    expect(names.filter((n) => /^(repos|jars|image:|push:|image-tags|docker-login|ingress$|chart-repos)/.test(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['quota', 'import:member', 'import:lifesub-web', 'readiness', 'smoke']));
    for (const s of student.filter((x) => x.name.startsWith('database:') || x.name.startsWith('apply:'))) expect(s.needs).toContain('quota');
    expect(student.find((s) => s.name === 'apply:member')!.needs).toContain('import:member');
  });
});

describe('budget floor', () => {
  test('quantities parse as Kubernetes parses them', () => {
    expect([quantityValue('500m'), quantityValue('1e3'), quantityValue('.5'), quantityValue('4Gi'), quantityValue('1G'), quantityValue(3)]).toEqual([
      0.5,
      1000,
      0.5,
      4 * 2 ** 30,
      1e9,
      3,
    ]);
    expect(() => quantityValue('12Gx')).toThrow(/not a quantity/);
  });

  test('the default fits; a key below the steady lab is named; the student’s own value replaces the class’s', () => {
    expect(budgetProblems(settings)).toEqual([]);
    expect(budgetProblems(settings, { 'limits.memory': '2Gi', pods: '3.5' })).toEqual([
      expect.stringMatching(/^budget limits\.memory: 2Gi is less than the lab needs \(\d+Gi; the default \d+Gi also allows a rolling update\)$/),
      "budget pods: '3.5' is not a whole number",
    ]);
    expect(budgetProblems(settings, { 'limits.memory': '2Gi' }, { 'limits.memory': '64Gi' })).toEqual([]);
  });
});
