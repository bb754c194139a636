// Pods read configuration only at start, so a configuration change must change their pod templates
// (and an unchanged configuration must not, or every re-run would restart everything).
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { renderManifests, validateObjects } from '../../../src/render/index.js';
import { CONFIG_HASH_ANNOTATION } from '../../../src/render/manifests.js';
import { credentials, settings } from './fixtures.js';

const hashes = (objects: KubeObject[]) =>
  objects
    .filter((o) => o.kind === 'Deployment')
    .map((o) => (o.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template.metadata.annotations?.[CONFIG_HASH_ANNOTATION]);

const base = { settings, credentials, ingressAddress: '20.1.2.3', webAddress: '20.1.2.4' };

describe('configuration hash on pod templates', () => {
  test('every Deployment carries the same hash, stable for the same inputs, and stays valid', () => {
    const first = hashes(renderManifests(base));
    expect(first).toHaveLength(4);
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes(renderManifests(base))).toEqual(first);
    expect(validateObjects(renderManifests(base))).toEqual([]);
  });

  test('changes when an address or a credential changes', () => {
    const first = hashes(renderManifests(base))[0];
    expect(hashes(renderManifests({ ...base, webAddress: '20.9.9.9' }))[0]).not.toBe(first);
    expect(hashes(renderManifests({ ...base, ingressAddress: '20.9.9.9' }))[0]).not.toBe(first);
    expect(hashes(renderManifests({ ...base, credentials: { ...credentials, jwtSecret: 'another-secret-value-that-is-long-enough-0123456789' } }))[0]).not.toBe(
      first,
    );
  });

  test('does not reveal a secret value', () => {
    const text = JSON.stringify(renderManifests(base).filter((o) => o.kind === 'Deployment'));
    for (const secret of [credentials.jwtSecret, credentials.postgresPassword, ...Object.values(credentials.userPasswords)]) expect(text).not.toContain(secret);
  });
});
