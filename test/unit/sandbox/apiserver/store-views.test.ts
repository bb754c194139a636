// Read-only views hand out the stored objects themselves (no copy); they are frozen, so a caller that
// changes one fails at once instead of silently changing the cluster behind the API's back.
import { describe, expect, it } from 'vitest';
import { Store } from '../../../../src/sandbox/apiserver/store.js';
import { R } from '../../../../src/sandbox/apiserver/resources.js';
import type { KObject } from '../../../../src/sandbox/apiserver/types.js';

const cm = (name: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns' }, data: { a: '1' } }) as KObject;

describe('store views', () => {
  it('view and peek return the frozen stored object; changing it throws and the store keeps its state', () => {
    const store = new Store();
    store.create(R.configmaps, cm('x'));
    const [seen] = store.view(R.configmaps, 'ns');
    expect(store.peek(R.configmaps, 'ns', 'x')).toBe(seen);
    expect(() => {
      (seen!.data as Record<string, string>).a = '2';
    }).toThrow(TypeError);
    expect(store.get(R.configmaps, 'ns', 'x')!.data).toEqual({ a: '1' });
  });

  it('get and list still return private copies the caller may change', () => {
    const store = new Store();
    store.create(R.configmaps, cm('x'));
    const copy = store.list(R.configmaps, 'ns')[0]!;
    copy.data!.a = 'changed';
    expect(store.peek(R.configmaps, 'ns', 'x')!.data).toEqual({ a: '1' });
  });

  it('a replaced object is a new frozen object; the old view stays as it was', () => {
    const store = new Store();
    store.create(R.configmaps, cm('x'));
    const before = store.peek(R.configmaps, 'ns', 'x')!;
    store.replace(R.configmaps, { ...store.get(R.configmaps, 'ns', 'x')!, data: { a: '2' } });
    expect(before.data).toEqual({ a: '1' });
    expect(Object.isFrozen(store.peek(R.configmaps, 'ns', 'x'))).toBe(true);
    expect(store.peek(R.configmaps, 'ns', 'x')!.data).toEqual({ a: '2' });
  });
});
