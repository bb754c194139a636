import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { CREDENTIALS_SECRET, renderIngressValues, renderPostgresValues } from '../../../src/render/index.js';
import { credentials, settings } from './fixtures.js';

describe('renderIngressValues', () => {
  test('exactly the walkthrough values plus the installed-by label', () => {
    const values = parse(renderIngressValues(settings));
    expect(values).toEqual({
      commonLabels: { 'lifesub.io/installed-by': 'lifesub' },
      controller: {
        replicaCount: 1,
        labels: { 'lifesub.io/installed-by': 'lifesub' },
        service: {
          annotations: { 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/healthz' },
          loadBalancerIP: '',
          appProtocol: false,
        },
        config: { 'use-forwarded-headers': 'true' },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      },
    });
    // YAML 1.1 readers (helm) must see a string, not a boolean.
    expect(renderIngressValues(settings)).toMatch(/use-forwarded-headers: "true"/);
  });
});

describe('renderPostgresValues', () => {
  test.each(['member', 'mysub', 'recommend'])('%s: lab values, passwords only by reference', (service) => {
    const text = renderPostgresValues(settings, service);
    const v = parse(text);
    expect(v.architecture).toBe('standalone');
    expect(v.commonLabels).toEqual({ 'lifesub.io/id': 'alice' });
    const auth = {
      username: 'admin',
      database: service,
      existingSecret: CREDENTIALS_SECRET,
      secretKeys: {
        adminPasswordKey: 'postgres-password',
        userPasswordKey: `${service}-password`,
        replicationPasswordKey: 'replication-password',
      },
    };
    expect(v.global.postgresql.auth).toEqual(auth);
    expect(v.auth).toEqual(auth);
    expect(v.primary.persistence).toEqual({ enabled: true, storageClass: 'managed', size: '10Gi' });
    expect(v.primary.resources).toEqual({ requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(v.primary.podSecurityContext).toMatchObject({ fsGroup: 1001 });
    expect(v.primary.containerSecurityContext).toMatchObject({ runAsUser: 1001 });
    expect(v.primary.service.type).toBe('ClusterIP');
    // Chart 14.3.2's own repository (docker.io/bitnami) no longer serves its tags; the tag stays the chart's.
    expect(v.image).toEqual({ repository: 'bitnamilegacy/postgresql' });
    expect(text).not.toMatch(/[Pp]assword:/);
    expect(text).not.toMatch(/Passw0rd/);
    for (const secret of [credentials.postgresPassword, credentials.userPasswords[service]!]) expect(text).not.toContain(secret);
  });

  test('an unknown or frontend service is a bug', () => {
    expect(() => renderPostgresValues(settings, 'nope')).toThrow(/no service named 'nope'/);
    expect(() => renderPostgresValues(settings, 'lifesub-web')).toThrow(/not a backend/);
  });
});
