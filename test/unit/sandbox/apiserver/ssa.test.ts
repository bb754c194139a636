// Pure pieces: simplified server-side apply, merge patches and selectors.
import { describe, expect, test } from 'vitest';
import { jsonPatch, mergePatch, strategicMergePatch } from '../../../../src/sandbox/apiserver/merge.js';
import { parseLabelSelector } from '../../../../src/sandbox/apiserver/selectors.js';
import { serverSideApply } from '../../../../src/sandbox/apiserver/ssa.js';
import type { KObject } from '../../../../src/sandbox/apiserver/types.js';

const opts = (manager: string, force = false) => ({ manager, force, apiVersion: 'v1', plural: 'configmaps', group: '' });
const cm = (data: Record<string, string>, labels?: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'd', ...(labels ? { labels } : {}) }, data });

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

describe('patches', () => {
  test('merge patch deletes with null and replaces lists', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null }, l: [3] })).toEqual({ a: { c: 2 }, l: [3] });
  });
  test('strategic merge patch merges containers by name and ignores directives', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] } };
    const patched = strategicMergePatch(live, { spec: { $setElementOrder: [], containers: [{ name: 'b', image: 'y:2' }] } });
    expect(patched.spec.containers).toEqual([{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:2' }]);
  });
  test('JSON patch applies add/replace/remove', () => {
    expect(jsonPatch({ a: [1], b: 1 }, [{ op: 'add', path: '/a/-', value: 2 }, { op: 'replace', path: '/b', value: 3 }, { op: 'remove', path: '/a/0' }])).toEqual({ a: [2], b: 3 });
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
