import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { PULL_SECRET, renderNamespace, renderPullSecret, validateObjects } from '../../../src/render/index.js';
import { decode, settings } from './fixtures.js';

describe('single objects', () => {
  test('namespace', () => {
    const ns = renderNamespace(settings);
    expect(ns).toMatchObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alice-lifesub-ns' } });
    expect(ns.metadata.namespace).toBeUndefined();
    expect(ns.metadata.labels).toMatchObject({ 'lifesub.io/id': 'alice', 'app.kubernetes.io/managed-by': 'lifesub' });
    expect(validateObjects([ns])).toEqual([]);
  });

  test('pull secret: dockerconfigjson with username, password and auth', () => {
    const secret = renderPullSecret(settings, { loginServer: 'alicecr.azurecr.io', username: 'alicecr', password: 'p@ss:"word' }) as KubeObject &
      Record<string, any>;
    expect(secret.metadata).toMatchObject({ name: PULL_SECRET, namespace: 'alice-lifesub-ns' });
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    const config = JSON.parse(decode(secret.data['.dockerconfigjson']));
    expect(config).toEqual({
      auths: { 'alicecr.azurecr.io': { username: 'alicecr', password: 'p@ss:"word', auth: Buffer.from('alicecr:p@ss:"word').toString('base64') } },
    });
    expect(validateObjects([secret])).toEqual([]);
  });
});
