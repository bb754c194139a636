// Pure pieces: simplified server-side apply, merge patches and selectors.
import { describe, expect, test } from 'vitest';
import { applyDefaults } from '../../../../src/sandbox/apiserver/defaults.js';
import { jsonPatch, mergePatch, strategicMergePatch } from '../../../../src/sandbox/apiserver/merge.js';
import { R } from '../../../../src/sandbox/apiserver/resources.js';
import { parseLabelSelector } from '../../../../src/sandbox/apiserver/selectors.js';
import { serverSideApply } from '../../../../src/sandbox/apiserver/ssa.js';
import type { KObject } from '../../../../src/sandbox/apiserver/types.js';

const opts = (manager: string, force = false) => ({ manager, force, apiVersion: 'v1', plural: 'configmaps', group: '' });
const cm = (data: Record<string, string>, labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'd', ...(labels ? { labels } : {}) },
  data,
});

describe('server-side apply', () => {
  test('merges maps, records the manager, and drops fields the manager stopped applying', () => {
    const first = serverSideApply(undefined, cm({ A: '1', B: '2' }, { x: 'y' }), opts('lifesub'));
    expect(first.metadata.managedFields?.[0]?.fieldsV1).toEqual({ 'f:data': { 'f:A': {}, 'f:B': {} }, 'f:metadata': { 'f:labels': { 'f:x': {} } } });
    const second = serverSideApply(first, cm({ A: '1' }), opts('lifesub'));
    expect(second.data).toEqual({ A: '1' });
    expect(second.metadata.labels).toEqual({});
  });

  test('another manager changing an owned field conflicts unless forced', () => {
    const mine = serverSideApply(undefined, cm({ A: '1' }), opts('lifesub'));
    expect(() => serverSideApply(mine, cm({ A: '2' }), opts('kubectl'))).toThrow(/Apply failed with 1 conflict: conflict with "lifesub".*\.data\.A/);
    const forced = serverSideApply(mine, cm({ A: '2' }), opts('kubectl', true));
    expect(forced.data).toEqual({ A: '2' });
    expect(forced.metadata.managedFields?.map((m) => m.manager)).toEqual(['kubectl']);
    // Same value is shared ownership, not a conflict.
    const shared = serverSideApply(mine, cm({ A: '1' }), opts('kubectl'));
    expect(shared.metadata.managedFields?.map((m) => m.manager)).toEqual(['lifesub', 'kubectl']);
  });
});

describe('server-side apply of associative lists', () => {
  const dopts = (manager: string, force = false) => ({ manager, force, apiVersion: 'apps/v1', plural: 'deployments', group: 'apps' });
  const container = (extra: Record<string, unknown> = {}) => ({
    name: 'member',
    image: 'acr.example/member:1',
    ports: [{ containerPort: 8081 }],
    env: [{ name: 'A', value: '1' }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
    ...extra,
  });
  const deploy = (c: Record<string, unknown> = container(), more: Record<string, unknown> = {}): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'member', namespace: 'd' },
    spec: {
      selector: { matchLabels: { app: 'member' } },
      template: { metadata: { labels: { app: 'member' } }, spec: { containers: [c], volumes: [{ name: 'data', emptyDir: {} }], ...more } },
    },
  });
  /** What the server stores after an apply: the merge plus its defaults (terminationMessagePath, protocol…). */
  const store = (obj: KObject): KObject => {
    applyDefaults(R.deployments, obj, () => '10.0.0.1');
    return obj;
  };
  const containersOf = (o: KObject) => o.spec.template.spec.containers;

  test('applying what another manager applied, over server defaults, shares ownership instead of conflicting', () => {
    const live = store(serverSideApply(undefined, deploy(), dopts('lifesub')));
    expect(containersOf(live)[0]).toMatchObject({
      terminationMessagePath: '/dev/termination-log',
      imagePullPolicy: 'IfNotPresent',
      ports: [{ protocol: 'TCP' }],
    });
    const shared = store(serverSideApply(live, deploy(), dopts('kubectl')));
    expect(shared.metadata.managedFields?.map((m) => m.manager)).toEqual(['lifesub', 'kubectl']);
    expect(containersOf(shared)).toEqual(containersOf(live));
    // Ownership is recorded per keyed item and field, in the real server's FieldsV1 format.
    const fields = shared.metadata.managedFields![1]!.fieldsV1['f:spec']['f:template']['f:spec'];
    expect(fields['f:containers']['k:{"name":"member"}']).toMatchObject({
      '.': {},
      'f:name': {},
      'f:image': {},
      'f:ports': { 'k:{"containerPort":8081,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } },
      'f:env': { 'k:{"name":"A"}': { '.': {}, 'f:name': {}, 'f:value': {} } },
      'f:volumeMounts': { 'k:{"mountPath":"/data"}': { '.': {}, 'f:mountPath': {}, 'f:name': {} } },
    });
    expect(fields['f:containers']['k:{"name":"member"}']).not.toHaveProperty('f:terminationMessagePath');
    expect(fields['f:volumes']).toEqual({ 'k:{"name":"data"}': { '.': {}, 'f:name': {}, 'f:emptyDir': {} } });
  });

  test('a different value for a field in a keyed item conflicts on that field; force takes just that field', () => {
    const live = store(serverSideApply(undefined, deploy(), dopts('lifesub')));
    const other = deploy(container({ image: 'acr.example/member:2' }));
    expect(() => serverSideApply(live, other, dopts('kubectl'))).toThrow(
      /^Apply failed with 1 conflict: conflict with "lifesub" using apps\/v1: \.spec\.template\.spec\.containers\[name="member"\]\.image$/,
    );
    const forced = store(serverSideApply(live, other, dopts('kubectl', true)));
    expect(containersOf(forced)[0].image).toBe('acr.example/member:2');
    const lifesub = forced.metadata.managedFields!.find((m) => m.manager === 'lifesub')!.fieldsV1['f:spec']['f:template']['f:spec']['f:containers'][
      'k:{"name":"member"}'
    ];
    expect(lifesub).not.toHaveProperty('f:image');
    expect(lifesub).toHaveProperty('f:env');
  });

  test('items merge by key: another manager adds an env var, and the first manager dropping one removes only its own', () => {
    const live = store(
      serverSideApply(
        undefined,
        deploy(
          container({
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          }),
        ),
        dopts('lifesub'),
      ),
    );
    const partial: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'member', namespace: 'd' },
      spec: { template: { spec: { containers: [{ name: 'member', env: [{ name: 'DEBUG', value: 'true' }] }] } } },
    };
    const withDebug = store(serverSideApply(live, partial, dopts('debugger')));
    expect(containersOf(withDebug)[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
      { name: 'DEBUG', value: 'true' },
    ]);
    expect(containersOf(withDebug)[0].image).toBe('acr.example/member:1');
    const dropped = store(serverSideApply(withDebug, deploy(container({ env: [{ name: 'A', value: '1' }] })), dopts('lifesub')));
    expect(containersOf(dropped)[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'DEBUG', value: 'true' },
    ]);
    // A whole container the manager stops applying goes too, unless someone else owns it.
    const two = store(serverSideApply(dropped, deploy(container(), { containers: [container(), { name: 'sidecar', image: 'busybox:1' }] }), dopts('lifesub')));
    expect(containersOf(two).map((c: { name: string }) => c.name)).toEqual(['member', 'sidecar']);
    const one = store(serverSideApply(two, deploy(), dopts('lifesub')));
    expect(containersOf(one).map((c: { name: string }) => c.name)).toEqual(['member']);
    expect(containersOf(one)[0].env.map((e: { name: string }) => e.name)).toEqual(['A', 'DEBUG']);
  });

  test('re-applying the same configuration changes nothing, managedFields times included', () => {
    const live = store(serverSideApply(undefined, deploy(), dopts('lifesub')));
    const shared = store(serverSideApply(live, deploy(), dopts('kubectl')));
    expect(store(serverSideApply(shared, deploy(), dopts('lifesub')))).toEqual(shared);
    expect(store(serverSideApply(shared, deploy(), dopts('kubectl')))).toEqual(shared);
  });

  test('atomic lists (tolerations) are one value: a different list from another manager conflicts', () => {
    const live = store(serverSideApply(undefined, deploy(container(), { tolerations: [{ key: 'a', operator: 'Exists' }] }), dopts('lifesub')));
    expect(() => serverSideApply(live, deploy(container(), { tolerations: [{ key: 'b', operator: 'Exists' }] }), dopts('kubectl'))).toThrow(
      /\.spec\.template\.spec\.tolerations$/,
    );
  });
});

describe('patches', () => {
  test('merge patch deletes with null and replaces lists', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null }, l: [3] })).toEqual({ a: { c: 2 }, l: [3] });
  });
  test('strategic merge patch merges containers by name and ignores directives', () => {
    const live = {
      spec: {
        containers: [
          { name: 'a', image: 'x:1' },
          { name: 'b', image: 'y:1' },
        ],
      },
    };
    const patched = strategicMergePatch(live, { spec: { $setElementOrder: [], containers: [{ name: 'b', image: 'y:2' }] } });
    expect(patched.spec.containers).toEqual([
      { name: 'a', image: 'x:1' },
      { name: 'b', image: 'y:2' },
    ]);
  });
  test('JSON patch applies add/replace/remove', () => {
    expect(
      jsonPatch({ a: [1], b: 1 }, [
        { op: 'add', path: '/a/-', value: 2 },
        { op: 'replace', path: '/b', value: 3 },
        { op: 'remove', path: '/a/0' },
      ]),
    ).toEqual({ a: [2], b: 3 });
  });
});

test('label selectors: =, ==, !=, in, notin, exists, !exists', () => {
  const obj = (labels: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels } });
  const m = parseLabelSelector('app=web,tier in (a, b),!legacy,env,zone notin (x)');
  expect(m(obj({ app: 'web', tier: 'a', env: 'prod' }))).toBe(true);
  expect(m(obj({ app: 'web', tier: 'c', env: 'prod' }))).toBe(false);
  expect(m(obj({ app: 'web', tier: 'a', env: 'prod', legacy: '1' }))).toBe(false);
  expect(m(obj({ app: 'web', tier: 'a' }))).toBe(false);
  expect(parseLabelSelector('app!=web')(obj({ app: 'db' }))).toBe(true);
  expect(() => parseLabelSelector('app in web')).toThrow(/unable to parse requirement/);
});
