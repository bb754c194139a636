// ingress-nginx path matching and rewriting, as the lab's backend-ingress uses them.
import { expect, test } from 'vitest';
import type { KObject } from '../../../../src/sandbox/apiserver/types.js';
import { routeIngress } from '../../../../src/sandbox/gateway/ingress-routing.js';

const backendIngress: KObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: {
    name: 'backend-ingress',
    namespace: 'alice-lifesub-ns',
    annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' },
  },
  spec: {
    ingressClassName: 'nginx',
    rules: [
      {
        http: {
          paths: ['member', 'mysub', 'recommend'].map((s) => ({
            path: `/${s}(/|$)(.*)`,
            pathType: 'ImplementationSpecific',
            backend: { service: { name: s, port: { number: 80 } } },
          })),
        },
      },
    ],
  },
};

test('regex paths with rewrite-target /$2 strip the service prefix', () => {
  expect(routeIngress([backendIngress], 'x', '/member/api/auth/login')).toMatchObject({ namespace: 'alice-lifesub-ns', service: 'member', port: 80, path: '/api/auth/login' });
  expect(routeIngress([backendIngress], 'x', '/mysub/actuator/health?full=1')).toMatchObject({ service: 'mysub', path: '/actuator/health?full=1' });
  expect(routeIngress([backendIngress], 'x', '/recommend')).toMatchObject({ service: 'recommend', path: '/' });
  expect(routeIngress([backendIngress], 'x', '/members')).toBeUndefined();
  expect(routeIngress([backendIngress], 'x', '/')).toBeUndefined();
});

test('a rule with a host matches only that host; other classes are ignored', () => {
  const hosted = structuredClone(backendIngress);
  hosted.spec.rules[0].host = 'dg0200.20.1.2.3.nip.io';
  expect(routeIngress([hosted], '127.0.0.1', '/member/x')).toBeUndefined();
  expect(routeIngress([hosted], 'dg0200.20.1.2.3.nip.io', '/member/x')?.service).toBe('member');
  const other = structuredClone(backendIngress);
  other.spec.ingressClassName = 'traefik';
  expect(routeIngress([other], 'x', '/member/x')).toBeUndefined();
});

test('Prefix paths without regex match whole segments', () => {
  const plain: KObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'n' },
    spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/app', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
  };
  expect(routeIngress([plain], 'h', '/app/x')?.path).toBe('/app/x');
  expect(routeIngress([plain], 'h', '/app')?.service).toBe('web');
  expect(routeIngress([plain], 'h', '/apple')).toBeUndefined();
});
