// What bitnami/postgresql (chart 14.x, PostgreSQL 16.2) creates in the standalone architecture:
// the primary StatefulSet with its `data` volume claim, a ClusterIP and a headless Service, and the
// password Secret unless `existingSecret` names one (which then has to exist, with the right keys).
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../../adapters/types.js';
import type { Chart, RequiredSecret } from './index.js';
import { at, fullname, map, obj, str, type Values } from './values.js';

const APP_VERSION = '16.2.0';

/** `global.postgresql.auth.X` wins over `auth.X`, as in the chart's helpers. */
function auth(values: Values, key: string): string | undefined {
  return str(values, `global.postgresql.auth.${key}`) ?? str(values, `auth.${key}`);
}

function names(release: string, values: Values) {
  const full = fullname(release, 'postgresql', values.fullnameOverride);
  const existing = auth(values, 'existingSecret');
  const username = auth(values, 'username');
  return {
    full,
    existing,
    secret: existing ?? full,
    username,
    database: auth(values, 'database'),
    adminKey: auth(values, 'secretKeys.adminPasswordKey') ?? 'postgres-password',
    userKey: auth(values, 'secretKeys.userPasswordKey') ?? 'password',
    postgresUser: at(values, 'auth.enablePostgresUser') !== false,
    customUser: username !== undefined && username !== 'postgres',
  };
}

export const postgresql: Chart = {
  name: 'postgresql',
  appVersion: APP_VERSION,
  latestVersion: '14.3.2',

  requiredSecrets(release, values): RequiredSecret[] {
    const n = names(release, values);
    if (!n.existing) return [];
    const keys = [
      ...(n.postgresUser ? [{ key: n.adminKey, valuePath: 'auth.secretKeys.adminPasswordKey' }] : []),
      ...(n.customUser ? [{ key: n.userKey, valuePath: 'auth.secretKeys.userPasswordKey' }] : []),
    ];
    return [{ name: n.existing, valuePath: 'auth.existingSecret', keys }];
  },

  render(release, namespace, version, values): KubeObject[] {
    const n = names(release, values);
    const selector = { 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/instance': release, 'app.kubernetes.io/component': 'primary' };
    const labels = {
      ...selector,
      'app.kubernetes.io/managed-by': 'Helm',
      'app.kubernetes.io/version': APP_VERSION,
      'helm.sh/chart': `postgresql-${version}`,
      ...map(values, 'commonLabels'),
    };
    const meta = (name: string) => ({ name, namespace, labels });
    const persistence = at(values, 'primary.persistence.enabled') !== false;
    const storageClass = str(values, 'primary.persistence.storageClass') ?? str(values, 'global.storageClass') ?? str(values, 'global.defaultStorageClass');
    const tag = str(values, 'image.tag') ?? APP_VERSION;
    const repository = str(values, 'image.repository') ?? 'bitnami/postgresql';
    const registry = str(values, 'image.registry') ?? 'docker.io';
    const secretRef = (key: string) => ({ valueFrom: { secretKeyRef: { name: n.secret, key } } });
    const objects: KubeObject[] = [];
    if (!n.existing) {
      const random = () => randomBytes(8).toString('base64url').slice(0, 10);
      const data: Record<string, string> = {};
      if (n.postgresUser) data['postgres-password'] = auth(values, 'postgresPassword') ?? random();
      if (n.customUser) data.password = auth(values, 'password') ?? random();
      objects.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta(n.full),
        type: 'Opaque',
        data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      });
    }
    const tcp = { name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' };
    objects.push(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { ...meta(`${n.full}-hl`), annotations: { 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' } },
        spec: { type: 'ClusterIP', clusterIP: 'None', publishNotReadyAddresses: true, ports: [tcp], selector },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(n.full),
        spec: { type: str(values, 'primary.service.type') ?? str(values, 'service.type') ?? 'ClusterIP', sessionAffinity: 'None', ports: [tcp], selector },
      },
    );
    const readiness: Values = {
      exec: { command: ['/bin/sh', '-c', '-e', `exec pg_isready -U "${n.username ?? 'postgres'}" -d "dbname=${n.database ?? 'postgres'}" -h 127.0.0.1 -p 5432`] },
      initialDelaySeconds: 5,
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 6,
    };
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta(n.full),
      spec: {
        replicas: 1,
        serviceName: `${n.full}-hl`,
        updateStrategy: { type: 'RollingUpdate' },
        selector: { matchLabels: selector },
        template: {
          metadata: { name: n.full, labels },
          spec: {
            securityContext: { fsGroup: (at(values, 'primary.podSecurityContext.fsGroup') as number | undefined) ?? 1001 },
            containers: [
              {
                name: 'postgresql',
                image: `${registry}/${repository}:${tag}`,
                imagePullPolicy: 'IfNotPresent',
                securityContext: { runAsUser: (at(values, 'primary.containerSecurityContext.runAsUser') as number | undefined) ?? 1001, runAsNonRoot: true },
                env: [
                  { name: 'POSTGRESQL_PORT_NUMBER', value: '5432' },
                  { name: 'POSTGRESQL_VOLUME_DIR', value: '/bitnami/postgresql' },
                  { name: 'PGDATA', value: '/bitnami/postgresql/data' },
                  ...(n.customUser ? [{ name: 'POSTGRES_USER', value: n.username }, { name: 'POSTGRES_PASSWORD', ...secretRef(n.userKey) }] : []),
                  ...(n.postgresUser ? [{ name: 'POSTGRES_POSTGRES_PASSWORD', ...secretRef(n.adminKey) }] : []),
                  ...(n.database ? [{ name: 'POSTGRES_DATABASE', value: n.database }] : []),
                ],
                ports: [{ name: 'tcp-postgresql', containerPort: 5432 }],
                livenessProbe: { ...readiness, initialDelaySeconds: 30 },
                readinessProbe: readiness,
                resources: obj(values, 'primary.resources') ?? { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '150m', memory: '192Mi' } },
                volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }],
              },
            ],
            ...(persistence ? {} : { volumes: [{ name: 'data', emptyDir: {} }] }),
          },
        },
        ...(persistence
          ? {
              volumeClaimTemplates: [
                {
                  apiVersion: 'v1',
                  kind: 'PersistentVolumeClaim',
                  metadata: { name: 'data' },
                  spec: {
                    accessModes: ['ReadWriteOnce'],
                    resources: { requests: { storage: str(values, 'primary.persistence.size') ?? '8Gi' } },
                    ...(storageClass ? { storageClassName: storageClass } : {}),
                  },
                },
              ],
            }
          : {}),
      },
    });
    return objects;
  },
};
