import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import {
  lifesubLabels,
  PULL_SECRET,
  renderManifests,
  renderWebService,
  SECRET_PLACEHOLDER,
  validateObjects,
  WEB_RUNTIME_CONFIGMAP,
} from '../../../src/render/index.js';
import { credentials, decode, find, settings } from './fixtures.js';

const BACKENDS = [
  { name: 'member', port: 8081 },
  { name: 'mysub', port: 8082 },
  { name: 'recommend', port: 8083 },
];
const NS = 'alice-lifesub-ns';
const rendered = renderManifests({ settings, credentials, ingressAddress: '20.1.2.3', webAddress: '20.4.5.6' });
const placeholders = renderManifests({ settings });

describe('renderManifests', () => {
  test('objects come in the lab apply order and validate cleanly', () => {
    expect(rendered.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Ingress/backend-ingress',
      'ConfigMap/common-config',
      'ConfigMap/member-config',
      'ConfigMap/mysub-config',
      'ConfigMap/recommend-config',
      `ConfigMap/${WEB_RUNTIME_CONFIGMAP}`,
      'Secret/common-secret',
      'Secret/member-secret',
      'Secret/mysub-secret',
      'Secret/recommend-secret',
      'Deployment/member',
      'Deployment/mysub',
      'Deployment/recommend',
      'Service/member',
      'Service/mysub',
      'Service/recommend',
      'Deployment/lifesub-web',
      'Service/lifesub-web',
    ]);
    expect(validateObjects(rendered)).toEqual([]);
    expect(validateObjects(placeholders)).toEqual([]);
  });

  test('every object is namespaced and carries the lifesub labels', () => {
    for (const o of rendered) {
      expect(o.metadata.namespace).toBe(NS);
      expect(o.metadata.labels).toMatchObject(lifesubLabels(settings));
    }
    expect(lifesubLabels(settings)).toEqual({
      'app.kubernetes.io/managed-by': 'lifesub',
      'lifesub.io/id': 'alice',
      'app.kubernetes.io/part-of': 'lifesub',
    });
  });

  test("ingress (host mode, the default): the student's own nip.io host, Prefix API paths, no rewrite", () => {
    const ing = find(rendered, 'Ingress', 'backend-ingress');
    expect(ing.metadata.annotations).toBeUndefined();
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.spec.rules).toHaveLength(1);
    expect(ing.spec.rules[0].host).toBe('alice.20.1.2.3.nip.io');
    expect(ing.spec.rules[0].http.paths).toEqual(
      [
        ['member', '/api/auth'],
        ['mysub', '/api/mysub'],
        ['recommend', '/api/recommend'],
      ].map(([name, path]) => ({
        path,
        pathType: 'Prefix',
        backend: { service: { name, port: { number: 80 } } },
      })),
    );
  });

  test('configmaps: common-config with CORS origins, per-service config', () => {
    expect(find(rendered, 'ConfigMap', 'common-config').data).toEqual({
      JPA_DDL_AUTO: 'update',
      JPA_SHOW_SQL: 'true',
      ALLOWED_ORIGINS: 'http://localhost:18080,http://localhost:18081,http://20.4.5.6',
    });
    for (const b of BACKENDS) {
      expect(find(rendered, 'ConfigMap', `${b.name}-config`).data).toEqual({
        SERVER_PORT: String(b.port),
        POSTGRES_HOST: `${b.name}-postgresql`,
        POSTGRES_PORT: '5432',
        POSTGRES_DB: b.name,
      });
    }
    expect(find(placeholders, 'ConfigMap', 'common-config').data.ALLOWED_ORIGINS).toMatch(/,http:\/\/<web-address>$/);
  });

  test("runtime-env.js points the browser at the student's host, with bases ending as today's frontend expects", () => {
    const js = find(rendered, 'ConfigMap', WEB_RUNTIME_CONFIGMAP).data['runtime-env.js'];
    expect(js).toBe(
      'window.__runtime_config__ = { MEMBER_URL: "http://alice.20.1.2.3.nip.io/api/auth", MYSUB_URL: "http://alice.20.1.2.3.nip.io/api/mysub", RECOMMEND_URL: "http://alice.20.1.2.3.nip.io/api/recommend" };\n',
    );
  });

  test('secrets hold the generated credentials (base64 data)', () => {
    const common = find(rendered, 'Secret', 'common-secret');
    expect(common.type).toBe('Opaque');
    expect(decode(common.data.JWT_SECRET_KEY)).toBe(credentials.jwtSecret);
    const plain = (name: string): Record<string, string> =>
      Object.fromEntries(Object.entries(find(rendered, 'Secret', name).data as Record<string, string>).map(([k, v]) => [k, decode(v)]));
    expect(plain('member-secret')).toEqual({
      POSTGRES_USER: 'admin',
      POSTGRES_PASSWORD: credentials.userPasswords.member,
      JWT_ACCESS_TOKEN_VALIDITY: '3600000',
      JWT_REFRESH_TOKEN_VALIDITY: '86400000',
    });
    expect(plain('mysub-secret')).toEqual({ POSTGRES_USER: 'admin', POSTGRES_PASSWORD: credentials.userPasswords.mysub });
    expect(plain('recommend-secret')).toEqual({ POSTGRES_USER: 'admin', POSTGRES_PASSWORD: credentials.userPasswords.recommend });
  });

  test('without credentials every secret value is a placeholder', () => {
    expect(find(placeholders, 'Secret', 'common-secret').stringData).toEqual({ JWT_SECRET_KEY: SECRET_PLACEHOLDER });
    for (const b of BACKENDS) {
      const s = find(placeholders, 'Secret', `${b.name}-secret`);
      expect(s.stringData.POSTGRES_PASSWORD).toBe(SECRET_PLACEHOLDER);
      expect(s).not.toHaveProperty('data');
    }
    expect(JSON.stringify(placeholders)).not.toMatch(/Passw0rd/);
  });

  test.each(BACKENDS)('backend deployment $name follows the lab', ({ name, port }) => {
    const d = find(rendered, 'Deployment', name);
    expect(d.metadata.labels?.app).toBe(name);
    expect(d.spec.selector).toEqual({ matchLabels: { app: name } });
    expect(d.spec.template.metadata.labels).toMatchObject({ app: name, 'lifesub.io/id': 'alice' });
    const pod = d.spec.template.spec;
    expect(pod.imagePullSecrets).toEqual([{ name: PULL_SECRET }]);
    expect(pod.containers).toHaveLength(1);
    const c = pod.containers[0];
    expect(c.name).toBe(name);
    expect(c.image).toBe(`alicecr.azurecr.io/lifesub/${name}:1.0.0`);
    expect(c.imagePullPolicy).toBe('Always');
    expect(c.ports).toEqual([{ containerPort: port }]);
    expect(c.resources).toEqual({ requests: { cpu: '256m', memory: '256Mi' }, limits: { cpu: '1024m', memory: '1024Mi' } });
    expect(c.envFrom).toEqual([
      { configMapRef: { name: 'common-config' } },
      { configMapRef: { name: `${name}-config` } },
      { secretRef: { name: 'common-secret' } },
      { secretRef: { name: `${name}-secret` } },
    ]);
    expect(c.startupProbe).toEqual({ httpGet: { path: '/actuator/health', port }, initialDelaySeconds: 30, periodSeconds: 10, failureThreshold: 30 });
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/actuator/health/readiness', port }, initialDelaySeconds: 10, periodSeconds: 5 });
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/actuator/health/liveness', port }, initialDelaySeconds: 60, periodSeconds: 15 });
  });

  test.each(BACKENDS)('backend service $name: ClusterIP 80 → $port', ({ name, port }) => {
    const s = find(rendered, 'Service', name);
    expect(s.spec).toEqual({ type: 'ClusterIP', selector: { app: name }, ports: [{ port: 80, targetPort: port, protocol: 'TCP' }] });
  });

  test('frontend deployment: port, resources, health probe, runtime-env.js mount, pull secret', () => {
    const d = find(rendered, 'Deployment', 'lifesub-web');
    expect(d.spec.selector.matchLabels).toEqual({ app: 'lifesub-web' });
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    expect(c.image).toBe('alicecr.azurecr.io/lifesub/lifesub-web:1.0.0');
    expect(c.ports).toEqual([{ containerPort: 18080 }]);
    expect(c.resources).toEqual({ requests: { cpu: '256m', memory: '256Mi' }, limits: { cpu: '1024m', memory: '1024Mi' } });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/health', port: 18080 });
    const volume = pod.volumes.find((v: { configMap?: { name: string } }) => v.configMap?.name === WEB_RUNTIME_CONFIGMAP);
    expect(c.volumeMounts).toEqual([{ name: volume.name, mountPath: '/usr/share/nginx/html/runtime-env.js', subPath: 'runtime-env.js', readOnly: true }]);
    expect(pod.imagePullSecrets).toEqual([{ name: PULL_SECRET }]);
  });

  test('frontend service is the early-applied LoadBalancer service', () => {
    const s = find(rendered, 'Service', 'lifesub-web');
    expect(s).toEqual(renderWebService(settings));
    expect(s.spec).toEqual({ type: 'LoadBalancer', selector: { app: 'lifesub-web' }, ports: [{ port: 80, targetPort: 18080, protocol: 'TCP' }] });
  });

  test('no lab defects: no dockerhub secret, no dg0200, no placeholder host', () => {
    const text = JSON.stringify(rendered);
    expect(text).not.toMatch(/dockerhub/);
    expect(text).not.toMatch(/dg0200/);
    expect(text).not.toMatch(/"host":"(?!alice\.20\.1\.2\.3\.nip\.io")/);
    expect(text).not.toMatch(/<<<<<<<|>>>>>>>/);
  });

  test('images can be given explicitly', () => {
    const objects = renderManifests({ settings, images: { member: 'example.test/member@sha256:abc' } });
    expect(find(objects, 'Deployment', 'member').spec.template.spec.containers[0].image).toBe('example.test/member@sha256:abc');
    expect(find(objects, 'Deployment', 'mysub').spec.template.spec.containers[0].image).toBe('alicecr.azurecr.io/lifesub/mysub:1.0.0');
  });

  test('services come from the configuration, not from code', () => {
    const extra = {
      ...settings.config.services[0]!,
      name: 'billing',
      module: 'billing',
      jar: 'billing/build/libs/billing.jar',
      port: 8084,
      database: 'billing',
      apiPath: '/api/billing',
    };
    const custom = { ...settings, config: { ...settings.config, services: [...settings.config.services, extra] } };
    const objects: KubeObject[] = renderManifests({
      settings: custom,
      credentials: { ...credentials, userPasswords: { ...credentials.userPasswords, billing: 'b'.repeat(30) } },
    });
    expect(find(objects, 'Deployment', 'billing').spec.template.spec.containers[0].ports).toEqual([{ containerPort: 8084 }]);
    expect(find(objects, 'ConfigMap', 'billing-config').data.POSTGRES_HOST).toBe('billing-postgresql');
    expect(find(objects, 'Ingress', 'backend-ingress').spec.rules[0].http.paths).toHaveLength(4);
    expect(find(objects, 'ConfigMap', WEB_RUNTIME_CONFIGMAP).data['runtime-env.js']).toMatch(
      /BILLING_URL: "http:\/\/alice\.<ingress-address>\.nip\.io\/api\/billing"/,
    );
    expect(validateObjects(objects)).toEqual([]);
  });
});
