import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { credentialsFromSecret, CREDENTIALS_SECRET, generateCredentials, renderCredentialsSecret, validateObjects } from '../../../src/render/index.js';
import { credentials, decode, settings } from './fixtures.js';

describe('credentials', () => {
  test('generated: random, URL-safe, long enough, one password per backend database', () => {
    const a = generateCredentials(settings);
    const b = generateCredentials(settings);
    expect(Object.keys(a.userPasswords).sort()).toEqual(['member', 'mysub', 'recommend']);
    const all = [a.postgresPassword, a.replicationPassword, ...Object.values(a.userPasswords), a.jwtSecret];
    for (const value of all) {
      expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(value.length).toBeGreaterThanOrEqual(24);
    }
    expect(a.jwtSecret.length).toBeGreaterThanOrEqual(64);
    expect(new Set(all).size).toBe(all.length);
    expect(a.postgresPassword).not.toBe(b.postgresPassword);
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
  });

  test('the Secret has the documented keys, base64-encoded', () => {
    const secret = renderCredentialsSecret(settings, credentials) as KubeObject & Record<string, any>;
    expect(secret.metadata).toMatchObject({ name: CREDENTIALS_SECRET, namespace: 'alice-lifesub-ns' });
    expect(secret.metadata.labels?.['lifesub.io/id']).toBe('alice');
    expect(secret.type).toBe('Opaque');
    expect(Object.keys(secret.data).sort()).toEqual([
      'jwt-secret-key',
      'member-password',
      'mysub-password',
      'postgres-password',
      'recommend-password',
      'replication-password',
    ]);
    expect(decode(secret.data['postgres-password'])).toBe(credentials.postgresPassword);
    expect(decode(secret.data['mysub-password'])).toBe(credentials.userPasswords.mysub);
    expect(validateObjects([secret])).toEqual([]);
  });

  test('round trip through the Secret (data)', () => {
    const generated = generateCredentials(settings);
    expect(credentialsFromSecret(settings, renderCredentialsSecret(settings, generated))).toEqual(generated);
  });

  test('reads stringData too', () => {
    const secret = renderCredentialsSecret(settings, credentials) as KubeObject & Record<string, any>;
    const stringData = Object.fromEntries(Object.entries(secret.data as Record<string, string>).map(([k, v]) => [k, decode(v)]));
    const asStringData = { ...secret, data: undefined, stringData };
    expect(credentialsFromSecret(settings, asStringData)).toEqual(credentials);
  });

  test('a missing or empty key gives undefined', () => {
    const secret = renderCredentialsSecret(settings, credentials) as KubeObject & Record<string, any>;
    const { 'recommend-password': _gone, ...rest } = secret.data as Record<string, string>;
    expect(credentialsFromSecret(settings, { ...secret, data: rest })).toBeUndefined();
    expect(credentialsFromSecret(settings, { ...secret, data: { ...secret.data, 'jwt-secret-key': '' } })).toBeUndefined();
    expect(credentialsFromSecret(settings, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } })).toBeUndefined();
  });
});
